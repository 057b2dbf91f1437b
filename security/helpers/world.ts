import { eq } from 'drizzle-orm';
import { seedAll } from '../../src/bootstrap.ts';
import {
  DIRECTORY_FIELDS, commissioners, contactMessages, connectionReports, directoryMessages, directoryProfiles, mentorProfiles, mentoringRequests, mentorships, opportunities, opportunityReports,
  parityCorrectionRequests, parityDeclarations, parityOrganizations, resources, reviewPairs, reviewReports, reviewRequests, reviews, type UserRole, type UserRow,
} from '../../src/db/schema/index.ts';
import { queueEmail } from '../../src/platform/email/outbox.ts';
import { randomToken } from '../../src/platform/tokens.ts';
import { signedInClient } from '../../test/helpers/accounts.ts';
import { createOpportunity } from '../../test/helpers/factories.ts';
import { createResource } from '../../test/helpers/resources.ts';
import { type TestContext, createTestApp } from '../../test/helpers/test-app.ts';
import { TestClient } from '../../test/helpers/test-client.ts';

/** Who knocks: visitors, the owner of the private things below, another member, and each role. */
export const ACTORS = ['anonymous', 'owner', 'otherMember', 'organisation', 'moderator', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface World {
  context: TestContext;
  clients: Record<Actor, TestClient>;
  users: Record<Exclude<Actor, 'anonymous'>, UserRow>;
  /** A route pattern with its parameters filled with things that exist (owned by "owner" where owned). */
  concrete(url: string): string;
  close(): Promise<void>;
}

/**
 * The real application on a seeded database, with one of everything a route can point to: the
 * catalogue, resources and parity index from the seed, and private things owned by "owner"
 * (a dossier in peer review, a mentoring request and mentorship, a directory profile).
 */
export async function buildWorld(options: { config?: Record<string, string> } = {}): Promise<World> {
  const context = await createTestApp({ config: options.config });
  await seedAll(context.database, context.storage, context.clock);
  const db = context.database.db;
  const now = context.clock.now();
  const signed = async (email: string, role: UserRole) => signedInClient(context, { email, role });
  const [owner, otherMember, organisation, moderator, admin] = await Promise.all([
    signed('proprietaire@exemple.fr', 'member'), signed('autre-membre@exemple.fr', 'member'), signed('organisation@exemple.fr', 'organisation'),
    signed('moderatrice@exemple.fr', 'moderator'), signed('administratrice@exemple.fr', 'admin'),
  ]);
  const mentorUser = await signed('mentore@exemple.fr', 'member');

  // Peer review: the owner's dossier paired with another member's, feedback written both ways.
  await context.storage.put('revue-de-dossier/securite.pdf', Buffer.from('%PDF-1.4 dossier'));
  const [ownRequest, partnerRequest] = await db.insert(reviewRequests).values([
    { userId: owner.user.id, kind: 'dossier', status: 'paired', languages: ['fr'], fileKey: 'revue-de-dossier/securite.pdf', fileName: 'dossier.pdf', waitingSince: now, rulesAcceptedAt: now },
    { userId: otherMember.user.id, kind: 'dossier', status: 'paired', languages: ['fr'], fileKey: 'revue-de-dossier/securite.pdf', fileName: 'dossier.pdf', waitingSince: now, rulesAcceptedAt: now },
  ]).returning();
  const [pair] = await db.insert(reviewPairs).values({ requestAId: ownRequest!.id, requestBId: partnerRequest!.id, userLowId: owner.user.id, userHighId: otherMember.user.id, pairedBy: 'test', pairedAt: now }).returning();
  const [review] = await db.insert(reviews).values({ pairId: pair!.id, reviewerRequestId: partnerRequest!.id, revieweeRequestId: ownRequest!.id, tokenHash: 'h'.repeat(64), dueAt: now }).returning();
  const [reviewReport] = await db.insert(reviewReports).values({ reviewId: review!.id, reason: 'Motif de test' }).returning();
  // Her own review of the partner's dossier to write, and a volunteer request still waiting.
  await db.insert(reviews).values({ pairId: pair!.id, reviewerRequestId: ownRequest!.id, revieweeRequestId: partnerRequest!.id, tokenHash: 'o'.repeat(64), dueAt: now });
  await db.insert(reviewRequests).values({ userId: owner.user.id, kind: 'volunteer', status: 'waiting', languages: ['fr'], waitingSince: now, rulesAcceptedAt: now });

  // Mentoring: a published mentor, the owner's pending request to her and an accepted one.
  const [mentor] = await db.insert(mentorProfiles).values({
    userId: mentorUser.user.id, displayName: 'Mentore', roleTitle: 'Photographe', bio: 'Vingt ans de métier.', specialties: ['documentary'], helpTopics: ['dossier'],
    languages: ['fr'], formats: ['video'], capacity: 3, status: 'published', availableSince: now,
  }).returning();
  const [pendingRequest, acceptedRequest] = await db.insert(mentoringRequests).values([
    { mentorId: mentor!.id, menteeId: owner.user.id, note: 'Une demande', status: 'pending', createdAt: now },
    { mentorId: mentor!.id, menteeId: owner.user.id, note: 'Une demande acceptée', status: 'accepted', createdAt: now },
  ]).returning();
  const [mentorship] = await db.insert(mentorships).values({ requestId: acceptedRequest!.id, mentorId: mentor!.id, menteeId: owner.user.id, startedAt: now }).returning();
  const [mentorshipReport] = await db.insert(connectionReports).values({ kind: 'mentorship', targetId: mentorship!.id, reporterId: owner.user.id, reason: 'Test' }).returning();

  // Directory: the owner's published profile; a verified commissioner; a message and its report.
  await db.insert(directoryProfiles).values({
    userId: owner.user.id, listed: true, displayName: 'Photographe', nameAudience: 'public', specialties: ['portrait'], languages: ['fr'],
    audiences: Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, 'public'])) as never, status: 'published',
  });
  await db.insert(commissioners).values({ userId: organisation.user.id, organizationName: 'Journal', organizationType: 'media', website: 'https://journal.example', contactRole: 'Iconographe', charterVersion: '1', charterSignedAt: now, status: 'verified' });
  const [message] = await db.insert(directoryMessages).values({ senderId: organisation.user.id, photographerId: owner.user.id, subject: 'Commande', body: 'Bonjour', tokenHash: 'm'.repeat(64), createdAt: now }).returning();
  const [messageReport] = await db.insert(connectionReports).values({ kind: 'message', targetId: message!.id, reporterId: owner.user.id, reason: 'Test' }).returning();

  // The owner is also a mentor: a member asked her, and a mentorship of hers (as mentee) has ended.
  const [ownMentorProfile] = await db.insert(mentorProfiles).values({
    userId: owner.user.id, displayName: 'Propriétaire mentore', roleTitle: 'Photographe', bio: 'Quinze ans de métier.', specialties: ['portrait'], helpTopics: ['pricing'],
    languages: ['fr'], formats: ['video'], capacity: 2, status: 'published', availableSince: now,
  }).returning();
  await db.insert(mentoringRequests).values({ mentorId: ownMentorProfile!.id, menteeId: otherMember.user.id, note: 'Une demande pour la propriétaire', status: 'pending', createdAt: now });
  const [endedRequest] = await db.insert(mentoringRequests).values({ mentorId: mentor!.id, menteeId: owner.user.id, note: 'Un mentorat terminé', status: 'accepted', createdAt: now }).returning();
  await db.insert(mentorships).values({ requestId: endedRequest!.id, mentorId: mentor!.id, menteeId: owner.user.id, startedAt: now, status: 'completed', endedAt: now });
  // Waiting for the back-office: another member's mentor and directory profiles, a commissioner, an opportunity and a resource in review.
  await db.insert(mentorProfiles).values({
    userId: otherMember.user.id, displayName: 'Mentore en attente', roleTitle: 'Iconographe', bio: 'À relire.', specialties: ['documentary'], helpTopics: ['dossier'],
    languages: ['fr'], formats: ['video'], capacity: 1, status: 'pending', availableSince: now,
  });
  await db.insert(directoryProfiles).values({
    userId: otherMember.user.id, listed: true, displayName: 'Fiche en attente', nameAudience: 'public', specialties: ['portrait'], languages: ['fr'],
    audiences: Object.fromEntries(DIRECTORY_FIELDS.map((field) => [field, 'public'])) as never, status: 'pending',
  });
  await db.insert(commissioners).values({ userId: mentorUser.user.id, organizationName: 'Agence', organizationType: 'agency', website: 'https://agence.example', contactRole: 'Directrice', charterVersion: '1', charterSignedAt: now });
  await createOpportunity(db, { slug: 'suggestion-a-relire', title: 'Suggestion à relire', status: 'in_review', publishedAt: null });
  await createResource(db, { slug: 'ressource-a-relire', title: 'Ressource à relire', status: 'in_review', publishedAt: null });
  await createOpportunity(db, { slug: 'aide-archivee', title: 'Aide archivée', status: 'archived' });
  await createResource(db, { slug: 'ressource-archivee', title: 'Ressource archivée', status: 'archived' });

  // Moderation queues: an opportunity and a resource in review, a report, a declaration, a correction request, a contact message.
  const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.status, 'published')).limit(1);
  const [document] = await db.select().from(resources).where(eq(resources.type, 'document')).limit(1);
  const [organization] = await db.select().from(parityOrganizations).limit(1);
  const [report] = await db.insert(opportunityReports).values({ opportunityId: opportunity!.id, reason: 'other' }).returning();
  const [declaration] = await db.insert(parityDeclarations).values({ organizationId: organization!.id, year: 2026, representativeRole: 'Directrice', representativeVerified: false, userId: organisation.user.id }).returning();
  const [correction] = await db.insert(parityCorrectionRequests).values({ organizationId: organization!.id, message: 'Chiffre faux' }).returning();
  const [contact] = await db.insert(contactMessages).values({ subject: 'question', email: 'visiteuse@exemple.fr', message: 'Bonjour' }).returning();
  const emailId = await queueEmail(db, { idempotencyKey: 'securite', recipient: 'proprietaire@exemple.fr', purpose: 'test', subject: 'Un email', html: '<p>Bonjour</p>', text: 'Bonjour' });

  const ids: [RegExp, number | string][] = [
    [/^\/admin\/aides\//, opportunity!.id], [/^\/admin\/ressources\//, document!.id], [/^\/admin\/signalements\//, report!.id],
    [/^\/admin\/index-parite\/declarations\//, declaration!.id], [/^\/admin\/index-parite\/organisations\//, organization!.id], [/^\/admin\/index-parite\/signalements\//, correction!.id],
    [/^\/admin\/revue-de-dossier\/paires\//, pair!.id], [/^\/admin\/revue-de-dossier\/signalements\//, reviewReport!.id], [/^\/admin\/revue-de-dossier\/demandes\//, ownRequest!.id],
    [/^\/admin\/mentorat\/profils\//, mentor!.id], [/^\/admin\/mentorat\/signalements\//, mentorshipReport!.id],
    [/^\/admin\/annuaire\/fiches\//, owner.user.id], [/^\/admin\/annuaire\/commanditaires\//, organisation.user.id], [/^\/admin\/annuaire\/signalements\//, messageReport!.id],
    [/^\/admin\/messages\//, contact!.id], [/^\/dev\/emails\//, emailId!], [/^\/admin\/utilisateurs\//, otherMember.user.id],
    [/^\/revue-de-dossier\/mes-demandes\//, ownRequest!.id], [/^\/mentorat\//, mentor!.id], [/^\/annuaire\//, owner.user.id],
    [/^\/mon-espace\/mentorat\/demandes\//, pendingRequest!.id], [/^\/mon-espace\/mentorat\/accompagnements\//, mentorship!.id],
  ];
  const slugs: [RegExp, string][] = [
    [/^\/aides\//, opportunity!.slug], [/^\/ressources\//, document!.slug], [/^\/index-parite\//, organization!.slug], [/^\/stats\//, 'aides-publiees'],
    [/^\/api\/v1\/opportunities\//, opportunity!.slug], [/^\/api\/v1\/resources\//, document!.slug], [/^\/api\/v1\/organizations\//, organization!.slug],
  ];
  const concrete = (url: string) => (url.startsWith('/api/') ? url.replace(':id', ':slug') : url)
    .replace(':reviewId', String(review!.id))
    .replace(':id', () => String(ids.find(([pattern]) => pattern.test(url))?.[1] ?? 1))
    .replace(':slug', () => slugs.find(([pattern]) => pattern.test(url))?.[1] ?? 'inconnu')
    .replace(':token', randomToken())
    .replace(/^\/dsfr\/([^/]+)\/\*$/, '/dsfr/$1/dsfr.min.css')
    .replace(/^\/static\/([^/]+)\/\*$/, '/static/$1/css/app.css')
    .replace(/\/$/, '') || '/';

  return {
    context,
    clients: { anonymous: new TestClient(context.app, '192.0.2.10'), owner: owner.client, otherMember: otherMember.client, organisation: organisation.client, moderator: moderator.client, admin: admin.client },
    users: { owner: owner.user, otherMember: otherMember.user, organisation: organisation.user, moderator: moderator.user, admin: admin.user },
    concrete,
    close: () => context.close(),
  };
}
