import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectionReports, mentorProfiles, mentoringRequests, mentorshipSurveys } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import type { TestClient } from '../../../test/helpers/test-client.ts';
import { requestMentoring } from './mentoring.commands.ts';
import { MENTORING_CLOCK_JOB } from './mentoring.job.ts';

const PROFILE = {
  displayName: 'Hélène Mentore', roleTitle: 'Photographe documentaire et enseignante',
  bio: 'Vingt ans de commandes pour la presse et trois livres publiés ; j’accompagne des photographes sur leurs dossiers et leurs tarifs.',
  helpTopics: ['dossier', 'pricing'], specialties: ['documentary'], languages: ['fr'], formats: ['video'], capacity: '1',
};
const NOTE = 'Je prépare une demande de bourse et j’aimerais un regard sur mon dossier et mon budget.';

describe('mentoring', () => {
  let context: TestContext;
  let moderator: TestClient;
  let sequence = 0;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    moderator = (await signedInClient(context, { role: 'moderator' })).client;
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    context.smtp!.clear();
    await context.database.db.delete(mentorProfiles);
    context.clock.set('2027-03-02T10:00:00+01:00');
  });

  /** A mentor whose profile the team has published; returns her client and profile id. */
  async function publishedMentor(overrides: Record<string, string | string[]> = {}) {
    sequence += 1;
    const mentor = await signedInClient(context, { email: `mentore-${sequence}@exemple.fr` });
    expect((await mentor.client.post('/mon-espace/mentorat/profil', { ...PROFILE, displayName: `Mentore ${sequence}`, ...overrides }, { page: '/mon-espace/mentorat/profil' })).statusCode).toBe(303);
    const [profile] = await context.database.db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, mentor.user.id));
    expect((await moderator.post(`/admin/mentorat/profils/${profile!.id}/decision`, { decision: 'publier' }, { page: '/admin/mentorat' })).statusCode).toBe(303);
    await context.jobs.runAll();
    expect(context.smtp!.to(`mentore-${sequence}@exemple.fr`).map((mail) => mail.subject)).toContain('Mentorat : votre profil est publié');
    context.smtp!.clear();
    return { ...mentor, profileId: profile!.id, email: `mentore-${sequence}@exemple.fr` };
  }
  const mentee = async () => {
    sequence += 1;
    return signedInClient(context, { email: `mentee-${sequence}@exemple.fr`, profile: { displayName: `Mentee ${sequence}` } });
  };
  const searchIds = async (query = '') => [...(await context.app.inject({ url: `/mentorat${query}` })).body.matchAll(/href="\/mentorat\/(\d+)"/g)].map((match) => Number(match[1]));

  it('publishes a mentor profile only after review, and hides it again when edited', async () => {
    const mentor = await signedInClient(context, { email: 'relue@exemple.fr' });
    const invalid = await mentor.client.post('/mon-espace/mentorat/profil', { ...PROFILE, bio: 'Trop court.', capacity: '40', helpTopics: [] }, { page: '/mon-espace/mentorat/profil' });
    expect(invalid.statusCode).toBe(400);
    expect(textOf(invalid.body)).toContain('Indiquez un nombre de 1 à 10.');
    await mentor.client.post('/mon-espace/mentorat/profil', PROFILE, { page: '/mon-espace/mentorat/profil' });
    const [profile] = await context.database.db.select().from(mentorProfiles);
    expect(await searchIds()).toEqual([]);
    expect((await context.app.inject({ url: `/mentorat/${profile!.id}` })).statusCode).toBe(404);
    const refusal = await moderator.post(`/admin/mentorat/profils/${profile!.id}/decision`, { decision: 'refuser', reason: '' }, { page: '/admin/mentorat' });
    expect(refusal.statusCode).toBe(400);
    expect(textOf(refusal.body)).toContain('Indiquez le motif du refus');
    await moderator.post(`/admin/mentorat/profils/${profile!.id}/decision`, { decision: 'publier' }, { page: '/admin/mentorat' });
    expect(await searchIds()).toEqual([profile!.id]);
    await mentor.client.post('/mon-espace/mentorat/profil', { ...PROFILE, roleTitle: 'Iconographe' }, { page: '/mon-espace/mentorat/profil' });
    expect(await searchIds()).toEqual([]);
  });

  it('searches by specialty, topic, language, region and format', async () => {
    const video = await publishedMentor({ helpTopics: ['rights'], languages: ['fr', 'en'] });
    const inPerson = await publishedMentor({ formats: ['in_person'], region: 'Bretagne', specialties: ['landscape'] });
    expect(await searchIds('?sujet=rights')).toEqual([video.profileId]);
    expect(await searchIds('?langue=en')).toEqual([video.profileId]);
    expect(await searchIds('?format=in_person&region=Bretagne')).toEqual([inPerson.profileId]);
    expect(await searchIds('?pratique=landscape')).toEqual([inPerson.profileId]);
    expect((await context.app.inject({ url: '/mentorat?sujet=<script>&langue=xx' })).statusCode).toBe(200);
  });

  it('reminds the mentor on day 3 and day 10, expires on day 14, tells the mentee and frees her slot', async () => {
    const mentor = await publishedMentor();
    const { client, user } = await mentee();
    const short = await client.post(`/mentorat/${mentor.profileId}/demander`, { note: 'Bonjour' }, { page: `/mentorat/${mentor.profileId}` });
    expect(short.statusCode).toBe(400);
    expect((await client.post(`/mentorat/${mentor.profileId}/demander`, { note: NOTE }, { page: `/mentorat/${mentor.profileId}` })).statusCode).toBe(303);
    await context.jobs.runAll();
    expect(context.smtp!.to(mentor.email).map((mail) => mail.subject)).toEqual(['Mentorat : une nouvelle demande']);
    const run = async () => {
      await context.jobs.run(MENTORING_CLOCK_JOB);
      await context.jobs.runAll();
    };
    context.clock.advanceDays(2);
    await run();
    expect(context.smtp!.to(mentor.email)).toHaveLength(1);
    context.clock.advanceDays(1); // day 3
    await run();
    await run();
    expect(context.smtp!.to(mentor.email).map((mail) => mail.subject).slice(1)).toEqual(['Mentorat : une demande attend votre réponse (11 jours)']);
    context.clock.advanceDays(7); // day 10
    await run();
    expect(context.smtp!.to(mentor.email).at(-1)!.subject).toBe('Mentorat : une demande attend votre réponse (4 jours)');
    context.clock.advanceDays(4); // day 14
    await run();
    expect(context.smtp!.to(`mentee-${sequence}@exemple.fr`).map((mail) => mail.subject)).toEqual(['Mentorat : votre demande a expiré']);
    const [request] = await context.database.db.select().from(mentoringRequests).where(eq(mentoringRequests.menteeId, user.id));
    expect(request!.status).toBe('expired');
    expect(textOf((await client.get('/mon-espace/mentorat')).body)).toContain('Expirée sans réponse');
  });

  it('holds the limit of 3 pending requests, even when they are sent at the same moment', async () => {
    const mentors = [];
    for (let index = 0; index < 5; index += 1) mentors.push(await publishedMentor({ capacity: '3' }));
    const { user } = await mentee();
    const profiles = await context.database.db.select().from(mentorProfiles);
    const outcomes = await Promise.all(mentors.map((mentor) => requestMentoring(context.database.db, profiles.find((profile) => profile.id === mentor.profileId)!, user.id, NOTE, context.clock, context.config.publicUrl)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(3);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.message)).toEqual([
      'Vous avez déjà 3 demandes en attente : attendez une réponse, ou retirez-en une depuis votre espace.',
      'Vous avez déjà 3 demandes en attente : attendez une réponse, ou retirez-en une depuis votre espace.',
    ]);
    expect(await context.database.db.select().from(mentoringRequests).where(eq(mentoringRequests.menteeId, user.id))).toHaveLength(3);
  });

  it('hides a mentor at capacity, shows how fast she answers, and closes the mentorship with a survey', async () => {
    const mentor = await publishedMentor({ capacity: '1' });
    const first = await mentee();
    const second = await mentee();
    await first.client.post(`/mentorat/${mentor.profileId}/demander`, { note: NOTE }, { page: `/mentorat/${mentor.profileId}` });
    await second.client.post(`/mentorat/${mentor.profileId}/demander`, { note: NOTE }, { page: `/mentorat/${mentor.profileId}` });
    const requests = await context.database.db.select().from(mentoringRequests).orderBy(mentoringRequests.id);
    context.clock.advanceDays(2);
    const noDecision = await mentor.client.post(`/mon-espace/mentorat/demandes/${requests[0]!.id}/repondre`, {}, { page: '/mon-espace/mentorat' });
    expect(noDecision.statusCode).toBe(400);
    expect((await mentor.client.post(`/mon-espace/mentorat/demandes/${requests[0]!.id}/repondre`, { decision: 'accepter', message: 'Avec plaisir !' }, { page: '/mon-espace/mentorat' })).statusCode).toBe(303);
    // Full: out of the search, and no second acceptance.
    expect(await searchIds()).not.toContain(mentor.profileId);
    expect(textOf((await context.app.inject({ url: `/mentorat/${mentor.profileId}` })).body)).toContain('Répond en général sous 2 jours');
    const full = await mentor.client.post(`/mon-espace/mentorat/demandes/${requests[1]!.id}/repondre`, { decision: 'accepter' }, { page: '/mon-espace/mentorat' });
    expect(full.statusCode).toBe(409);
    // Only the people involved can act on a request or a mentorship.
    expect((await second.client.post(`/mon-espace/mentorat/demandes/${requests[0]!.id}/retirer`, {}, { page: '/mon-espace/mentorat' })).statusCode).toBe(404);
    await context.jobs.runAll();
    expect(context.smtp!.to(`mentee-${sequence - 1}@exemple.fr`).at(-1)!.subject).toBe('Mentorat : Mentore ' + String(sequence - 2) + ' a accepté votre demande');
    const space = textOf((await first.client.get('/mon-espace/mentorat')).body);
    expect(space).toContain(`Adresse : ${mentor.email}`);

    const mentorshipId = Number(/accompagnements\/(\d+)\/terminer/.exec((await first.client.get('/mon-espace/mentorat')).body)![1]);
    expect((await second.client.post(`/mon-espace/mentorat/accompagnements/${mentorshipId}/terminer`, { outcome: 'completed' }, { page: '/mon-espace/mentorat' })).statusCode).toBe(404);
    expect((await first.client.post(`/mon-espace/mentorat/accompagnements/${mentorshipId}/terminer`, { outcome: 'completed' }, { page: '/mon-espace/mentorat' })).statusCode).toBe(303);
    expect(await searchIds()).toContain(mentor.profileId);
    await first.client.post(`/mon-espace/mentorat/accompagnements/${mentorshipId}/avis`, { helped: 'oui', recommend: 'oui' }, { page: '/mon-espace/mentorat' });
    expect(await context.database.db.select().from(mentorshipSurveys)).toEqual([expect.objectContaining({ mentorshipId, helped: true, recommend: true })]);
    const report = await mentor.client.post(`/mon-espace/mentorat/accompagnements/${mentorshipId}/signaler`, { reason: 'Propos déplacés lors du dernier échange.' }, { page: '/mon-espace/mentorat' });
    expect(report.statusCode).toBe(303);
    expect(await context.database.db.select().from(connectionReports)).toEqual([expect.objectContaining({ kind: 'mentorship', targetId: mentorshipId })]);
    expect(textOf((await moderator.get('/admin/mentorat')).body)).toContain('Propos déplacés lors du dernier échange.');
  });

  it('pauses a mentor who lets requests expire twice, tells her, and lets her come back', async () => {
    const mentor = await publishedMentor({ capacity: '5' });
    for (let index = 0; index < 2; index += 1) {
      const { client } = await mentee();
      await client.post(`/mentorat/${mentor.profileId}/demander`, { note: NOTE }, { page: `/mentorat/${mentor.profileId}` });
    }
    context.clock.advanceDays(14);
    await context.jobs.run(MENTORING_CLOCK_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to(mentor.email).at(-1)!.subject).toBe('Mentorat : votre profil est en pause');
    expect(await searchIds()).not.toContain(mentor.profileId);
    expect(textOf((await mentor.client.get('/mon-espace/mentorat')).body)).toContain('Votre profil est en pause');
    await mentor.client.post('/mon-espace/mentorat/disponibilite', { available: 'oui' }, { page: '/mon-espace/mentorat' });
    await context.jobs.run(MENTORING_CLOCK_JOB);
    expect(await searchIds()).toContain(mentor.profileId);
  });
});
