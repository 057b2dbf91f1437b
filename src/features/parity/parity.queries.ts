import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import {
  ORGANIZATION_TYPES, type OrganizationType, type ParityMetric, type ParityOrganizationRow, parityDeclarations, parityFigures, parityOrganizations,
} from '../../db/schema/index.ts';
import type { Count } from './parity-rule.ts';
import { PARITY_PAGE_SIZE, type ParitySearch } from './parity-search.schema.ts';
import { HEADLINE_METRIC } from './parity.vocabulary.ts';

export interface PublishedFigure extends Count {
  year: number;
  metric: ParityMetric;
  source: string;
  declaredByOrganization: boolean;
}

/** The headline metric of each type, as SQL (from the one table in parity.vocabulary.ts). */
const headlineMetricSql = (typeColumn: SQL) =>
  sql`CASE ${typeColumn} ${sql.join(ORGANIZATION_TYPES.map((type) => sql`WHEN ${type} THEN ${HEADLINE_METRIC[type]}`), sql` `)} END`;

const folded = (text: string) => `%${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

type FacetName = 'type' | 'region' | 'network' | 'year';

/** Conditions on organisations for a search, leaving one facet out (facet counts ignore their own choice). */
function conditionsOf(search: ParitySearch, except?: FacetName): SQL {
  const conditions: SQL[] = [sql`true`];
  if (search.text) conditions.push(sql`lower(immutable_unaccent(o.name || ' ' || coalesce(o.city, ''))) LIKE ${folded(search.text)}`);
  if (except !== 'type' && search.types.length) conditions.push(sql`o.type IN (${sql.join(search.types.map((type) => sql`${type}`), sql`, `)})`);
  if (except !== 'region' && search.regions.length) conditions.push(sql`o.region IN (${sql.join(search.regions.map((region) => sql`${region}`), sql`, `)})`);
  if (except !== 'network' && search.networks.length) conditions.push(sql`o.network IN (${sql.join(search.networks.map((network) => sql`${network}`), sql`, `)})`);
  if (except !== 'year' && search.year) {
    conditions.push(sql`EXISTS (SELECT 1 FROM parity_figures y WHERE y.organization_id = o.id AND y.status = 'published' AND y.year = ${search.year})`);
  }
  return sql.join(conditions, sql` AND `);
}

export interface OrganizationCard {
  id: number;
  slug: string;
  name: string;
  type: OrganizationType;
  city: string | null;
  region: string | null;
  network: string | null;
  /** The year shown: the one searched for, or the latest with figures. */
  year: number | null;
  figures: PublishedFigure[];
  headline: ParityMetric;
}

export interface ParitySearchResult {
  items: OrganizationCard[];
  total: number;
  page: number;
  pageCount: number;
  organizationCount: number;
  facets: Record<FacetName, Record<string, number>>;
}

export async function searchOrganizations(db: Database, search: ParitySearch): Promise<ParitySearchResult> {
  const where = conditionsOf(search);
  const page = search.sort === 'name' ? await pageByName(db, search, where) : await pageByShare(db, search, where);
  const ids = page.map((row) => Number(row.id));
  const [organizations, figures, facets, [all]] = await Promise.all([
    ids.length ? db.select().from(parityOrganizations).where(inArray(parityOrganizations.id, ids)) : Promise.resolve([]),
    figuresOfYears(db, page.filter((row) => row.year !== null).map((row) => ({ id: Number(row.id), year: Number(row.year) }))),
    facetCounts(db, search),
    queryRows<{ value: number }>(db, sql`SELECT count(*)::int AS value FROM parity_organizations`),
  ]);
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  const total = page[0] ? Number(page[0].total_count) : await countMatching(db, where);
  return {
    items: page.map((row) => {
      const organization = byId.get(Number(row.id))!;
      return {
        id: organization.id, slug: organization.slug, name: organization.name, type: organization.type, city: organization.city, region: organization.region,
        network: organization.network, year: row.year === null ? null : Number(row.year), figures: figures.get(organization.id) ?? [], headline: HEADLINE_METRIC[organization.type],
      };
    }),
    total,
    page: search.page,
    pageCount: Math.max(1, Math.ceil(total / PARITY_PAGE_SIZE)),
    organizationCount: Number(all?.value ?? 0),
    facets,
  };
}

type PageRow = { id: number; year: number | null; total_count: string | number };

/** Sorted by name: only the page's organisations need their figures' year. */
async function pageByName(db: Database, search: ParitySearch, where: SQL): Promise<PageRow[]> {
  const rows = await queryRows<{ id: number; total_count: string | number }>(db, sql`
    SELECT o.id, count(*) OVER () AS total_count FROM parity_organizations o WHERE ${where}
    ORDER BY lower(immutable_unaccent(o.name)), o.id
    LIMIT ${PARITY_PAGE_SIZE} OFFSET ${(search.page - 1) * PARITY_PAGE_SIZE}`);
  if (rows.length === 0) return [];
  const years = await queryRows<{ organization_id: number; year: number }>(db, sql`
    SELECT organization_id, max(year) AS year FROM parity_figures
    WHERE status = 'published' AND organization_id IN (${sql.join(rows.map((row) => sql`${row.id}`), sql`, `)}) ${search.year ? sql`AND year = ${search.year}` : sql``}
    GROUP BY organization_id`);
  const yearOf = new Map(years.map((row) => [Number(row.organization_id), Number(row.year)]));
  return rows.map((row) => ({ ...row, year: yearOf.get(Number(row.id)) ?? null }));
}

/** Sorted by share: the headline figure of every matching organisation is compared in SQL. */
async function pageByShare(db: Database, search: ParitySearch, where: SQL): Promise<PageRow[]> {
  return queryRows<PageRow>(db, sql`
    WITH filtered AS (SELECT o.id, o.name, o.type FROM parity_organizations o WHERE ${where}),
    shown_year AS (
      SELECT f.organization_id, max(f.year) AS year FROM parity_figures f JOIN filtered ON filtered.id = f.organization_id
      WHERE f.status = 'published' ${search.year ? sql`AND f.year = ${search.year}` : sql``}
      GROUP BY f.organization_id
    ),
    headline AS (
      SELECT f.organization_id, f.women, f.total FROM parity_figures f
      JOIN shown_year s ON s.organization_id = f.organization_id AND s.year = f.year
      JOIN filtered o ON o.id = f.organization_id
      WHERE f.status = 'published' AND f.metric = ${headlineMetricSql(sql`o.type`)}
    )
    SELECT o.id, s.year, count(*) OVER () AS total_count
    FROM filtered o LEFT JOIN shown_year s ON s.organization_id = o.id LEFT JOIN headline h ON h.organization_id = o.id
    ORDER BY (h.total > 0) IS TRUE DESC, h.women::float8 / nullif(h.total, 0) ${search.sort === 'share_asc' ? sql`ASC` : sql`DESC`}, lower(immutable_unaccent(o.name)), o.id
    LIMIT ${PARITY_PAGE_SIZE} OFFSET ${(search.page - 1) * PARITY_PAGE_SIZE}`);
}

async function countMatching(db: Database, where: SQL): Promise<number> {
  const [row] = await queryRows<{ value: number }>(db, sql`SELECT count(*)::int AS value FROM parity_organizations o WHERE ${where}`);
  return Number(row?.value ?? 0);
}

async function figuresOfYears(db: Database, wanted: { id: number; year: number }[]): Promise<Map<number, PublishedFigure[]>> {
  const result = new Map<number, PublishedFigure[]>();
  if (wanted.length === 0) return result;
  const pairs = sql.join(wanted.map(({ id, year }) => sql`(${id}::int, ${year}::int)`), sql`, `);
  const rows = await queryRows<{ organization_id: number; year: number; metric: ParityMetric; women: number; total: number; source: string; declared_by_organization: boolean }>(db, sql`
    SELECT f.organization_id, f.year, f.metric, f.women, f.total, f.source, f.declared_by_organization
    FROM parity_figures f JOIN (VALUES ${pairs}) AS wanted (id, year) ON wanted.id = f.organization_id AND wanted.year = f.year
    WHERE f.status = 'published'`);
  for (const row of rows) {
    const list = result.get(Number(row.organization_id)) ?? [];
    list.push({ year: Number(row.year), metric: row.metric, women: Number(row.women), total: Number(row.total), source: row.source, declaredByOrganization: row.declared_by_organization });
    result.set(Number(row.organization_id), list);
  }
  return result;
}

async function facetCounts(db: Database, search: ParitySearch): Promise<Record<FacetName, Record<string, number>>> {
  const count = async (facet: FacetName, key: SQL, from: SQL = sql`parity_organizations o`) => {
    const rows = await queryRows<{ key: string | number | null; value: number }>(db, sql`
      SELECT ${key} AS key, count(DISTINCT o.id)::int AS value FROM ${from} WHERE ${conditionsOf(search, facet)} GROUP BY 1`);
    return Object.fromEntries(rows.filter((row) => row.key !== null).map((row) => [String(row.key), Number(row.value)]));
  };
  const [type, region, network, year] = await Promise.all([
    count('type', sql`o.type`),
    count('region', sql`o.region`),
    count('network', sql`o.network`),
    count('year', sql`f.year`, sql`parity_organizations o JOIN (SELECT DISTINCT organization_id, year FROM parity_figures WHERE status = 'published') f ON f.organization_id = o.id`),
  ]);
  return { type, region, network, year };
}

export async function findOrganizationBySlug(db: Database, slug: string): Promise<ParityOrganizationRow | null> {
  const [row] = await db.select().from(parityOrganizations).where(eq(parityOrganizations.slug, slug));
  return row ?? null;
}

export async function findOrganizationById(db: Database, id: number): Promise<ParityOrganizationRow | null> {
  const [row] = await db.select().from(parityOrganizations).where(eq(parityOrganizations.id, id));
  return row ?? null;
}

export async function publishedFiguresOf(db: Database, organizationId: number): Promise<PublishedFigure[]> {
  return db.select({
    year: parityFigures.year, metric: parityFigures.metric, women: parityFigures.women, total: parityFigures.total,
    source: parityFigures.source, declaredByOrganization: parityFigures.declaredByOrganization,
  }).from(parityFigures)
    .where(and(eq(parityFigures.organizationId, organizationId), eq(parityFigures.status, 'published')))
    .orderBy(asc(parityFigures.year), asc(parityFigures.metric));
}

export interface Correction {
  at: Date;
  year: number;
  metric: ParityMetric;
  before: Count;
  after: Count;
  by: string;
  declaredByOrganization: boolean;
}

/** Published values that replaced earlier ones: who changed what, when. */
export async function correctionsOf(db: Database, organizationId: number): Promise<Correction[]> {
  const rows = await queryRows<{ at: Date | string; year: number; metric: ParityMetric; before_women: number; before_total: number; women: number; total: number; by: string; declared: boolean }>(db, sql`
    SELECT coalesce(f.published_at, f.created_at) AS at, f.year, f.metric, old.women AS before_women, old.total AS before_total, f.women, f.total,
      f.recorded_by AS by, f.declared_by_organization AS declared
    FROM parity_figures f JOIN parity_figures old ON old.id = f.replaces_id
    WHERE f.organization_id = ${organizationId} AND f.status IN ('published', 'replaced')
    ORDER BY at DESC, f.id DESC`);
  return rows.map((row) => ({
    at: new Date(row.at), year: Number(row.year), metric: row.metric, before: { women: Number(row.before_women), total: Number(row.before_total) },
    after: { women: Number(row.women), total: Number(row.total) }, by: row.by, declaredByOrganization: row.declared,
  }));
}

export interface LinkedOrganization {
  slug: string;
  name: string;
  type: OrganizationType;
}

export async function prizesOf(db: Database, organizationId: number): Promise<LinkedOrganization[]> {
  return db.select({ slug: parityOrganizations.slug, name: parityOrganizations.name, type: parityOrganizations.type })
    .from(parityOrganizations).where(eq(parityOrganizations.parentId, organizationId)).orderBy(asc(parityOrganizations.name));
}

export async function pendingDeclarationCount(db: Database, organizationId: number): Promise<number> {
  const [row] = await db.select({ value: sql<number>`count(*)::int` }).from(parityDeclarations)
    .where(and(eq(parityDeclarations.organizationId, organizationId), eq(parityDeclarations.status, 'pending')));
  return Number(row?.value ?? 0);
}

export interface OpenDataRow {
  organizationSlug: string;
  organization: string;
  type: OrganizationType;
  city: string | null;
  region: string | null;
  parentSlug: string | null;
  year: number;
  metric: ParityMetric;
  women: number;
  total: number;
  source: string;
  declaredByOrganization: boolean;
  publishedAt: Date | null;
}

/** Every published figure (or one organisation's), one row per organisation, year and metric. */
export async function openDataRows(db: Database, organizationId?: number): Promise<OpenDataRow[]> {
  const rows = await queryRows<{
    slug: string; name: string; type: OrganizationType; city: string | null; region: string | null; parent_slug: string | null; year: number; metric: ParityMetric;
    women: number; total: number; source: string; declared_by_organization: boolean; published_at: string | Date | null;
  }>(db, sql`
    SELECT o.slug, o.name, o.type, o.city, o.region, p.slug AS parent_slug, f.year, f.metric, f.women, f.total, f.source, f.declared_by_organization, f.published_at
    FROM parity_figures f JOIN parity_organizations o ON o.id = f.organization_id LEFT JOIN parity_organizations p ON p.id = o.parent_id
    WHERE f.status = 'published' ${organizationId === undefined ? sql`` : sql`AND o.id = ${organizationId}`}
    ORDER BY o.slug, f.year, f.metric`);
  return rows.map((row) => ({
    organizationSlug: row.slug, organization: row.name, type: row.type, city: row.city, region: row.region, parentSlug: row.parent_slug, year: Number(row.year),
    metric: row.metric, women: Number(row.women), total: Number(row.total), source: row.source, declaredByOrganization: row.declared_by_organization,
    publishedAt: row.published_at === null ? null : new Date(row.published_at),
  }));
}

export interface TypeYearTotal extends Count {
  type: OrganizationType;
  year: number;
  metric: ParityMetric;
  organizations: number;
}

/** National view: all published counts summed by type of organisation, year and metric. */
export async function totalsByTypeAndYear(db: Database): Promise<TypeYearTotal[]> {
  const rows = await queryRows<{ type: OrganizationType; year: number; metric: ParityMetric; women: string; total: string; organizations: number }>(db, sql`
    SELECT o.type, f.year, f.metric, sum(f.women) AS women, sum(f.total) AS total,
      -- One published figure per organisation, year and metric (unique index): a row is an organisation.
      count(*)::int AS organizations
    FROM parity_figures f JOIN parity_organizations o ON o.id = f.organization_id
    WHERE f.status = 'published'
    GROUP BY o.type, f.year, f.metric
    ORDER BY o.type, f.year, f.metric`);
  return rows.map((row) => ({ type: row.type, year: Number(row.year), metric: row.metric, women: Number(row.women), total: Number(row.total), organizations: Number(row.organizations) }));
}

/** Each organisation's headline figure in its latest year with one (for the distribution by level). */
export async function latestHeadlineFigures(db: Database): Promise<(Count & { type: OrganizationType })[]> {
  const rows = await queryRows<{ type: OrganizationType; women: number; total: number }>(db, sql`
    SELECT DISTINCT ON (o.id) o.type, f.women, f.total
    FROM parity_organizations o JOIN parity_figures f ON f.organization_id = o.id AND f.status = 'published' AND f.metric = ${headlineMetricSql(sql`o.type`)}
    ORDER BY o.id, f.year DESC`);
  return rows.map((row) => ({ type: row.type, women: Number(row.women), total: Number(row.total) }));
}

export async function latestPublicationDate(db: Database): Promise<Date | null> {
  const [row] = await db.select({ at: parityFigures.publishedAt }).from(parityFigures).where(eq(parityFigures.status, 'published')).orderBy(desc(parityFigures.publishedAt)).limit(1);
  return row?.at ?? null;
}
