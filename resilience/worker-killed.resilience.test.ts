import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { emails } from '../src/db/schema/index.ts';
import { queueEmail, SEND_EMAIL_JOB } from '../src/platform/email/outbox.ts';
import { type Jobs, createPgBossJobs } from '../src/platform/jobs.ts';
import { createDatabase } from './helpers/postgres.ts';

const EXPIRE_SECONDS = 3;

/**
 * A worker is killed (SIGKILL) while it is sending an email: the SMTP server has the message's
 * data in hand and has not answered. Another worker retries the job once it has expired, and the
 * email is delivered exactly once.
 */
describe('a worker killed in the middle of a job', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let handle: DatabaseHandle;
  let sender: Jobs;
  let server: SMTPServer;
  let smtpUrl: string;
  let hanging = true;
  const received: ParsedMail[] = [];
  const dataStarted: (() => void)[] = [];
  const deliveries: (() => void)[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createDatabase();
    handle = await openDatabase({ driver: 'postgres', url: database.url, poolSize: 2 });
    // An SMTP server that, while "hanging", takes the data and never answers: the sending worker waits.
    server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'], authOptional: true, logger: false,
      onData(stream, _session, callback) {
        if (hanging) {
          stream.resume();
          for (const notify of dataStarted.splice(0)) notify();
          return;
        }
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
          for (const notify of deliveries.splice(0)) notify();
        }).catch(callback);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?tls=off`;
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await sender?.stop();
    await handle?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database?.drop();
  });

  /** `npm run worker`, as deployed, with short expiry so the test does not wait a quarter of an hour. */
  async function startWorker(): Promise<ChildProcess> {
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      env: {
        ...process.env, DATABASE_URL: database.url, SMTP_URL: smtpUrl, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_ON_START: 'false',
        JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS), JOB_SUPERVISE_SECONDS: '1', STORAGE_DIR: '/tmp/eflc-resilience-worker',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    workers.push(worker);
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    while (!output.includes('Travailleur démarré')) await once(worker.stdout!, 'data');
    return worker;
  }

  // The retry waits out the expiry and the email job's own retry delay (30 s, doubled), plus two
  // worker starts: about two minutes, more on a busy machine.
  it('retries the job after the worker died, and the email leaves once', { timeout: 300_000 }, async () => {
    const first = await startWorker();
    sender = createPgBossJobs(handle, { work: false, expireSeconds: EXPIRE_SECONDS, superviseSeconds: 1 });
    sender.define({ name: SEND_EMAIL_JOB, retryLimit: 10, retryDelay: 30, handle: async () => undefined });
    await sender.start();
    const emailId = await queueEmail(handle.db, { idempotencyKey: 'travailleur-tue', recipient: 'une@exemple.fr', purpose: 'test', subject: 'Une seule fois', html: '<p>Bonjour</p>', text: 'Bonjour' });
    const started = new Promise<void>((resolve) => dataStarted.push(resolve));
    await sender.send(SEND_EMAIL_JOB, { emailId });
    await started;
    first.kill('SIGKILL');
    await once(first, 'exit');
    const [during] = await handle.db.select().from(emails).where(eq(emails.id, emailId!));
    expect(during!.status).toBe('sending');

    hanging = false;
    const delivered = new Promise<void>((resolve) => deliveries.push(resolve));
    await startWorker();
    await delivered;
    // The worker records the delivery once the SMTP answer reaches it, just after our server
    // has the message: wait for that write rather than read the row too early.
    let [after] = await handle.db.select().from(emails).where(eq(emails.id, emailId!));
    while (after!.status === 'sending') {
      await new Promise((resolve) => setImmediate(resolve));
      [after] = await handle.db.select().from(emails).where(eq(emails.id, emailId!));
    }
    expect(after!.status).toBe('sent');
    expect(after!.attempts).toBe(2);
    expect(received.map((mail) => mail.subject)).toEqual(['Une seule fois']);
  });
});
