import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterSubscribers } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { HONEYPOT_FIELD } from '../../ui/components/honeypot.tsx';
import { CONTACT_RETENTION_JOB } from '../contact/contact-retention.job.ts';

const BASE = 'http://localhost:3000';

describe('newsletter with double opt-in', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  afterAll(() => context.close());

  async function subscribe(email: string, ip = '198.51.100.40') {
    const visitor = new TestClient(context.app, ip);
    const response = await visitor.post('/lettre-d-information', { email, consent: 'oui' }, { page: '/lettre-d-information' });
    await context.jobs.runAll();
    return { visitor, response };
  }

  async function exportRows() {
    const { client: moderator } = await signedInClient(context, { role: 'moderator' });
    const response = await moderator.get('/admin/lettre/abonnees.csv');
    expect(response.statusCode).toBe(200);
    return parse(response.body, { columns: true }) as { email: string; confirmee_le: string; lien_desinscription: string }[];
  }

  it('subscribes only once the emailed link is confirmed, then exports the address', async () => {
    const { visitor, response } = await subscribe('Lectrice@Exemple.fr');
    expect(response.headers.location).toBe('/lettre-d-information/verifiez-vos-emails');
    expect((await context.database.db.select().from(newsletterSubscribers))[0]).toMatchObject({ email: 'lectrice@exemple.fr', status: 'pending' });
    expect(await exportRows()).toEqual([]);

    const [mail] = context.smtp!.to('lectrice@exemple.fr');
    const link = linkIn(mail!, `${BASE}/lettre-d-information/confirmer/`);
    // Opening the link (or a mail scanner opening it) confirms nothing; the button does.
    const opened = await visitor.get(link.replace(BASE, ''));
    expect(textOf(opened.body)).toContain('Confirmer mon inscription');
    expect((await context.database.db.select().from(newsletterSubscribers))[0]!.status).toBe('pending');
    const token = link.split('/').at(-1)!;
    const confirmed = await visitor.post('/lettre-d-information/confirmer', { jeton: token });
    expect(confirmed.statusCode).toBe(200);
    expect(textOf(confirmed.body)).toContain('Inscription confirmée');
    // Single use.
    expect((await visitor.post('/lettre-d-information/confirmer', { jeton: token }, { page: link.replace(BASE, '') })).statusCode).toBe(400);

    const rows = await exportRows();
    expect(rows.map((row) => row.email)).toEqual(['lectrice@exemple.fr']);
    expect(rows[0]!.confirmee_le).toBe(context.clock.now().toISOString());
    expect(rows[0]!.lien_desinscription).toMatch(/^http:\/\/localhost:3000\/lettre-d-information\/desinscription\/[\w-]{20,}$/);
  });

  it('answers the same for an address already subscribed, and sends it nothing', async () => {
    context.smtp!.clear();
    const { response } = await subscribe('lectrice@exemple.fr', '198.51.100.41');
    expect(response.headers.location).toBe('/lettre-d-information/verifiez-vos-emails');
    expect(context.smtp!.to('lectrice@exemple.fr')).toEqual([]);
  });

  it('unsubscribes with the personal link and forgets the address', async () => {
    const [row] = await exportRows();
    const visitor = new TestClient(context.app, '198.51.100.42');
    const page = await visitor.get(row!.lien_desinscription.replace(BASE, ''));
    expect(textOf(page.body)).toContain('Me désinscrire');
    const token = row!.lien_desinscription.split('/').at(-1)!;
    const done = await visitor.post('/lettre-d-information/desinscription', { jeton: token });
    expect(textOf(done.body)).toContain('Vous êtes désinscrite');
    expect(await context.database.db.$count(newsletterSubscribers)).toBe(0);
    expect((await visitor.post('/lettre-d-information/desinscription', { jeton: token }, { page: row!.lien_desinscription.replace(BASE, '') })).statusCode).toBe(400);
    expect((await visitor.get('/lettre-d-information/desinscription/court')).statusCode).toBe(400);
  });

  it('refuses a form without consent or address, in French; robots and floods get nothing', async () => {
    const visitor = new TestClient(context.app, '198.51.100.43');
    const refused = await visitor.post('/lettre-d-information', { email: 'mauvaise' }, { page: '/lettre-d-information' });
    expect(refused.statusCode).toBe(400);
    expect(textOf(refused.body)).toContain('Cochez la case pour accepter');
    expect(textOf(refused.body)).toContain('Indiquez une adresse email valide');
    expect(refused.body).toContain('value="mauvaise"');
    expect((await visitor.post('/lettre-d-information', { email: 'a@exemple.fr', consent: 'oui' }, { csrf: false })).statusCode).toBe(403);
    const robot = await visitor.post('/lettre-d-information', { email: 'robot@exemple.fr', consent: 'oui', [HONEYPOT_FIELD]: 'x' }, { page: '/lettre-d-information' });
    expect(robot.statusCode).toBe(303);
    expect(await context.database.db.$count(newsletterSubscribers)).toBe(0);
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await subscribe('insistante@exemple.fr', `198.51.100.${50 + index}`)).response.statusCode);
    expect(statuses).toEqual([303, 303, 303, 429]);
    expect(context.smtp!.to('insistante@exemple.fr')).toHaveLength(3);
  });

  it('forgets addresses never confirmed after a week', async () => {
    expect(await context.database.db.$count(newsletterSubscribers)).toBe(1);
    context.clock.advanceDays(6);
    await context.jobs.run(CONTACT_RETENTION_JOB);
    expect(await context.database.db.$count(newsletterSubscribers)).toBe(1);
    context.clock.advanceDays(2);
    await context.jobs.run(CONTACT_RETENTION_JOB);
    expect(await context.database.db.$count(newsletterSubscribers)).toBe(0);
  });

  it('keeps the team page and the export for staff only', async () => {
    const { client: member } = await signedInClient(context, { role: 'member' });
    expect((await member.get('/admin/lettre/abonnees.csv')).statusCode).toBe(404);
    expect((await new TestClient(context.app).get('/admin/lettre')).statusCode).toBe(404);
    const { client: admin } = await signedInClient(context, { role: 'admin' });
    expect(textOf((await admin.get('/admin/lettre')).body)).toContain('0 adresse confirmée');
  });
});
