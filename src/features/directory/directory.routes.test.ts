import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_FIELDS, type DirectoryField, type DirectoryProfileRow, FIELD_AUDIENCES, type FieldAudience, contactSurveys, directoryMessages } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { textOf } from '../../../test/helpers/html.ts';
import { linkIn } from '../../../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { contactOutcomes } from './directory.commands.ts';
import { CONTACT_SURVEY_JOB } from './directory.job.ts';
import { type Audience, type VisibleProfile, canSee, visibleProfile } from './visibility.ts';

const VALUES: Record<DirectoryField, { form: Record<string, string | string[]>; text: string }> = {
  pronouns: { form: { pronouns: 'elle/iel' }, text: 'Pronoms : elle/iel' },
  region: { form: { region: 'Bretagne' }, text: 'Région : Bretagne' },
  specialties: { form: { specialties: ['portrait'] }, text: 'Pratiques : Portrait' },
  languages: { form: { languages: ['es'] }, text: 'Langues : Espagnol' },
  bio: { form: { bio: 'Portraitiste installée à Brest, travaille pour la presse régionale.' }, text: 'Portraitiste installée à Brest' },
  website: { form: { website: 'https://portfolio.exemple.fr' }, text: 'Site ou portfolio' },
  availability: { form: { availableForCommissions: 'oui' }, text: 'Disponible pour des commandes' },
};

describe('directory visibility, field by field (unit)', () => {
  const base: DirectoryProfileRow = {
    userId: 1, listed: true, displayName: 'Nom', nameAudience: 'public', pronouns: 'elle', region: 'Bretagne', specialties: ['portrait'], languages: ['fr'], bio: 'Bio', website: 'https://a.fr',
    availableForCommissions: true, audiences: Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, 'private'])) as Record<DirectoryField, FieldAudience>, status: 'published',
    refusalReason: null, createdAt: new Date(), updatedAt: new Date(),
  };
  const key: Record<DirectoryField, keyof VisibleProfile> = {
    pronouns: 'pronouns', region: 'region', specialties: 'specialties', languages: 'languages', bio: 'bio', website: 'website', availability: 'availableForCommissions',
  } as const;

  it.each(DIRECTORY_FIELDS.flatMap((field) => FIELD_AUDIENCES.flatMap((fieldAudience) => (['anonymous', 'member', 'commissioner'] as Audience[]).map((viewer) => [field, fieldAudience, viewer] as const))))(
    '%s shown to %s: seen by %s only when allowed', (field, fieldAudience, viewer) => {
      const profile = visibleProfile({ ...base, audiences: { ...base.audiences, [field]: fieldAudience } }, viewer)!;
      expect(key[field] in profile).toBe(canSee(fieldAudience, viewer));
      expect(canSee(fieldAudience, viewer)).toBe(fieldAudience === 'public' || (fieldAudience === 'commissioners' && viewer === 'commissioner'));
    },
  );

  it('hides the whole profile when unlisted, unpublished, or its name is for commissioners only', () => {
    expect(visibleProfile({ ...base, listed: false }, 'commissioner')).toBeNull();
    expect(visibleProfile({ ...base, status: 'pending' }, 'commissioner')).toBeNull();
    expect(visibleProfile({ ...base, nameAudience: 'commissioners' }, 'member')).toBeNull();
    expect(visibleProfile({ ...base, nameAudience: 'commissioners' }, 'commissioner')?.displayName).toBe('Nom');
  });
});

describe('directory and commissioners', () => {
  let context: TestContext;
  let moderator: TestClient;
  let photographer: Awaited<ReturnType<typeof signedInClient>>;
  let commissioner: Awaited<ReturnType<typeof signedInClient>>;
  let member: TestClient;
  const anonymous = () => new TestClient(context.app);

  beforeAll(async () => {
    context = await createTestApp({ smtp: true });
    moderator = (await signedInClient(context, { role: 'moderator' })).client;
    photographer = await signedInClient(context, { email: 'photographe@exemple.fr' });
    commissioner = await signedInClient(context, { email: 'iconographe@journal.example' });
    member = (await signedInClient(context, { email: 'membre@exemple.fr' })).client;
  });
  afterAll(() => context.close());

  // Pronouns and region public; specialties, bio, availability for commissioners; languages and website private.
  const CHOICES: Record<DirectoryField, FieldAudience> = { pronouns: 'public', region: 'public', specialties: 'commissioners', languages: 'private', bio: 'commissioners', website: 'private', availability: 'commissioners' };

  it('keeps a listed profile invisible until the team publishes it', async () => {
    const form = { listed: 'oui', displayName: 'Awa Photographe', nameAudience: 'public', ...Object.assign({}, ...Object.values(VALUES).map((value) => value.form)),
      ...Object.fromEntries(DIRECTORY_FIELDS.map((field) => [`audience_${field}`, CHOICES[field]])) };
    const invalid = await photographer.client.post('/mon-espace/annuaire', { ...form, website: 'javascript:alert(1)', audience_bio: 'tous' }, { page: '/mon-espace/annuaire' });
    expect(invalid.statusCode).toBe(400);
    expect(textOf(invalid.body)).toContain('Indiquez une adresse complète commençant par https://');
    expect(textOf(invalid.body)).toContain('Choisissez qui peut voir ce champ.');
    expect((await photographer.client.post('/mon-espace/annuaire', form, { page: '/mon-espace/annuaire' })).statusCode).toBe(303);
    expect((await anonymous().get(`/annuaire/${photographer.user.id}`)).statusCode).toBe(404);
    expect(textOf((await anonymous().get('/annuaire')).body)).not.toContain('Awa Photographe');
    expect((await moderator.post(`/admin/annuaire/fiches/${photographer.user.id}/decision`, { decision: 'non' }, { page: '/admin/annuaire' })).statusCode).toBe(400);
    expect((await moderator.post(`/admin/annuaire/fiches/${photographer.user.id}/decision`, { decision: 'oui' }, { page: '/admin/annuaire' })).statusCode).toBe(303);
    expect(textOf((await anonymous().get('/annuaire')).body)).toContain('Awa Photographe');
  });

  it('signs the charter, waits for verification, then sees what photographers show commissioners', async () => {
    const missing = await commissioner.client.post('/commanditaires/adherer', { organizationName: 'Le Journal', organizationType: 'media', website: 'https://journal.example', contactRole: 'Iconographe' }, { page: '/commanditaires/adherer' });
    expect(missing.statusCode).toBe(400);
    expect(textOf(missing.body)).toContain('Signez la charte pour continuer.');
    expect((await commissioner.client.post('/commanditaires/adherer', { organizationName: 'Le Journal', organizationType: 'media', website: 'https://journal.example', contactRole: 'Iconographe', charter: 'oui' }, { page: '/commanditaires/adherer' })).statusCode).toBe(303);
    expect(textOf((await anonymous().get('/commanditaires')).body)).not.toContain('Le Journal');
    // Pending: still sees what members see.
    expect(textOf((await commissioner.client.get(`/annuaire/${photographer.user.id}`)).body)).not.toContain(VALUES.bio.text);
    await moderator.post(`/admin/annuaire/commanditaires/${commissioner.user.id}/decision`, { decision: 'oui' }, { page: '/admin/annuaire' });
    expect(textOf((await anonymous().get('/commanditaires')).body)).toContain('Le Journal — Média, signataire depuis le');
  });

  it('shows each field to exactly the audiences its owner chose, on the profile page and in the list and its filters', async () => {
    const viewers: Record<Audience, TestClient> = { anonymous: anonymous(), member, commissioner: commissioner.client };
    for (const [audience, client] of Object.entries(viewers) as [Audience, TestClient][]) {
      const page = textOf((await client.get(`/annuaire/${photographer.user.id}`)).body);
      for (const field of DIRECTORY_FIELDS) {
        expect(page.includes(VALUES[field].text), `${field} for ${audience}`).toBe(canSee(CHOICES[field], audience));
      }
    }
    // Filtering by a field she does not show this audience must not find her.
    const found = async (client: TestClient, query: string) => textOf((await client.get(`/annuaire?${query}`)).body).includes('Awa Photographe');
    expect(await found(viewers.anonymous, 'region=Bretagne')).toBe(true);
    expect(await found(viewers.anonymous, 'pratique=portrait')).toBe(false);
    expect(await found(viewers.commissioner, 'pratique=portrait')).toBe(true);
    expect(await found(viewers.commissioner, 'langue=es')).toBe(false);
    expect(await found(viewers.member, 'disponible=oui')).toBe(false);
    expect(await found(viewers.commissioner, 'disponible=oui')).toBe(true);
    // Her address appears nowhere.
    for (const client of Object.values(viewers)) expect((await client.get(`/annuaire/${photographer.user.id}`)).body).not.toContain('photographe@exemple.fr');
  });

  it('relays a commissioner’s message by email, hides the photographer’s address, and honours rate limits and blocks', async () => {
    expect((await member.post(`/annuaire/${photographer.user.id}/contacter`, { subject: 'Commande', body: 'x'.repeat(60) }, { page: '/annuaire' })).statusCode).toBe(404);
    const page = `/annuaire/${photographer.user.id}`;
    const short = await commissioner.client.post(`${page}/contacter`, { subject: 'Commande', body: 'Bonjour' }, { page });
    expect(short.statusCode).toBe(400);
    const message = { subject: 'Portraits pour un supplément', body: 'Bonjour, nous préparons un supplément régional en avril : six portraits, deux jours à Brest, 900 € HT plus droits pour un an.' };
    const sent = await commissioner.client.post(`${page}/contacter`, message, { page });
    expect(sent.statusCode).toBe(303);
    await context.jobs.runAll();
    const relayed = context.smtp!.to('photographe@exemple.fr').find((mail) => mail.subject?.startsWith('Annuaire : Portraits'));
    expect(relayed!.subject).toBe('Annuaire : Portraits pour un supplément');
    expect(relayed!.text).toContain('six portraits');
    expect(relayed!.replyTo?.value[0]?.address).toBe('iconographe@journal.example');
    const copy = context.smtp!.to('iconographe@journal.example').find((mail) => mail.subject?.startsWith('Annuaire : message transmis'));
    expect(copy!.subject).toBe('Annuaire : message transmis à Awa Photographe');
    expect(`${copy!.text}${copy!.html}`).not.toContain('photographe@exemple.fr');
    expect(textOf((await commissioner.client.get(page)).body)).not.toContain('photographe@exemple.fr');

    // Two per photographer per month from the same sender.
    expect((await commissioner.client.post(`${page}/contacter`, message, { page })).statusCode).toBe(303);
    expect((await commissioner.client.post(`${page}/contacter`, message, { page })).statusCode).toBe(429);

    // Report and block from the private link in the email.
    const manage = linkIn(relayed!, `${context.config.publicUrl}/annuaire/message/`).replace(context.config.publicUrl, '');
    const visitor = anonymous();
    expect((await visitor.get(manage)).statusCode).toBe(200);
    expect((await visitor.get('/annuaire/message/' + 'b'.repeat(43))).statusCode).toBe(404);
    expect((await visitor.post(`${manage}/signaler`, { reason: 'court' }, { page: manage })).statusCode).toBe(400);
    expect((await visitor.post(`${manage}/signaler`, { reason: 'Proposition non payée déguisée en commande.' }, { page: manage })).statusCode).toBe(303);
    expect(textOf((await moderator.get('/admin/annuaire')).body)).toContain('Proposition non payée déguisée en commande.');
    expect((await visitor.post(`${manage}/bloquer`, {}, { page: manage })).statusCode).toBe(303);
    const blocked = await commissioner.client.post(`${page}/contacter`, message, { page });
    expect(blocked.statusCode).toBe(403);
    expect(textOf(blocked.body)).toContain('Cette photographe ne souhaite plus recevoir vos messages.');
  });

  it('asks both sides after 30 days whether the contact led to work, and counts only totals', async () => {
    context.smtp!.clear();
    context.clock.advanceDays(29);
    await context.jobs.run(CONTACT_SURVEY_JOB);
    expect(await context.database.db.select().from(contactSurveys)).toEqual([]);
    context.clock.advanceDays(1);
    await context.jobs.run(CONTACT_SURVEY_JOB);
    await context.jobs.runAll();
    const photographerSurvey = context.smtp!.to('photographe@exemple.fr').find((mail) => mail.subject === 'Une question : cette mise en relation a-t-elle abouti ?')!;
    expect(context.smtp!.to('iconographe@journal.example').some((mail) => mail.subject === 'Une question : cette mise en relation a-t-elle abouti ?')).toBe(true);
    const link = linkIn(photographerSurvey, `${context.config.publicUrl}/annuaire/enquete/`).replace(context.config.publicUrl, '');
    const visitor = anonymous();
    expect((await visitor.post(link, {}, { page: link })).statusCode).toBe(400);
    expect((await visitor.post(link, { reponse: 'oui' }, { page: link })).statusCode).toBe(303);
    expect(textOf((await visitor.get(link)).body)).toContain('Merci, votre réponse est enregistrée.');
    const messages = await context.database.db.select().from(directoryMessages);
    expect(await context.database.db.select().from(contactSurveys)).toHaveLength(messages.length * 2);
    expect(await contactOutcomes(context.database.db)).toEqual({ contacts: messages.length, answers: 1, ledToWork: 1 });
    // Once only.
    context.smtp!.clear();
    await context.jobs.run(CONTACT_SURVEY_JOB);
    await context.jobs.runAll();
    expect(context.smtp!.to('photographe@exemple.fr')).toEqual([]);
  });
});
