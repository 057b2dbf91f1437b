import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emails, opportunityWindows } from '../../db/schema/index.ts';
import { createUser } from '../../../test/helpers/accounts.ts';
import { createOpportunity } from '../../../test/helpers/factories.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { SWEEP_EMAILS_JOB } from '../../platform/email/mailer.ts';
import { followOpportunity, saveSearch } from './alerts.commands.ts';
import { DIGEST_JOB } from './digest.job.ts';

// The clock starts on Tuesday 2 March 2027, 10:00 in Paris.
describe('the daily digest', () => {
  let context: TestContext;

  const at = (iso: string) => context.clock.set(iso);
  async function runDigest() {
    await context.jobs.run(DIGEST_JOB);
    await context.jobs.runAll();
  }

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  beforeEach(() => {
    context.smtp!.clear();
    at('2027-03-02T07:00:00+01:00');
  });
  afterAll(() => context.close());

  it('reminds a follower 14 days and 3 days before the deadline, once each, whatever her rhythm', async () => {
    const db = context.database.db;
    const user = await createUser(db, context.clock, 'rappels@exemple.fr', 'member', { digestFrequency: 'weekly' });
    const opportunity = await createOpportunity(db, { slug: 'bourse-rappel', title: 'Bourse à rappeler', windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-30' }] });
    await followOpportunity(db, user.id, opportunity.id, 'deadlines', context.clock);

    await runDigest();
    expect(context.smtp!.to('rappels@exemple.fr')).toHaveLength(0);

    at('2027-03-16T07:00:00+01:00'); // 14 days left, a Tuesday: weekly people get reminders too
    await runDigest();
    await runDigest();
    const [first, ...others] = context.smtp!.to('rappels@exemple.fr');
    expect(others).toHaveLength(0);
    expect(first!.subject).toBe('Date limite proche : Bourse à rappeler');
    expect(first!.text).toContain('Candidatures jusqu’au 30 mars 2027 : plus que 14 jours.');
    expect(first!.text).toContain('http://localhost:3000/aides/bourse-rappel');

    at('2027-03-17T07:00:00+01:00');
    await runDigest();
    expect(context.smtp!.to('rappels@exemple.fr')).toHaveLength(1);

    at('2027-03-27T08:00:00+01:00'); // 3 days left
    await runDigest();
    const messages = context.smtp!.to('rappels@exemple.fr');
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toContain('plus que 3 jours');
  });

  it('tells followers when the dates change', async () => {
    const db = context.database.db;
    const user = await createUser(db, context.clock, 'dates@exemple.fr', 'member', { digestFrequency: 'daily' });
    const opportunity = await createOpportunity(db, { slug: 'prix-decale', title: 'Prix décalé', windows: [{ opensOn: '2027-02-01', closesOn: '2027-06-30' }] });
    await followOpportunity(db, user.id, opportunity.id, 'deadlines', context.clock);
    at('2027-03-03T09:00:00+01:00');
    await db.update(opportunityWindows).set({ closesOn: '2027-07-15' }).where(eq(opportunityWindows.opportunityId, opportunity.id));
    at('2027-03-04T07:00:00+01:00');
    await runDigest();
    const [mail] = context.smtp!.to('dates@exemple.fr');
    expect(mail!.text).toContain('DATES MODIFIÉES');
    expect(mail!.text).toContain('Nouvelle date limite : 15 juillet 2027.');
    at('2027-03-05T07:00:00+01:00');
    await runDigest();
    expect(context.smtp!.to('dates@exemple.fr')).toHaveLength(1);
  });

  it('announces the next edition once it opens, and only a new one', async () => {
    const db = context.database.db;
    const user = await createUser(db, context.clock, 'edition@exemple.fr', 'member', { digestFrequency: 'daily' });
    const opportunity = await createOpportunity(db, { slug: 'prix-annuel', title: 'Prix annuel', windows: [{ opensOn: '2026-01-01', closesOn: '2026-02-28' }] });
    await followOpportunity(db, user.id, opportunity.id, 'next_edition', context.clock);
    await db.insert(opportunityWindows).values({ opportunityId: opportunity.id, opensOn: '2027-04-01', closesOn: '2027-05-31' });
    at('2027-03-31T07:00:00+02:00');
    await runDigest();
    expect(context.smtp!.to('edition@exemple.fr')).toHaveLength(0);
    at('2027-04-01T07:00:00+02:00');
    await runDigest();
    const [mail] = context.smtp!.to('edition@exemple.fr');
    expect(mail!.text).toContain('NOUVELLES ÉDITIONS OUVERTES');
    expect(mail!.text).toContain('Les candidatures sont ouvertes jusqu’au 31 mai 2027.');
    at('2027-04-02T07:00:00+02:00');
    await runDigest();
    expect(context.smtp!.to('edition@exemple.fr')).toHaveLength(1);
  });

  it('sends new opportunities matching a saved search, daily or on Mondays for weekly ones', async () => {
    const db = context.database.db;
    const daily = await createUser(db, context.clock, 'quotidienne@exemple.fr', 'member', { digestFrequency: 'daily' });
    const weekly = await createUser(db, context.clock, 'hebdo@exemple.fr', 'member', { digestFrequency: 'daily' });
    await createOpportunity(db, { title: 'Résidence déjà connue', kind: 'residency', publishedAt: new Date('2027-03-01T10:00:00Z') });
    await saveSearch(db, daily.id, { query: 'q=residence&type=residence', label: '« residence » · Résidence', frequency: 'daily' }, context.clock);
    await saveSearch(db, weekly.id, { query: 'type=residence', label: 'Résidence', frequency: 'weekly' }, context.clock);
    at('2027-03-02T12:00:00+01:00');
    await createOpportunity(db, { slug: 'residence-nouvelle', title: 'Résidence nouvelle sur la côte', kind: 'residency', publishedAt: new Date('2027-03-02T11:00:00Z'), windows: [{ opensOn: '2027-03-01', closesOn: '2027-05-01' }] });
    await createOpportunity(db, { title: 'Prix nouveau', kind: 'prize', publishedAt: new Date('2027-03-02T11:00:00Z'), windows: [{ opensOn: '2027-03-01', closesOn: '2027-05-01' }] });

    at('2027-03-03T07:00:00+01:00'); // Wednesday
    await runDigest();
    const [dailyMail] = context.smtp!.to('quotidienne@exemple.fr');
    expect(dailyMail!.subject).toBe('1 nouveauté pour vos alertes');
    expect(dailyMail!.text).toContain('NOUVELLES AIDES : « RESIDENCE » · RÉSIDENCE');
    expect(dailyMail!.text).toContain('Résidence nouvelle sur la côte');
    expect(dailyMail!.text).not.toContain('Prix nouveau');
    expect(dailyMail!.text).not.toContain('déjà connue');
    expect(dailyMail!.text).toMatch(/Supprimer cette alerte : http:\/\/localhost:3000\/alertes\/arreter\/[A-Za-z0-9_-]{43}/);
    expect(context.smtp!.to('hebdo@exemple.fr')).toHaveLength(0);

    at('2027-03-08T07:00:00+01:00'); // Monday
    await runDigest();
    expect(context.smtp!.to('quotidienne@exemple.fr')).toHaveLength(1);
    const [weeklyMail] = context.smtp!.to('hebdo@exemple.fr');
    expect(weeklyMail!.text).toContain('Résidence nouvelle sur la côte');
  });

  it('carries one-click unsubscribe headers and a link in the body', async () => {
    const db = context.database.db;
    const user = await createUser(db, context.clock, 'entetes@exemple.fr', 'member', { digestFrequency: 'daily' });
    const opportunity = await createOpportunity(db, { windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-05' }] });
    await followOpportunity(db, user.id, opportunity.id, 'deadlines', context.clock);
    await runDigest();
    const [mail] = context.smtp!.to('entetes@exemple.fr');
    const header = (name: string) => mail!.headerLines.find((line) => line.key === name)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <http://localhost:3000/desabonnement/${user.unsubscribeToken}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail!.text).toContain(`Ne plus recevoir d’alertes par email : http://localhost:3000/desabonnement/${user.unsubscribeToken}`);
  });

  it('keeps the body short: ten items at most, then a link to the rest', async () => {
    const db = context.database.db;
    const user = await createUser(db, context.clock, 'beaucoup@exemple.fr', 'member', { digestFrequency: 'daily' });
    await saveSearch(db, user.id, { query: 'type=acquisition', label: 'Acquisition', frequency: 'daily' }, context.clock);
    at('2027-03-02T12:00:00+01:00');
    for (let index = 0; index < 13; index += 1) {
      await createOpportunity(db, { title: `Acquisition numéro ${index}`, kind: 'acquisition', publishedAt: new Date(`2027-03-02T11:${String(10 + index).padStart(2, '0')}:00Z`), windows: [{ opensOn: '2027-03-01', closesOn: '2027-06-01' }] });
    }
    at('2027-03-03T07:00:00+01:00');
    await runDigest();
    const [mail] = context.smtp!.to('beaucoup@exemple.fr');
    expect((mail!.text!.match(/Acquisition numéro/g) ?? []).length).toBe(10);
    expect(mail!.text).toContain('Voir les 3 autres nouvelles aides : http://localhost:3000/aides?type=acquisition&tri=recent');
  });

  it('sends nothing to people with nothing new, or who chose "never"', async () => {
    const db = context.database.db;
    const quiet = await createUser(db, context.clock, 'calme@exemple.fr', 'member', { digestFrequency: 'daily' });
    await saveSearch(db, quiet.id, { query: 'q=introuvable', label: 'introuvable', frequency: 'daily' }, context.clock);
    const paused = await createUser(db, context.clock, 'pause@exemple.fr', 'member', { digestFrequency: 'none' });
    const opportunity = await createOpportunity(db, { windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-04' }] });
    await followOpportunity(db, paused.id, opportunity.id, 'deadlines', context.clock);
    await runDigest();
    expect(context.smtp!.to('calme@exemple.fr')).toHaveLength(0);
    expect(context.smtp!.to('pause@exemple.fr')).toHaveLength(0);
  });

  it('loses nothing and sends nothing twice when the SMTP server is down during the digest', async () => {
    const db = context.database.db;
    const recipients = ['panne-1@exemple.fr', 'panne-2@exemple.fr', 'panne-3@exemple.fr'];
    const opportunity = await createOpportunity(db, { windows: [{ opensOn: '2027-02-01', closesOn: '2027-03-06' }] });
    for (const email of recipients) {
      const user = await createUser(db, context.clock, email, 'member', { digestFrequency: 'daily' });
      await followOpportunity(db, user.id, opportunity.id, 'deadlines', context.clock);
    }
    at('2027-03-03T07:00:00+01:00');
    await context.smtp!.stop();
    await context.jobs.run(DIGEST_JOB);
    await expect(context.jobs.runAll()).rejects.toThrow();
    context.jobs.sent.length = 0;
    const pending = await db.select({ id: emails.id, status: emails.status }).from(emails).where(eq(emails.purpose, 'digest'));
    expect(pending.filter((row) => row.status === 'pending').length).toBeGreaterThanOrEqual(recipients.length);

    await context.smtp!.restart();
    at('2027-03-03T07:20:00+01:00'); // the sweeper picks up what waited more than 10 minutes
    await context.jobs.run(SWEEP_EMAILS_JOB);
    await context.jobs.runAll();
    await context.jobs.run(SWEEP_EMAILS_JOB);
    await context.jobs.runAll();
    await context.jobs.run(DIGEST_JOB);
    await context.jobs.runAll();
    for (const email of recipients) expect(context.smtp!.to(email)).toHaveLength(1);
  });
});
