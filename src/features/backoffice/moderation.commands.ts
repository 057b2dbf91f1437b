import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type OpportunityRow, type UserRole, opportunities, opportunityReports, users } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { type Actor, changedFields, recordAudit } from '../audit/audit.commands.ts';
import { suggestionPublishedEmail, suggestionRefusedEmail } from '../contributions/contribution.emails.tsx';
import {
  findOpportunityForUpdate, insertOpportunity, replaceWindows, windowsOf,
} from '../opportunities/opportunity-editing.commands.ts';
import type { WindowInput } from '../opportunities/opportunity-form.schema.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface EditableFields {
  values: Record<string, unknown>;
  windows: WindowInput[];
}

/** What the audit log keeps of an opportunity: every editable field, its windows and status. */
async function snapshot(tx: Tx, row: OpportunityRow): Promise<Record<string, unknown>> {
  const { searchVector: _vector, createdAt: _created, updatedAt: _updated, ...fields } = row;
  return { ...fields, windows: await windowsOf(tx, row.id) };
}

/** Emails the person who suggested it, if her account still exists. */
async function tellSubmitter(tx: Tx, row: OpportunityRow, decision: 'published' | 'refused', publicUrl: string): Promise<number | null> {
  if (row.source !== 'suggestion' || row.submittedBy === null) return null;
  const [submitter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.submittedBy));
  if (!submitter) return null;
  const content = decision === 'published'
    ? suggestionPublishedEmail({ title: row.title, url: `${publicUrl}/aides/${row.slug}`, publicUrl })
    : suggestionRefusedEmail({ title: row.title, reason: row.refusalReason ?? '', publicUrl });
  return queueEmail(tx, { idempotencyKey: `suggestion-${decision}:${row.id}`, recipient: submitter.email, purpose: `suggestion_${decision}`, ...content });
}

export async function createOpportunityByTeam(db: Database, fields: EditableFields, actor: Actor, clock: Clock): Promise<OpportunityRow> {
  return db.transaction(async (tx) => {
    const now = clock.now();
    const row = await insertOpportunity(tx, { ...(fields.values as Omit<typeof opportunities.$inferInsert, 'slug'>), status: 'draft', source: 'manual', createdAt: now, updatedAt: now }, fields.windows);
    await recordAudit(tx, actor, { action: 'opportunity.create', entityType: 'opportunity', entityId: row.id, summary: `Création de « ${row.title} »`, after: await snapshot(tx, row) }, clock);
    return row;
  });
}

/** Saves an edit (and publishes it when asked); returns the email to dispatch, if any. */
export async function updateOpportunityByTeam(
  db: Database,
  id: number,
  fields: EditableFields,
  options: { actor: Actor; publish: boolean; publicUrl: string },
  clock: Clock,
): Promise<{ row: OpportunityRow; emailId: number | null }> {
  return db.transaction(async (tx) => {
    const current = await findOpportunityForUpdate(tx, id);
    const before = await snapshot(tx, current);
    const now = clock.now();
    const publishing = options.publish && current.status !== 'published';
    const [updated] = await tx.update(opportunities)
      .set({ ...(fields.values as Partial<typeof opportunities.$inferInsert>), updatedAt: now, ...(publishing ? { status: 'published' as const, publishedAt: current.publishedAt ?? now, refusalReason: null } : {}) })
      .where(eq(opportunities.id, id)).returning();
    await replaceWindows(tx, id, fields.windows);
    const after = await snapshot(tx, updated!);
    const diff = changedFields(before, after);
    if (diff) {
      await recordAudit(tx, options.actor, {
        action: publishing ? 'opportunity.edit_and_publish' : 'opportunity.edit', entityType: 'opportunity', entityId: id,
        summary: `${publishing ? 'Modification et publication' : 'Modification'} de « ${updated!.title} » (${Object.keys(diff.after).join(', ')})`, ...diff,
      }, clock);
    }
    const emailId = publishing ? await tellSubmitter(tx, updated!, 'published', options.publicUrl) : null;
    return { row: updated!, emailId };
  });
}

type StatusChange = 'publish' | 'archive' | 'restore' | 'refuse';

const CHANGES: Record<StatusChange, { to: OpportunityRow['status']; action: string; label: string; allowedFrom: OpportunityRow['status'][] }> = {
  publish: { to: 'published', action: 'opportunity.publish', label: 'Publication', allowedFrom: ['draft', 'in_review', 'refused'] },
  archive: { to: 'archived', action: 'opportunity.archive', label: 'Archivage', allowedFrom: ['draft', 'in_review', 'published', 'refused'] },
  restore: { to: 'published', action: 'opportunity.restore', label: 'Restauration', allowedFrom: ['archived'] },
  refuse: { to: 'refused', action: 'opportunity.refuse', label: 'Refus', allowedFrom: ['draft', 'in_review'] },
};

export async function changeOpportunityStatus(
  db: Database,
  id: number,
  change: StatusChange,
  options: { actor: Actor; reason?: string; publicUrl: string },
  clock: Clock,
): Promise<{ row: OpportunityRow; emailId: number | null } | { refused: string }> {
  return db.transaction(async (tx) => {
    const current = await findOpportunityForUpdate(tx, id);
    const rule = CHANGES[change];
    if (!rule.allowedFrom.includes(current.status)) return { refused: `Impossible depuis l’état actuel de la fiche.` };
    const now = clock.now();
    const [updated] = await tx.update(opportunities).set({
      status: rule.to,
      updatedAt: now,
      ...(rule.to === 'published' ? { publishedAt: current.publishedAt ?? now, refusalReason: null } : {}),
      ...(change === 'refuse' ? { refusalReason: options.reason ?? null } : {}),
    }).where(eq(opportunities.id, id)).returning();
    await recordAudit(tx, options.actor, {
      action: rule.action, entityType: 'opportunity', entityId: id, summary: `${rule.label} de « ${current.title} »${options.reason ? ` : ${options.reason}` : ''}`,
      before: { status: current.status, refusalReason: current.refusalReason }, after: { status: updated!.status, refusalReason: updated!.refusalReason },
    }, clock);
    const emailId = change === 'publish' ? await tellSubmitter(tx, updated!, 'published', options.publicUrl)
      : change === 'refuse' ? await tellSubmitter(tx, updated!, 'refused', options.publicUrl) : null;
    return { row: updated!, emailId };
  });
}

export async function resolveReport(db: Database, reportId: number, actor: Actor, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [report] = await tx.update(opportunityReports).set({ status: 'resolved', resolvedAt: clock.now() })
      .where(and(eq(opportunityReports.id, reportId), eq(opportunityReports.status, 'open'))).returning();
    if (!report) throw new NotFoundError();
    await recordAudit(tx, actor, { action: 'report.resolve', entityType: 'report', entityId: reportId, summary: `Signalement traité (aide n° ${report.opportunityId})`, before: { status: 'open' }, after: { status: 'resolved' } }, clock);
  });
}

export async function changeUserRole(db: Database, userId: number, role: UserRole, actor: Actor, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!current) throw new NotFoundError();
    if (current.role === role) return;
    await tx.update(users).set({ role, updatedAt: clock.now() }).where(eq(users.id, userId));
    await recordAudit(tx, actor, { action: 'user.role', entityType: 'user', entityId: userId, summary: `Rôle de l’utilisateur n° ${userId} : ${current.role} → ${role}`, before: { role: current.role }, after: { role } }, clock);
  });
}
