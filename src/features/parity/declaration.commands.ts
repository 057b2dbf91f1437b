import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  type ParityOrganizationRow, type UserRow, parityDeclarations, parityFigures, parityOrganizations, parityRepresentatives, users,
} from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { type Actor, recordAudit } from '../audit/audit.commands.ts';
import type { DeclaredFigure } from './declaration.schema.ts';
import { declarationPublishedEmail, declarationRejectedEmail } from './declaration.emails.tsx';
import { TEAM_SOURCE } from './parity.vocabulary.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const DECLARED_BY_LABEL = 'Déclaration de l’organisation';

/** The registrable part of a website's host ("https://www.le-bal.fr/" -> "le-bal.fr"). */
function domainOf(website: string | null): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The address is on the organisation's own domain (or a subdomain of it). Sign-in goes through
 * a link sent to that address, so a signed-in person has shown she receives its mail.
 */
export function isOnOrganizationDomain(email: string, website: string | null): boolean {
  const domain = domainOf(website);
  const emailDomain = email.split('@')[1]?.toLowerCase();
  if (!domain || !emailDomain) return false;
  return emailDomain === domain || emailDomain.endsWith(`.${domain}`);
}

export type RepresentativeStatus = 'domain' | 'moderator' | null;

/** How a person is known to represent an organisation, if she is. */
export async function representativeStatus(db: Database, user: UserRow, organization: ParityOrganizationRow): Promise<RepresentativeStatus> {
  if (isOnOrganizationDomain(user.email, organization.website)) return 'domain';
  const [row] = await db.select({ verifiedBy: parityRepresentatives.verifiedBy }).from(parityRepresentatives)
    .where(and(eq(parityRepresentatives.userId, user.id), eq(parityRepresentatives.organizationId, organization.id)));
  return row?.verifiedBy ?? null;
}

export interface DeclarationInput {
  year: number;
  source: string;
  figures: DeclaredFigure[];
  representativeRole: string;
  equalityText: string | null;
  comment: string | null;
}

/** A representative's declaration goes to the review queue; nothing shows until a moderator publishes it. */
export async function submitDeclaration(db: Database, organization: ParityOrganizationRow, user: UserRow, input: DeclarationInput, clock: Clock): Promise<number> {
  const status = await representativeStatus(db, user, organization);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [declaration] = await tx.insert(parityDeclarations).values({
      organizationId: organization.id, userId: user.id, year: input.year, representativeRole: input.representativeRole, representativeVerified: status !== null,
      equalityText: input.equalityText, comment: input.comment, status: 'pending', createdAt: now,
    }).returning({ id: parityDeclarations.id });
    if (input.figures.length) {
      await tx.insert(parityFigures).values(input.figures.map((figure) => ({
        organizationId: organization.id, year: input.year, metric: figure.metric, women: figure.women, total: figure.total, source: input.source,
        status: 'pending' as const, declarationId: declaration!.id, declaredByOrganization: true, recordedBy: DECLARED_BY_LABEL, createdAt: now,
      })));
    }
    if (status === 'domain') {
      await tx.insert(parityRepresentatives).values({ userId: user.id, organizationId: organization.id, verifiedBy: 'domain', createdAt: now }).onConflictDoNothing();
    }
    return declaration!.id;
  });
}

/**
 * Puts figures in place: each one replaces the published figure of the same organisation,
 * year and metric (kept, marked "replaced", as history), in the caller's transaction.
 */
async function putInPlace(tx: Tx, figureIds: number[], now: Date): Promise<void> {
  if (figureIds.length === 0) return;
  const incoming = await tx.select().from(parityFigures).where(inArray(parityFigures.id, figureIds));
  for (const figure of incoming) {
    const [current] = await tx.update(parityFigures).set({ status: 'replaced' }).where(and(
      eq(parityFigures.organizationId, figure.organizationId), eq(parityFigures.year, figure.year), eq(parityFigures.metric, figure.metric), eq(parityFigures.status, 'published'),
    )).returning({ id: parityFigures.id });
    await tx.update(parityFigures).set({ status: 'published', publishedAt: now, replacesId: current?.id ?? null }).where(eq(parityFigures.id, figure.id));
  }
}

async function loadPending(tx: Tx, id: number) {
  const [declaration] = await tx.select().from(parityDeclarations).where(eq(parityDeclarations.id, id));
  if (!declaration) throw new NotFoundError();
  const [organization] = await tx.select().from(parityOrganizations).where(eq(parityOrganizations.id, declaration.organizationId));
  return { declaration, organization: organization! };
}

async function tellDeclarant(tx: Tx, userId: number | null, key: string, content: ReturnType<typeof declarationPublishedEmail>): Promise<number | null> {
  if (userId === null) return null;
  const [declarant] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!declarant) return null;
  return queueEmail(tx, { idempotencyKey: key, recipient: declarant.email, purpose: key.split(':')[0]!, ...content });
}

export type ReviewOutcome = { done: true; emailId: number | null } | { done: false; reason: string };

export async function publishDeclaration(db: Database, id: number, options: { actor: Actor; publicUrl: string }, clock: Clock): Promise<ReviewOutcome> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { declaration, organization } = await loadPending(tx, id);
    if (declaration.status !== 'pending') return { done: false, reason: 'Cette déclaration a déjà été traitée.' };
    const figures = await tx.select({ id: parityFigures.id }).from(parityFigures).where(and(eq(parityFigures.declarationId, id), eq(parityFigures.status, 'pending')));
    await putInPlace(tx, figures.map((figure) => figure.id), now);
    if (declaration.equalityText) {
      await tx.update(parityOrganizations).set({ equalityText: declaration.equalityText, equalityTextPublishedAt: now, updatedAt: now }).where(eq(parityOrganizations.id, organization.id));
    }
    await tx.update(parityDeclarations).set({ status: 'published', reviewedBy: options.actor.label, reviewedAt: now }).where(eq(parityDeclarations.id, id));
    // Publishing a declaration from someone not yet known also recognises her as a representative.
    if (!declaration.representativeVerified && declaration.userId !== null) {
      await tx.insert(parityRepresentatives).values({ userId: declaration.userId, organizationId: organization.id, verifiedBy: 'moderator', createdAt: now }).onConflictDoNothing();
    }
    await recordAudit(tx, options.actor, {
      action: 'parity_declaration.publish', entityType: 'parity_declaration', entityId: id,
      summary: `Publication de la déclaration ${declaration.year} de « ${organization.name} » (${figures.length} chiffre${figures.length > 1 ? 's' : ''}${declaration.equalityText ? ', texte sur l’égalité' : ''})`,
    }, clock);
    const emailId = await tellDeclarant(tx, declaration.userId, `parity_declaration_published:${id}`, declarationPublishedEmail({
      organization: organization.name, year: declaration.year, url: `${options.publicUrl}/index-parite/${organization.slug}`, publicUrl: options.publicUrl,
    }));
    return { done: true, emailId };
  });
}

export async function rejectDeclaration(db: Database, id: number, options: { actor: Actor; reason: string; publicUrl: string }, clock: Clock): Promise<ReviewOutcome> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { declaration, organization } = await loadPending(tx, id);
    if (declaration.status !== 'pending') return { done: false, reason: 'Cette déclaration a déjà été traitée.' };
    await tx.update(parityFigures).set({ status: 'rejected' }).where(and(eq(parityFigures.declarationId, id), eq(parityFigures.status, 'pending')));
    await tx.update(parityDeclarations).set({ status: 'rejected', reviewedBy: options.actor.label, reviewedAt: now, refusalReason: options.reason }).where(eq(parityDeclarations.id, id));
    await recordAudit(tx, options.actor, {
      action: 'parity_declaration.reject', entityType: 'parity_declaration', entityId: id,
      summary: `Refus de la déclaration ${declaration.year} de « ${organization.name} » : ${options.reason}`,
    }, clock);
    const emailId = await tellDeclarant(tx, declaration.userId, `parity_declaration_rejected:${id}`, declarationRejectedEmail({
      organization: organization.name, year: declaration.year, reason: options.reason, url: `${options.publicUrl}/index-parite/${organization.slug}`, publicUrl: options.publicUrl,
    }));
    return { done: true, emailId };
  });
}

/** The team corrects figures directly: published at once, the old values kept as history. */
export async function correctFiguresByTeam(db: Database, organization: ParityOrganizationRow, input: { year: number; source: string; figures: DeclaredFigure[] }, actor: Actor, clock: Clock): Promise<void> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(parityFigures).values(input.figures.map((figure) => ({
      organizationId: organization.id, year: input.year, metric: figure.metric, women: figure.women, total: figure.total, source: input.source || TEAM_SOURCE,
      // Publicly "the team"; the audit log keeps which member.
      status: 'pending' as const, recordedBy: TEAM_SOURCE, createdAt: now,
    }))).returning({ id: parityFigures.id });
    await putInPlace(tx, inserted.map((row) => row.id), now);
    await recordAudit(tx, actor, {
      action: 'parity_figures.correct', entityType: 'parity_organization', entityId: organization.id,
      summary: `Correction des chiffres ${input.year} de « ${organization.name} » (${input.figures.map((figure) => `${figure.metric} ${figure.women}/${figure.total}`).join(', ')})`,
      after: { year: input.year, source: input.source, figures: input.figures },
    }, clock);
  });
}
