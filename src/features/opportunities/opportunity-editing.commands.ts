import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type NewOpportunityRow, type OpportunityRow, opportunities, opportunityWindows } from '../../db/schema/index.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { WindowInput } from './opportunity-form.schema.ts';
import { slugify } from '../../platform/slugs.ts';

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** "Résidence d’artistes à Arles" -> "residence-d-artistes-a-arles", made unique with -2, -3… */
export async function uniqueSlug(db: Executor, title: string, excludeId?: number): Promise<string> {
  const base = slugify(title) || 'aide';
  const taken = new Set(
    (await queryRows<{ slug: string }>(db, sql`SELECT slug FROM opportunities WHERE (slug = ${base} OR slug LIKE ${`${base}-%`}) AND id <> ${excludeId ?? -1}`)).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

export async function windowsOf(db: Executor, opportunityId: number): Promise<WindowInput[]> {
  const rows = await db.select().from(opportunityWindows).where(eq(opportunityWindows.opportunityId, opportunityId)).orderBy(opportunityWindows.closesOn);
  return rows.map((row) => ({ opensOn: row.opensOn, closesOn: row.closesOn, isEstimated: row.isEstimated }));
}

const windowKey = (windows: readonly WindowInput[]) =>
  JSON.stringify([...windows].map((window) => [window.opensOn, window.closesOn, window.isEstimated]).sort());

/** Replaces the windows only when they differ: followers are told of real changes only. */
export async function replaceWindows(db: Executor, opportunityId: number, windows: readonly WindowInput[]): Promise<boolean> {
  const current = await windowsOf(db, opportunityId);
  if (windowKey(current) === windowKey(windows)) return false;
  await db.delete(opportunityWindows).where(eq(opportunityWindows.opportunityId, opportunityId));
  if (windows.length > 0) await db.insert(opportunityWindows).values(windows.map((window) => ({ opportunityId, ...window })));
  return true;
}

export async function insertOpportunity(db: Executor, values: Omit<NewOpportunityRow, 'slug'>, windows: readonly WindowInput[]): Promise<OpportunityRow> {
  const slug = await uniqueSlug(db, values.title);
  const [row] = await db.insert(opportunities).values({ ...values, slug }).returning();
  if (windows.length > 0) await db.insert(opportunityWindows).values(windows.map((window) => ({ opportunityId: row!.id, ...window })));
  return row!;
}

export async function findOpportunityForUpdate(db: Executor, id: number): Promise<OpportunityRow> {
  const [row] = await db.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
  if (!row) throw new NotFoundError();
  return row;
}

export async function slugTakenByAnother(db: Executor, slug: string, id: number): Promise<boolean> {
  const [row] = await db.select({ id: opportunities.id }).from(opportunities).where(and(eq(opportunities.slug, slug), ne(opportunities.id, id))).limit(1);
  return row !== undefined;
}
