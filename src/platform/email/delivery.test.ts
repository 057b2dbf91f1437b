import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emails } from '../../db/schema/index.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { deliverEmail } from './delivery.ts';
import { queueEmail } from './outbox.ts';

describe('email delivery from the outbox', () => {
  let context: TestContext;
  const options = { from: 'Test <test@exemple.fr>', messageIdDomain: 'exemple.fr' };

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  afterAll(() => context.close());

  const queue = (key: string) =>
    queueEmail(context.database.db, { idempotencyKey: key, recipient: 'destinataire@exemple.fr', purpose: 'test', subject: `Sujet ${key}`, html: '<p>Bonjour</p>', text: 'Bonjour' });

  it('queues an email once per idempotency key', async () => {
    const first = await queue('cle-unique');
    expect(first).toBeTypeOf('number');
    expect(await queue('cle-unique')).toBeNull();
  });

  it('sends once even when two workers try at the same time', async () => {
    const id = (await queue('concurrence'))!;
    const results = await Promise.all([
      deliverEmail(context.database.db, context.mailTransport, id, context.clock, options),
      deliverEmail(context.database.db, context.mailTransport, id, context.clock, options),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(context.smtp!.messages.filter((mail) => mail.subject === 'Sujet concurrence')).toHaveLength(1);
    const [row] = await context.database.db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(context.smtp!.messages.find((mail) => mail.subject === 'Sujet concurrence')!.messageId).toBe(`<email-${id}@exemple.fr>`);
  });

  it('puts a failed email back with its error, then sends it when the server is back', async () => {
    const id = (await queue('panne'))!;
    await context.smtp!.stop();
    await expect(deliverEmail(context.database.db, context.mailTransport, id, context.clock, options)).rejects.toThrow();
    const [failed] = await context.database.db.select().from(emails).where(eq(emails.id, id));
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    expect(failed!.lastError).toBeTruthy();
    await context.smtp!.restart();
    expect(await deliverEmail(context.database.db, context.mailTransport, id, context.clock, options)).toBe(true);
    expect(await deliverEmail(context.database.db, context.mailTransport, id, context.clock, options)).toBe(false);
    expect(context.smtp!.messages.filter((mail) => mail.subject === 'Sujet panne')).toHaveLength(1);
  });
});
