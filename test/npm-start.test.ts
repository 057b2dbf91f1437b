import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** npm and the server it started are one process group: a platform stopping the service stops both. */
async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

// A newcomer's `npm start` with nothing configured but a port: the embedded database is created
// and migrated by the start itself, and the start-up line gives the address it really listens on.
describe('npm start on the embedded database', () => {
  let child: ChildProcess | undefined;
  let directory: string | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) await stop(child);
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  // Creating and migrating an embedded database takes a few seconds, longer on a busy machine.
  it('migrates a new database, is ready, and announces its own port', { timeout: 90_000 }, async () => {
    directory = await mkdtemp(join(tmpdir(), 'eflc-demarrage-'));
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: '', DATABASE_URL: '', SEED_ON_START: 'false', PGLITE_DATA_DIR: join(directory, 'base'), STORAGE_DIR: join(directory, 'fichiers'), LOG_LEVEL: 'info' };
    child = spawn('npm', ['start', '--silent'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const started = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Elles font la culture : ')) resolve();
      };
      child!.stdout!.on('data', read);
      child!.stderr!.on('data', read);
      child!.on('exit', () => reject(new Error(`npm start s’est arrêté : ${output}`)));
    });
    await started;
    expect(output).toContain(`Elles font la culture : http://127.0.0.1:${port} (base pglite`);
    const ready = await fetch(`http://127.0.0.1:${port}/sante/pret`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('prêt');
    await stop(child);
  });
});
