import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';

export interface Actor {
  /** null for the platform itself (an import, a scheduled job). */
  id: number | null;
  label: string;
}

export const IMPORT_ACTOR: Actor = { id: null, label: 'Import culture.gouv.fr' };
export const SYSTEM_ACTOR: Actor = { id: null, label: 'Plateforme (tâche planifiée)' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one line of the audit log, in the transaction of the action it describes. */
export async function recordAudit(db: Pick<Database, 'insert'>, actor: Actor, entry: AuditEntry, clock: Clock): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: clock.now(),
  });
}

/** Only what changed, so the log shows the difference rather than two whole records. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return Object.keys(changedAfter).length > 0 ? { before: changedBefore, after: changedAfter } : null;
}
