import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reviewPairs, reviewRequests, reviews } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { RUBRIC, samplePdf, submitDossierAs } from '../../../test/helpers/peer-review.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { purgeExpired, runDeadlines } from './peer-review.commands.ts';
import { PEER_REVIEW_DEADLINES_JOB } from './peer-review.job.ts';


describe('revue de dossier', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
  });
  afterAll(() => context.close());
  beforeEach(async () => {
    context.smtp!.clear();
    // Each test starts from an empty queue (members of earlier tests never meet later ones).
    await context.database.db.delete(reviewRequests);
    context.clock.set('2027-03-02T10:00:00+01:00');
  });

  async function member(email: string) {
    return signedInClient(context, { email });
  }
  /** Two members deposit, the matching job runs, each gets her private link by email. */
  async function pairOfMembers(prefix: string) {
    const alice = await member(`${prefix}-alice@exemple.fr`);
    const berthe = await member(`${prefix}-berthe@exemple.fr`);
    expect((await submitDossierAs(alice.client)).statusCode).toBe(303);
    expect((await submitDossierAs(berthe.client)).statusCode).toBe(303);
    await context.jobs.runAll();
    const linkOf = (email: string) => linkIn(context.smtp!.to(email).find((mail) => mail.subject === 'Revue de dossier : votre partenaire de relecture')!, `${context.config.publicUrl}/revue-de-dossier/relecture/`).replace(context.config.publicUrl, '');
    return { alice, berthe, aliceLink: linkOf(`${prefix}-alice@exemple.fr`), bertheLink: linkOf(`${prefix}-berthe@exemple.fr`) };
  }

  it('asks visitors to sign in, and refuses anything but a PDF, checked by its content', async () => {
    const visitor = new TestClient(context.app);
    expect((await visitor.get('/revue-de-dossier/demander')).headers.location).toBe('/connexion?retour=%2Frevue-de-dossier%2Fdemander');
    const { client } = await member('fichiers@exemple.fr');
    const cases = [
      { fileName: 'dossier.pdf', type: 'application/pdf', content: Buffer.from('MZ\x90\x00\x03 programme Windows renommé') },
      { fileName: 'dossier.pdf', type: 'application/pdf', content: Buffer.from('<!doctype html><script>alert(1)</script>') },
      { fileName: 'dossier.exe', type: 'application/x-msdownload', content: Buffer.from('\x7fELF binaire') },
    ];
    for (const file of cases) {
      const response = await submitDossierAs(client, {}, file);
      expect(response.statusCode, file.fileName).toBe(400);
      expect(textOf(response.body)).toContain('Le fichier doit être un PDF');
    }
    const missing = await client.postMultipart('/revue-de-dossier/demander', { rules: 'oui', languages: 'fr', disciplines: 'documentary' }, {}, { page: '/revue-de-dossier/demander' });
    expect(textOf(missing.body)).toContain('Choisissez votre dossier (un fichier PDF).');
    const noRules = await submitDossierAs(client, { rules: '', languages: [] });
    expect(noRules.statusCode).toBe(400);
    expect(textOf(noRules.body)).toContain('Acceptez les règles');
    expect(textOf(noRules.body)).toContain('Choisissez au moins une langue');
    expect(await context.database.db.select().from(reviewRequests)).toEqual([]);
  });

  it('refuses an oversized upload with a clear message, and keeps a hostile file name harmless', async () => {
    const { client } = await member('gros@exemple.fr');
    const huge = await submitDossierAs(client, {}, { fileName: 'gros.pdf', type: 'application/pdf', content: Buffer.concat([samplePdf(), Buffer.alloc(21 * 1024 * 1024, 32)]) });
    expect(huge.statusCode).toBe(413);
    expect(textOf(huge.body)).toContain('Un fichier ne peut pas dépasser 20 Mo ici');
    const traversal = await submitDossierAs(client, {}, { fileName: '../../../etc/passwd.pdf', type: 'application/pdf', content: samplePdf() });
    expect(traversal.statusCode).toBe(303);
    const [row] = await context.database.db.select().from(reviewRequests);
    expect(row!.fileName).toBe('passwd.pdf');
    expect(row!.fileKey).toMatch(/^revue-de-dossier\/[a-z0-9]+\.pdf$/);
    expect(await context.storage.get(row!.fileKey!)).toEqual(samplePdf());
    const second = await submitDossierAs(client);
    expect(second.statusCode).toBe(409);
    expect(textOf(second.body)).toContain('Vous avez déjà une demande en cours');
  });

  it('pairs two members, lets only each partner read and answer, then releases both feedbacks', async () => {
    const { alice, berthe, aliceLink, bertheLink } = await pairOfMembers('duo');
    const stranger = await member('duo-intruse@exemple.fr');
    const visitor = new TestClient(context.app);

    // Alice's link opens for Alice only.
    const page = await alice.client.get(aliceLink);
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(textOf(page.body)).toContain('Regardez surtout la note d’intention.');
    expect((await alice.client.get(`${aliceLink}/dossier.pdf`)).headers['content-type']).toBe('application/pdf');
    for (const [who, client] of [['berthe', berthe.client], ['stranger', stranger.client], ['visitor', visitor]] as const) {
      expect((await client.get(aliceLink)).statusCode, who).toBe(404);
      expect((await client.get(`${aliceLink}/dossier.pdf`)).statusCode, who).toBe(404);
    }
    expect((await alice.client.get('/revue-de-dossier/relecture/' + 'A'.repeat(43))).statusCode).toBe(404);
    expect((await alice.client.get('/revue-de-dossier/relecture/pas-un-jeton')).statusCode).toBe(404);
    // Nobody else can write either, even with a valid form token.
    const forged = await stranger.client.post(aliceLink, { ...RUBRIC }, { page: '/revue-de-dossier/mes-demandes' });
    expect(forged.statusCode).toBe(404);
    const anonymous = await visitor.post(aliceLink, { ...RUBRIC }, { page: '/connexion' });
    expect(anonymous.statusCode).toBe(404);

    // The rubric needs real content.
    const short = await alice.client.postMultipart(aliceLink, { ...RUBRIC, strengths: 'Très bien.' }, {}, { page: aliceLink });
    expect(short.statusCode).toBe(400);
    expect(textOf(short.body)).toContain('Points forts : au moins 200 caractères');
    const badAttachment = await alice.client.postMultipart(aliceLink, RUBRIC, { attachment: { fileName: 'notes.pdf', type: 'application/pdf', content: Buffer.from('<html>') } }, { page: aliceLink });
    expect(textOf(badAttachment.body)).toContain('Le fichier doit être un PDF');

    expect((await alice.client.postMultipart(aliceLink, RUBRIC, { attachment: { fileName: 'annotations.pdf', type: 'application/pdf', content: samplePdf('Annotations') } }, { page: aliceLink })).statusCode).toBe(303);
    const aliceRequest = (await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, alice.user.id)))[0]!;
    const bertheRequest = (await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, berthe.user.id)))[0]!;
    // Not released while Berthe has not answered.
    expect(textOf((await berthe.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}`)).body)).not.toContain('Le retour de votre partenaire');
    expect((await alice.client.postMultipart(aliceLink, RUBRIC, {}, { page: '/revue-de-dossier/mes-demandes' })).statusCode).toBe(404);

    expect((await berthe.client.postMultipart(bertheLink, { ...RUBRIC, readiness: 'ready' }, {}, { page: bertheLink })).statusCode).toBe(303);
    await context.jobs.runAll();
    expect(context.smtp!.to('duo-alice@exemple.fr').map((mail) => mail.subject)).toContain('Revue de dossier : votre retour est arrivé');
    const berthePage = textOf((await berthe.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}`)).body);
    expect(berthePage).toContain('Le retour de votre partenaire');
    expect(berthePage).toContain('Presque prêt : quelques retouches');
    expect(berthePage).toContain('Fichier joint (annotations.pdf)');
    // Her own request pages are hers alone.
    expect((await stranger.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}`)).statusCode).toBe(404);
    expect((await alice.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}/dossier.pdf`)).statusCode).toBe(404);
    const [received] = await context.database.db.select().from(reviews).where(eq(reviews.revieweeRequestId, bertheRequest.id));
    expect((await stranger.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}/retours/${received!.id}/piece-jointe`)).statusCode).toBe(404);
    expect((await berthe.client.get(`/revue-de-dossier/mes-demandes/${bertheRequest.id}/retours/${received!.id}/piece-jointe`)).headers['content-type']).toBe('application/pdf');

    // Ratings; addresses only when both agree.
    const base = `/revue-de-dossier/mes-demandes/${bertheRequest.id}`;
    const missingRating = await berthe.client.post(`${base}/retours/${received!.id}/avis`, {}, { page: base });
    expect(missingRating.statusCode).toBe(400);
    expect(textOf(missingRating.body)).toContain('Dites si ce retour vous a été utile.');
    await berthe.client.post(`${base}/retours/${received!.id}/avis`, { useful: 'oui', kind: 'oui', shareEmail: 'oui' }, { page: base });
    expect(textOf((await berthe.client.get(base)).body)).not.toContain('duo-alice@exemple.fr');
    const aliceBase = `/revue-de-dossier/mes-demandes/${aliceRequest.id}`;
    const [aliceReceived] = await context.database.db.select().from(reviews).where(eq(reviews.revieweeRequestId, aliceRequest.id));
    await alice.client.post(`${aliceBase}/retours/${aliceReceived!.id}/avis`, { useful: 'oui', kind: 'non', shareEmail: 'oui' }, { page: aliceBase });
    expect(textOf((await berthe.client.get(base)).body)).toContain('duo-alice@exemple.fr');
    expect(textOf((await alice.client.get(aliceBase)).body)).toContain('duo-berthe@exemple.fr');

    // A report reaches the moderators.
    const report = await berthe.client.post(`${base}/retours/${received!.id}/signaler`, { reason: 'Une remarque sur mon physique, hors sujet.' }, { page: base });
    expect(report.statusCode).toBe(303);
    const moderator = (await signedInClient(context, { role: 'moderator' })).client;
    const admin = textOf((await moderator.get('/admin/revue-de-dossier')).body);
    expect(admin).toContain('Une remarque sur mon physique, hors sujet.');
    expect(admin).toMatch(/100 % paires menées au bout/);
  });

  it('reminds on day 7 and day 12, drops a silent partner on day 15 and puts the other first in line', async () => {
    const { alice, berthe, aliceLink } = await pairOfMembers('retard');
    context.smtp!.clear();
    await alice.client.postMultipart(aliceLink, RUBRIC, {}, { page: aliceLink });
    context.clock.advanceDays(6);
    await context.jobs.run(PEER_REVIEW_DEADLINES_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to('retard-berthe@exemple.fr')).toEqual([]);

    context.clock.advanceDays(1); // day 7
    await context.jobs.run(PEER_REVIEW_DEADLINES_JOB);
    await context.jobs.runAll();
    const first = context.smtp!.to('retard-berthe@exemple.fr');
    expect(first.map((mail) => mail.subject)).toEqual(['Revue de dossier : plus que 7 jours pour votre relecture']);
    expect(context.smtp!.to('retard-alice@exemple.fr')).toEqual([]); // she has answered
    await context.jobs.run(PEER_REVIEW_DEADLINES_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to('retard-berthe@exemple.fr')).toHaveLength(1); // once only

    context.clock.advanceDays(5); // day 12
    await context.jobs.run(PEER_REVIEW_DEADLINES_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to('retard-berthe@exemple.fr').at(-1)!.subject).toBe('Revue de dossier : plus que 2 jours pour votre relecture');
    // Each reminder carries a fresh link; the link of the day-7 reminder no longer opens.
    const latest = linkIn(context.smtp!.to('retard-berthe@exemple.fr').at(-1)!, `${context.config.publicUrl}/revue-de-dossier/relecture/`).replace(context.config.publicUrl, '');
    const older = linkIn(first[0]!, `${context.config.publicUrl}/revue-de-dossier/relecture/`).replace(context.config.publicUrl, '');
    expect((await berthe.client.get(latest)).statusCode).toBe(200);
    expect((await berthe.client.get(older)).statusCode).toBe(404);

    context.clock.advanceDays(2); // day 14: still in time
    expect((await runDeadlines(context.database.db, context.clock, context.config.publicUrl)).dropped).toBe(0);
    context.clock.advanceDays(1); // day 15
    const charlotte = await member('retard-charlotte@exemple.fr');
    await submitDossierAs(charlotte.client);
    context.smtp!.clear();
    await context.jobs.run(PEER_REVIEW_DEADLINES_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to('retard-berthe@exemple.fr').map((mail) => mail.subject)).toEqual(['Revue de dossier : votre demande est close']);
    const aliceMails = context.smtp!.to('retard-alice@exemple.fr').map((mail) => mail.subject);
    expect(aliceMails).toContain('Revue de dossier : vous repassez en tête de file');
    expect(aliceMails).toContain('Revue de dossier : votre partenaire de relecture'); // paired again at once, with Charlotte
    const requests = await context.database.db.select().from(reviewRequests);
    expect(requests.find((request) => request.userId === berthe.user.id)!.status).toBe('dropped');
    const pairs = await context.database.db.select().from(reviewPairs);
    expect(pairs.map((pair) => pair.status).sort()).toEqual(['active', 'closed']);
    expect((await berthe.client.get(latest)).statusCode).toBe(404);
  });

  it('deletes dossiers, attachments and feedback 90 days after release, and the links stop working', async () => {
    const { alice, berthe, aliceLink, bertheLink } = await pairOfMembers('oubli');
    await alice.client.postMultipart(aliceLink, RUBRIC, { attachment: { fileName: 'a.pdf', type: 'application/pdf', content: samplePdf('A') } }, { page: aliceLink });
    await berthe.client.postMultipart(bertheLink, RUBRIC, {}, { page: bertheLink });
    const keys = [
      ...(await context.database.db.select().from(reviewRequests)).map((request) => request.fileKey!),
      ...(await context.database.db.select().from(reviews)).map((review) => review.attachmentKey).filter((key) => key !== null),
    ];
    expect(keys).toHaveLength(3);
    context.clock.advanceDays(89);
    expect(await purgeExpired(context.database.db, context.storage, context.clock, 90)).toBe(0);
    context.clock.advanceDays(1);
    expect(await purgeExpired(context.database.db, context.storage, context.clock, 90)).toBe(1);
    for (const key of keys) expect(await context.storage.get(key)).toBeNull();
    const texts = await context.database.db.select().from(reviews);
    expect(texts.every((review) => review.strengths === null && review.advice === null)).toBe(true);
    expect((await alice.client.get(aliceLink)).statusCode).toBe(404);
  });

  it('deletes her files at once when she deletes her account, and sends her partner back to the queue', async () => {
    const { alice, berthe } = await pairOfMembers('depart');
    const aliceRequest = (await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, alice.user.id)))[0]!;
    const exported = JSON.parse((await alice.client.get('/mon-espace/donnees.json')).body);
    expect(exported.peerReviewRequests).toEqual([expect.objectContaining({ kind: 'dossier', status: 'paired', fileName: 'mon-dossier.pdf', messageToPartner: 'Regardez surtout la note d’intention.' })]);
    await alice.client.post('/mon-espace/supprimer', { confirmation: 'oui' }, { page: '/mon-espace/donnees' });
    expect(await context.storage.get(aliceRequest.fileKey!)).toBeNull();
    const bertheRequest = (await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, berthe.user.id)))[0]!;
    expect(bertheRequest).toMatchObject({ status: 'waiting', priority: true });
  });

  it('lets a waiting member withdraw (file deleted), and volunteers step in after five days', async () => {
    const lonely = await member('seule@exemple.fr');
    await submitDossierAs(lonely.client, { disciplines: 'fashion' });
    const [request] = await context.database.db.select().from(reviewRequests);
    const helper = await member('benevole@exemple.fr');
    const volunteerForm = await helper.client.post('/revue-de-dossier/benevole', { languages: 'fr' }, { page: '/revue-de-dossier/benevole' });
    expect(volunteerForm.statusCode).toBe(400);
    expect((await helper.client.post('/revue-de-dossier/benevole', { languages: 'fr', disciplines: 'landscape', rules: 'oui' }, { page: '/revue-de-dossier/benevole' })).statusCode).toBe(303);
    await context.jobs.runAll();
    expect(await context.database.db.select().from(reviewPairs)).toEqual([]);
    context.clock.advanceDays(5);
    await context.jobs.run('peer-review-match');
    await context.jobs.runAll();
    expect(context.smtp!.to('benevole@exemple.fr').map((mail) => mail.subject)).toEqual(['Revue de dossier : votre partenaire de relecture']);
    expect(context.smtp!.to('benevole@exemple.fr')[0]!.text).toContain('Merci de relire sans déposer');
    expect(context.smtp!.to('seule@exemple.fr')).toEqual([]); // a volunteer has no dossier to send her

    const other = await member('partante@exemple.fr');
    await submitDossierAs(other.client);
    const [otherRequest] = await context.database.db.select().from(reviewRequests).where(eq(reviewRequests.userId, other.user.id));
    expect((await other.client.post(`/revue-de-dossier/mes-demandes/${otherRequest!.id}/annuler`, {}, { page: `/revue-de-dossier/mes-demandes/${otherRequest!.id}` })).statusCode).toBe(303);
    expect(await context.storage.get(otherRequest!.fileKey!)).toBeNull();
    expect((await lonely.client.post(`/revue-de-dossier/mes-demandes/${otherRequest!.id}/annuler`, {}, { page: `/revue-de-dossier/mes-demandes/${request!.id}` })).statusCode).toBe(404);
  });

  it('lets moderators pair and unpair by hand, within the hard rules', async () => {
    const moderator = (await signedInClient(context, { role: 'moderator' })).client;
    const first = await member('main-1@exemple.fr');
    const second = await member('main-2@exemple.fr');
    await submitDossierAs(first.client, { disciplines: 'fashion' });
    await submitDossierAs(second.client, { disciplines: 'landscape', languages: 'en' });
    await context.jobs.runAll();
    const [a, b] = await context.database.db.select().from(reviewRequests).orderBy(reviewRequests.id);
    const noLanguage = await moderator.post('/admin/revue-de-dossier/apparier', { first: String(a!.id), second: String(b!.id) }, { page: '/admin/revue-de-dossier' });
    expect(noLanguage.statusCode).toBe(409);
    expect(textOf(noLanguage.body)).toContain('Ces deux personnes n’ont pas de langue en commun.');
    expect((await moderator.post('/admin/revue-de-dossier/apparier', { first: 'abc', second: '' }, { page: '/admin/revue-de-dossier' })).statusCode).toBe(400);
    await context.database.db.update(reviewRequests).set({ languages: ['fr', 'en'] }).where(eq(reviewRequests.id, b!.id));
    expect((await moderator.post('/admin/revue-de-dossier/apparier', { first: String(a!.id), second: String(b!.id) }, { page: '/admin/revue-de-dossier' })).statusCode).toBe(303);
    const [pair] = await context.database.db.select().from(reviewPairs);
    expect(pair!.pairedBy).toMatch(/@exemple\.fr/);
    expect((await moderator.post(`/admin/revue-de-dossier/paires/${pair!.id}/desapparier`, {}, { page: '/admin/revue-de-dossier' })).statusCode).toBe(303);
    const requests = await context.database.db.select().from(reviewRequests);
    expect(requests.every((request) => request.status === 'waiting' && request.priority)).toBe(true);
    const again = await moderator.post('/admin/revue-de-dossier/apparier', { first: String(a!.id), second: String(b!.id) }, { page: '/admin/revue-de-dossier' });
    expect(textOf(again.body)).toContain('Ces deux personnes ont déjà été partenaires.');
  });
});
