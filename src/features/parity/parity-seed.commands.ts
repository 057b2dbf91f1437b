import { readFile } from 'node:fs/promises';
import { isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { parityFigures, parityOrganizations } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import {
  type ImportError, type ImportedFigure, type ImportedOrganization, type OrganizationDetails,
  parseIndependentPrizes, parseOrganizationDetails, parseOrganizationFigures, parseOrganizationPrizes, parsePrizeLaureates,
} from './parity-import.ts';
import { uniqueOrganizationSlug } from './parity-organizations.commands.ts';
import { REFERENCE_SOURCE } from './parity.vocabulary.ts';

export const PARITY_SEED_DIR = new URL('../../../data/seed/parity/', import.meta.url);
const IMPORT_LABEL = 'Import des données de référence';

export interface ParityReference {
  /** Data rows read per file. */
  rows: Record<string, number>;
  organizations: ImportedOrganization[];
  figures: ImportedFigure[];
  details: Map<string, OrganizationDetails>;
  errors: ImportError[];
}

/** Reads the reference files; the first mention of an organisation wins (the figures file comes first). */
export async function readParityReference(directory: URL = PARITY_SEED_DIR): Promise<ParityReference> {
  const read = (name: string) => readFile(new URL(name, directory), 'utf8');
  const files = [
    ['organizations-figures-2021-2022.csv', parseOrganizationFigures],
    ['prizes-independent.csv', parseIndependentPrizes],
    ['prizes-of-organizations.csv', parseOrganizationPrizes],
    ['prizes-independent-laureates.csv', parsePrizeLaureates],
    ['prizes-of-organizations-laureates.csv', parsePrizeLaureates],
  ] as const;
  const parsed = await Promise.all(files.map(async ([name, parseFile]) => ({ name, ...parseFile(name, await read(name)) })));
  const { details, errors } = parseOrganizationDetails('organization-details.csv', await read('organization-details.csv'));
  const organizations = new Map<string, ImportedOrganization>();
  for (const organization of parsed.flatMap((file) => file.organizations)) {
    if (!organizations.has(organization.referenceKey)) organizations.set(organization.referenceKey, organization);
  }
  return {
    rows: Object.fromEntries(parsed.map((file) => [file.name, file.rows])),
    organizations: [...organizations.values()], figures: parsed.flatMap((file) => file.figures), details, errors: [...parsed.flatMap((file) => file.errors), ...errors],
  };
}

export interface ParitySeedReport {
  organizationsInserted: number;
  figuresInserted: number;
  errors: ImportError[];
}

/**
 * Loads the reference data (idempotent). Organisations already present are left as the team
 * may have edited them; a figure is added only where no published one exists, so a
 * declaration or a correction is never overwritten by a re-seed.
 */
export async function seedParity(db: Database, clock: Clock, directory: URL = PARITY_SEED_DIR): Promise<ParitySeedReport> {
  const reference = await readParityReference(directory);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: parityOrganizations.id, referenceKey: parityOrganizations.referenceKey })
      .from(parityOrganizations).where(isNotNull(parityOrganizations.referenceKey));
    const idByKey = new Map(existing.map((row) => [row.referenceKey!, row.id]));
    let organizationsInserted = 0;
    // Organisers before their prizes, so every parent has an id.
    const ordered = [...reference.organizations].sort((a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null));
    for (const organization of ordered) {
      if (idByKey.has(organization.referenceKey)) continue;
      const details = reference.details.get(organization.referenceKey);
      const [row] = await tx.insert(parityOrganizations).values({
        slug: await uniqueOrganizationSlug(tx, organization.name),
        referenceKey: organization.referenceKey,
        name: organization.name,
        type: details?.type ?? organization.type,
        city: details?.city ?? organization.city,
        region: details?.region ?? null,
        network: details?.network ?? null,
        website: details?.website ?? null,
        parentId: organization.parentKey ? idByKey.get(organization.parentKey) ?? null : null,
        createdAt: now,
        updatedAt: now,
      }).returning({ id: parityOrganizations.id });
      idByKey.set(organization.referenceKey, row!.id);
      organizationsInserted += 1;
    }
    const values = [];
    for (const figure of reference.figures) {
      const organizationId = idByKey.get(figure.referenceKey);
      if (organizationId === undefined) {
        reference.errors.push({ file: 'chiffres', line: 0, message: `Organisation inconnue : ${figure.referenceKey}.` });
        continue;
      }
      values.push({
        organizationId, year: figure.year, metric: figure.metric, women: figure.women, total: figure.total, source: REFERENCE_SOURCE,
        status: 'published' as const, recordedBy: IMPORT_LABEL, publishedAt: now, createdAt: now,
      });
    }
    // The partial unique index (one published figure per organisation, year and metric) skips those already there.
    const inserted = values.length ? await tx.insert(parityFigures).values(values).onConflictDoNothing().returning({ id: parityFigures.id }) : [];
    const figuresInserted = inserted.length;
    return { organizationsInserted, figuresInserted, errors: reference.errors };
  });
}

export async function countParityOrganizations(db: Database): Promise<number> {
  const [row] = await db.select({ value: sql<number>`count(*)::int` }).from(parityOrganizations);
  return Number(row?.value ?? 0);
}
