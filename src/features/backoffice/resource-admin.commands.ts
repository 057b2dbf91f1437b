import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { type ResourceRow, resources, users } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import type { DocumentKind } from '../../platform/files.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import { type Actor, changedFields, recordAudit } from '../audit/audit.commands.ts';
import { suggestionPublishedEmail, suggestionRefusedEmail } from '../contributions/contribution.emails.tsx';
import { uniqueResourceSlug } from '../resources/resource-editing.commands.ts';
import type { ResourceAdminData } from './resource-admin.schema.ts';

export interface ResourceFile {
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  content: Buffer;
}

const snapshot = ({ searchVector: _vector, createdAt: _created, updatedAt: _updated, ...fields }: ResourceRow) => fields as Record<string, unknown>;

async function storeFile(storage: Storage, slug: string, file: ResourceFile) {
  const fileKey = `ressources/${slug}-${Date.now().toString(36)}.${file.kind}`;
  await storage.put(fileKey, file.content);
  return { fileKey, fileName: file.fileName, fileType: file.mimeType, fileSize: file.content.length };
}

export async function createResourceByTeam(db: Database, storage: Storage, data: ResourceAdminData, file: ResourceFile | null, actor: Actor, clock: Clock): Promise<ResourceRow> {
  const now = clock.now();
  const slug = await uniqueResourceSlug(db, data.title);
  const stored = file ? await storeFile(storage, slug, file) : {};
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(resources).values({ ...data, ...stored, slug, status: 'draft', source: 'manual', createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'resource.create', entityType: 'resource', entityId: row!.id, summary: `Création de la ressource « ${row!.title} »`, after: snapshot(row!) }, clock);
    return row!;
  });
}

export async function updateResourceByTeam(
  db: Database, storage: Storage, id: number, data: ResourceAdminData, file: ResourceFile | null, options: { actor: Actor; publish: boolean; publicUrl: string }, clock: Clock,
): Promise<{ row: ResourceRow; emailId: number | null }> {
  const [current] = await db.select().from(resources).where(eq(resources.id, id));
  if (!current) throw new NotFoundError();
  const stored = file ? await storeFile(storage, current.slug, file) : {};
  return db.transaction(async (tx) => {
    const now = clock.now();
    const publishing = options.publish && current.status !== 'published';
    const [row] = await tx.update(resources).set({
      ...data, ...stored, updatedAt: now, ...(publishing ? { status: 'published' as const, publishedAt: current.publishedAt ?? now, refusalReason: null } : {}),
    }).where(eq(resources.id, id)).returning();
    const diff = changedFields(snapshot(current), snapshot(row!));
    if (diff) {
      await recordAudit(tx, options.actor, {
        action: publishing ? 'resource.edit_and_publish' : 'resource.edit', entityType: 'resource', entityId: id,
        summary: `${publishing ? 'Modification et publication' : 'Modification'} de la ressource « ${row!.title} » (${Object.keys(diff.after).join(', ')})`, ...diff,
      }, clock);
    }
    const emailId = publishing ? await tellSubmitter(tx, row!, 'published', options.publicUrl) : null;
    return { row: row!, emailId };
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function tellSubmitter(tx: Tx, row: ResourceRow, decision: 'published' | 'refused', publicUrl: string): Promise<number | null> {
  if (row.source !== 'suggestion' || row.submittedBy === null) return null;
  const [submitter] = await tx.select({ email: users.email }).from(users).where(eq(users.id, row.submittedBy));
  if (!submitter) return null;
  const content = decision === 'published'
    ? suggestionPublishedEmail({ title: row.title, url: `${publicUrl}/ressources/${row.slug}`, publicUrl })
    : suggestionRefusedEmail({ title: row.title, reason: row.refusalReason ?? '', publicUrl });
  return queueEmail(tx, { idempotencyKey: `resource-${decision}:${row.id}`, recipient: submitter.email, purpose: `resource_${decision}`, ...content });
}

const CHANGES = {
  publish: { to: 'published', from: ['draft', 'in_review', 'refused'], label: 'Publication' },
  archive: { to: 'archived', from: ['draft', 'in_review', 'published', 'refused'], label: 'Archivage' },
  restore: { to: 'published', from: ['archived'], label: 'Restauration' },
  refuse: { to: 'refused', from: ['draft', 'in_review'], label: 'Refus' },
} as const;

export async function changeResourceStatus(
  db: Database, id: number, change: keyof typeof CHANGES, options: { actor: Actor; reason?: string; publicUrl: string }, clock: Clock,
): Promise<{ emailId: number | null } | { refused: string }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(resources).where(eq(resources.id, id)).for('update');
    if (!current) throw new NotFoundError();
    const rule = CHANGES[change];
    if (!(rule.from as readonly string[]).includes(current.status)) return { refused: 'Impossible depuis l’état actuel de la ressource.' };
    const now = clock.now();
    const [row] = await tx.update(resources).set({
      status: rule.to, updatedAt: now,
      ...(rule.to === 'published' ? { publishedAt: current.publishedAt ?? now, refusalReason: null } : {}),
      ...(change === 'refuse' ? { refusalReason: options.reason ?? null } : {}),
    }).where(eq(resources.id, id)).returning();
    await recordAudit(tx, options.actor, {
      action: `resource.${change}`, entityType: 'resource', entityId: id, summary: `${rule.label} de la ressource « ${current.title} »${options.reason ? ` : ${options.reason}` : ''}`,
      before: { status: current.status }, after: { status: row!.status },
    }, clock);
    const emailId = change === 'publish' ? await tellSubmitter(tx, row!, 'published', options.publicUrl)
      : change === 'refuse' ? await tellSubmitter(tx, row!, 'refused', options.publicUrl) : null;
    return { emailId };
  });
}
