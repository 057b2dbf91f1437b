import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  commissioners, consents, digests, directoryProfiles, emails, mentorProfiles, mentoringRequests, parityDeclarations, parityOrganizations, parityRepresentatives,
  contactMessages, newsletterSubscribers, reviewRequests, reviews, sessions, type UserRow,
} from '../../db/schema/index.ts';
import { inArray } from 'drizzle-orm';
import { listFollows, listSavedSearches } from '../alerts/alerts.queries.ts';

/** Everything the platform holds about a person ("Télécharger mes données", RGPD article 15). */
export async function exportAccountData(db: Database, user: UserRow) {
  const [follows, searches, consentRows, sessionRows, digestRows, emailRows, declarationRows, representativeRows] = await Promise.all([
    listFollows(db, user.id),
    listSavedSearches(db, user.id),
    db.select().from(consents).where(eq(consents.userId, user.id)),
    db.select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, user.id)),
    db.select({ day: digests.day, itemCount: digests.itemCount }).from(digests).where(eq(digests.userId, user.id)).orderBy(desc(digests.day)),
    db.select({ subject: emails.subject, purpose: emails.purpose, status: emails.status, createdAt: emails.createdAt, sentAt: emails.sentAt }).from(emails).where(eq(emails.recipient, user.email)).orderBy(desc(emails.createdAt)),
    db.select({
      organization: parityOrganizations.name, year: parityDeclarations.year, representativeRole: parityDeclarations.representativeRole, equalityText: parityDeclarations.equalityText,
      comment: parityDeclarations.comment, status: parityDeclarations.status, createdAt: parityDeclarations.createdAt,
    }).from(parityDeclarations).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityDeclarations.organizationId)).where(eq(parityDeclarations.userId, user.id)),
    db.select({ organization: parityOrganizations.name, verifiedBy: parityRepresentatives.verifiedBy, createdAt: parityRepresentatives.createdAt })
      .from(parityRepresentatives).innerJoin(parityOrganizations, eq(parityOrganizations.id, parityRepresentatives.organizationId)).where(eq(parityRepresentatives.userId, user.id)),
  ]);
  const requestRows = await db.select().from(reviewRequests).where(eq(reviewRequests.userId, user.id));
  const [[directoryProfile], [commissioner], [mentorProfile], mentoringSent] = await Promise.all([
    db.select().from(directoryProfiles).where(eq(directoryProfiles.userId, user.id)),
    db.select().from(commissioners).where(eq(commissioners.userId, user.id)),
    db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, user.id)),
    db.select({ note: mentoringRequests.note, status: mentoringRequests.status, createdAt: mentoringRequests.createdAt }).from(mentoringRequests).where(eq(mentoringRequests.menteeId, user.id)),
  ]);
  const [messageRows, newsletterRows] = await Promise.all([
    db.select({ subject: contactMessages.subject, message: contactMessages.message, name: contactMessages.name, createdAt: contactMessages.createdAt }).from(contactMessages)
      .where(eq(contactMessages.userId, user.id)).orderBy(desc(contactMessages.createdAt)),
    db.select({ status: newsletterSubscribers.status, consentText: newsletterSubscribers.consentText, createdAt: newsletterSubscribers.createdAt, confirmedAt: newsletterSubscribers.confirmedAt })
      .from(newsletterSubscribers).where(eq(newsletterSubscribers.email, user.email)),
  ]);
  const requestIds = requestRows.map((request) => request.id);
  const reviewRows = requestIds.length ? await db.select().from(reviews).where(inArray(reviews.reviewerRequestId, requestIds)) : [];
  return {
    exportedFrom: 'Elles font la culture — ministère de la Culture',
    account: {
      email: user.email,
      role: user.role,
      createdAt: user.createdAt,
      lastSignInAt: user.lastSignInAt,
      profile: {
        displayName: user.displayName, pronouns: user.pronouns, region: user.region, disciplines: user.disciplines,
        careerStage: user.careerStage, birthYear: user.birthYear,
      },
      notifications: { digestFrequency: user.digestFrequency },
    },
    followedOpportunities: follows.map(({ kind, createdAt, slug, title }) => ({ kind, createdAt, slug, title })),
    savedSearches: searches.map(({ query, label, frequency, createdAt }) => ({ query, label, frequency, createdAt })),
    consents: consentRows.map(({ purpose, wording, grantedAt, withdrawnAt }) => ({ purpose, wording, grantedAt, withdrawnAt })),
    sessions: sessionRows,
    digests: digestRows,
    emails: emailRows,
    parityDeclarations: declarationRows,
    parityRepresentations: representativeRows,
    // The dossier files themselves are downloadable from "Mes demandes" while they are kept.
    peerReviewRequests: requestRows.map(({ id, kind, status, targetKind, targetDeadline, disciplines, languages, careerStage, messageToPartner, fileName, createdAt, pairedAt, closedAt }) => ({
      id, kind, status, targetKind, targetDeadline, disciplines, languages, careerStage, messageToPartner, fileName, createdAt, pairedAt, closedAt,
    })),
    // Her own directory entry in full, with the audience she chose for each field.
    directoryProfile: directoryProfile ?? null,
    commissioner: commissioner ?? null,
    mentorProfile: mentorProfile ?? null,
    mentoringRequestsSent: mentoringSent,
    messagesToTheTeam: messageRows,
    newsletter: newsletterRows[0] ?? null,
    peerReviewsWritten: reviewRows.map(({ status, strengths, improvements, advice, readiness, mediaUrl, submittedAt }) => ({ status, strengths, improvements, advice, readiness, mediaUrl, submittedAt })),
  };
}
