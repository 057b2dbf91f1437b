import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactMessages } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { HONEYPOT_FIELD } from '../../ui/components/honeypot.tsx';
import { CONTACT_RETENTION_JOB } from './contact-retention.job.ts';

const TEAM = 'equipe@culture.example';

describe('Nous écrire', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true, config: { TEAM_EMAIL: TEAM } });
  });
  afterAll(() => context.close());

  it('offers the five subjects, preselects one from the address, and says why each field is asked', async () => {
    const page = await new TestClient(context.app).get('/nous-ecrire?sujet=testeuse');
    const text = textOf(page.body);
    for (const label of ['Donner votre avis', 'Poser une question', 'Devenir testeuse', 'partenariat ou une contribution', 'Autre chose']) expect(text).toContain(label);
    expect(page.body).toMatch(/<input type="radio" id="subject-testeuse" name="subject" value="testeuse" checked/);
    expect(text).toContain('Seulement pour vous répondre');
  });

  it('stores the message and emails it to the team address, with Reply-To the sender', async () => {
    const visitor = new TestClient(context.app, '198.51.100.20');
    const response = await visitor.post('/nous-ecrire', { subject: 'partenariat', message: 'Nous sommes un festival et voudrions\nrelayer les aides.', email: 'Festival@Exemple.fr', name: 'Camille <b>' }, { page: '/nous-ecrire' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/nous-ecrire/merci');
    const [stored] = await context.database.db.select().from(contactMessages);
    expect(stored).toMatchObject({ subject: 'partnership', email: 'festival@exemple.fr', name: 'Camille <b>', userId: null, handledAt: null });
    await context.jobs.runAll();
    const [mail] = context.smtp!.to(TEAM);
    expect(mail!.subject).toBe('[Nous écrire] Proposer un partenariat ou une contribution');
    expect(mail!.replyTo?.value[0]?.address).toBe('festival@exemple.fr');
    expect(mail!.text).toContain('relayer les aides');
    expect(mail!.html).toContain('Camille &lt;b');
    expect(mail!.html).not.toContain('Camille <b>');
  });

  it('refuses an incomplete form in French with every error, keeping what was typed', async () => {
    const visitor = new TestClient(context.app, '198.51.100.21');
    const response = await visitor.post('/nous-ecrire', { subject: 'inconnu', message: 'x'.repeat(5001), email: 'pas-une-adresse', name: 'Léa' }, { page: '/nous-ecrire' });
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('Le formulaire contient 3 erreurs');
    expect(text).toContain('Choisissez le sujet de votre message.');
    expect(text).toContain('dépasse 5 000 caractères');
    expect(text).toContain('Indiquez une adresse email valide');
    expect(response.body).toContain('value="Léa"');
    // Without a CSRF token: refused before anything is read.
    expect((await visitor.post('/nous-ecrire', { subject: 'avis', message: 'Bonjour', email: 'a@exemple.fr' }, { csrf: false })).statusCode).toBe(403);
    expect(await context.database.db.$count(contactMessages)).toBe(1);
  });

  it('tells robots it worked and keeps nothing; limits each address of origin', async () => {
    const robot = new TestClient(context.app, '198.51.100.22');
    const trapped = await robot.post('/nous-ecrire', { subject: 'avis', message: 'Achetez', email: 'robot@exemple.fr', [HONEYPOT_FIELD]: 'http://spam.example' }, { page: '/nous-ecrire' });
    expect(trapped.headers.location).toBe('/nous-ecrire/merci');
    const before = await context.database.db.$count(contactMessages);
    expect(before).toBe(1);
    const busy = new TestClient(context.app, '198.51.100.23');
    const statuses = [];
    for (let index = 0; index < 6; index += 1) {
      statuses.push((await busy.post('/nous-ecrire', { subject: 'avis', message: `Avis ${index}`, email: `avis${index}@exemple.fr` }, { page: '/nous-ecrire' })).statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });

  it('lists messages for the team, marks them handled, and forgets them after a year', async () => {
    const { client: moderator } = await signedInClient(context, { role: 'moderator' });
    const list = await moderator.get('/admin/messages');
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain('festival@exemple.fr');
    const [first] = await context.database.db.select().from(contactMessages).limit(1);
    const handled = await moderator.post(`/admin/messages/${first!.id}/traite`, {}, { page: '/admin/messages' });
    expect(handled.headers.location).toBe('/admin/messages?ok=traite');
    expect((await moderator.post('/admin/messages/999999/traite', {}, { page: '/admin/messages' })).statusCode).toBe(404);
    expect((await moderator.post('/admin/messages/abc/traite', {}, { page: '/admin/messages' })).statusCode).toBe(404);
    const { client: member } = await signedInClient(context, { role: 'member' });
    expect((await member.get('/admin/messages')).statusCode).toBe(404);

    context.clock.advanceDays(364);
    await context.jobs.run(CONTACT_RETENTION_JOB);
    expect(await context.database.db.$count(contactMessages)).toBe(6);
    context.clock.advanceDays(2);
    await context.jobs.run(CONTACT_RETENTION_JOB);
    expect(await context.database.db.$count(contactMessages)).toBe(0);
  });
});
