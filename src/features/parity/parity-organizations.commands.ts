import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type ParityOrganizationRow, parityOrganizations } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { slugify } from '../../platform/slugs.ts';
import { type Actor, changedFields, recordAudit } from '../audit/audit.commands.ts';
import type { OrganizationForm } from './organization-form.schema.ts';

/** Path segments under /index-parite that are pages, not organisations. */
const RESERVED_SLUGS = ['chiffres-cles', 'methode', 'donnees', 'mes-declarations'];

/** "Prix Niépce" -> "prix-niepce", made unique with -2, -3… */
export async function uniqueOrganizationSlug(db: Pick<Database, 'execute'>, name: string, excludeId?: number): Promise<string> {
  const base = slugify(name) || 'organisation';
  const taken = new Set((await queryRows<{ slug: string }>(db, sql`SELECT slug FROM parity_organizations WHERE (slug = ${base} OR slug LIKE ${`${base}-%`}) AND id <> ${excludeId ?? -1}`)).map((row) => row.slug));
  if (!taken.has(base) && !RESERVED_SLUGS.includes(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

type OrganizationFields = Omit<OrganizationForm, 'parent'> & { parentId: number | null };

const snapshot = (row: ParityOrganizationRow) => ({
  name: row.name, type: row.type, city: row.city, region: row.region, network: row.network, website: row.website, parentId: row.parentId,
}) as Record<string, unknown>;

export async function createOrganizationByTeam(db: Database, fields: OrganizationFields, actor: Actor, clock: Clock): Promise<ParityOrganizationRow> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(parityOrganizations).values({ ...fields, slug: await uniqueOrganizationSlug(tx, fields.name), createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'parity_organization.create', entityType: 'parity_organization', entityId: row!.id, summary: `Création de l’organisation « ${row!.name} » (index de la parité)`, after: snapshot(row!) }, clock);
    return row!;
  });
}

/** Edits details; the slug (the organisation's stable address and open-data id) never changes. */
export async function updateOrganizationByTeam(db: Database, id: number, fields: OrganizationFields, actor: Actor, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(parityOrganizations).where(eq(parityOrganizations.id, id));
    if (!current) throw new NotFoundError();
    const [row] = await tx.update(parityOrganizations).set({ ...fields, updatedAt: clock.now() }).where(eq(parityOrganizations.id, id)).returning();
    const diff = changedFields(snapshot(current), snapshot(row!));
    if (diff) {
      await recordAudit(tx, actor, {
        action: 'parity_organization.edit', entityType: 'parity_organization', entityId: id,
        summary: `Modification de l’organisation « ${row!.name} » (${Object.keys(diff.after).join(', ')})`, ...diff,
      }, clock);
    }
  });
}
