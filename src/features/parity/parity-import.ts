import { parse } from 'csv-parse/sync';
import { ORGANIZATION_TYPES, type OrganizationType, type ParityMetric } from '../../db/schema/index.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { checkCount } from './parity-rule.ts';
import { PARITY_NETWORKS } from './parity.vocabulary.ts';

/**
 * Reads the reference files of the Index de la parité (pure: text in, rows and errors out).
 * A bad row is reported with its line number and skipped; the good rows still load.
 */

export interface ImportError {
  file: string;
  line: number;
  message: string;
}

export interface ImportedOrganization {
  referenceKey: string;
  name: string;
  type: OrganizationType;
  city: string | null;
  parentKey: string | null;
}

export interface ImportedFigure {
  referenceKey: string;
  year: number;
  metric: ParityMetric;
  women: number;
  total: number;
}

type CsvRecord = { line: number; cells: Map<string, string> };

/**
 * CSV records keyed by header. A row with more cells than the header had a comma in a free-text
 * field left unquoted: the extra cells go back into `mergeExtraInto`. Fewer cells is an error.
 */
export function readCsv(file: string, text: string, options: { mergeExtraInto?: string } = {}): { records: CsvRecord[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    return { records: [], errors: [{ file, line: (error as { lines?: number }).lines ?? 1, message: `Fichier CSV illisible : ${(error as Error).message}` }] };
  }
  const [header, ...body] = rows;
  if (!header) return { records: [], errors: [{ file, line: 1, message: 'Fichier vide.' }] };
  const records: CsvRecord[] = [];
  body.forEach((row, index) => {
    const line = index + 2;
    let cells = row;
    if (cells.length > header.length) {
      const at = options.mergeExtraInto ? header.indexOf(options.mergeExtraInto) : -1;
      if (at < 0) {
        errors.push({ file, line, message: `${cells.length} colonnes au lieu de ${header.length}.` });
        return;
      }
      const extra = cells.length - header.length;
      cells = [...cells.slice(0, at), cells.slice(at, at + extra + 1).join(', ').replace(/\s+,/g, ','), ...cells.slice(at + extra + 1)];
    }
    if (cells.length < header.length) {
      errors.push({ file, line, message: `${cells.length} colonnes au lieu de ${header.length}.` });
      return;
    }
    records.push({ line, cells: new Map(header.map((name, column) => [name, cells[column] ?? ''])) });
  });
  return { records, errors };
}

const byLine = (errors: ImportError[]) => errors.sort((a, b) => a.line - b.line);
const cell = (record: CsvRecord, name: string) => record.cells.get(name)?.trim() ?? '';

function yearOf(text: string): number | string {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? year : `Année invalide : « ${text} ».`;
}

/** One pair of counts: both blank is "non renseigné" (no figure), one blank is an error. */
function countOf(womenText: string, totalText: string): { women: number; total: number } | null | string {
  if (womenText === '' && totalText === '') return null;
  if (womenText === '' || totalText === '') return 'Il manque le nombre de femmes ou l’effectif total.';
  if (!/^\d+$/.test(womenText) || !/^\d+$/.test(totalText)) return `Effectifs invalides : « ${womenText} » et « ${totalText} ».`;
  const checked = checkCount(Number(womenText), Number(totalText));
  return checked.ok ? checked.count : checked.message;
}

const FILE_TYPES: { [label: string]: OrganizationType } = {
  Structure: 'exhibition_venue',
  Festival: 'festival',
  École: 'school',
  Prix: 'prize',
  'Journal/Magazine': 'press',
};

/** Column pairs of the wide file, as metrics (figures are rows once imported). */
const WIDE_COLUMNS: readonly [ParityMetric, string, string][] = [
  ['directors', 'nb_femmes_directrices', 'nb_total_directeurs'],
  ['exhibited_artists', 'nb_femmes_exposees', 'nb_total_exposes'],
  ['laureates', 'nb_femmes_laureates', 'nb_total_laureates'],
  ['candidates', 'nb_femmes_candidates', 'nb_total_candidats'],
  ['published_photographers', 'nb_femmes_publiees', 'nb_total_publies'],
  ['picture_editors', 'nb_femmes_iconographes', 'nb_total_iconographes'],
  ['teachers', 'nb_femmes_enseignantes', 'nb_total_enseignants'],
  ['students', 'nb_femmes_etudiantes', 'nb_total_etudiants'],
];

export const organizationKey = (id: string) => `org:${id}`;
export const prizeKey = (name: string, organizationId?: string) => (organizationId ? `prize:${organizationId}:${name}` : `prize:${name}`);

export interface ParsedFile {
  organizations: ImportedOrganization[];
  figures: ImportedFigure[];
  errors: ImportError[];
  /** Data rows read (valid or not). */
  rows: number;
}

/** `organizations-figures-*.csv`: one row per organisation and year, a column pair per metric. */
export function parseOrganizationFigures(file: string, text: string): ParsedFile {
  const { records, errors } = readCsv(file, text);
  const organizations: ImportedOrganization[] = [];
  const figures: ImportedFigure[] = [];
  for (const record of records) {
    const id = cell(record, 'id');
    const type = FILE_TYPES[cell(record, 'Organization type')];
    const year = yearOf(cell(record, 'annee'));
    const problems: string[] = [];
    if (!/^\d+$/.test(id)) problems.push(`Identifiant invalide : « ${id} ».`);
    if (!type) problems.push(`Type d’organisation inconnu : « ${cell(record, 'Organization type')} ».`);
    if (!cell(record, 'Name')) problems.push('Nom manquant.');
    if (typeof year === 'string') problems.push(year);
    const rowFigures: ImportedFigure[] = [];
    for (const [metric, womenColumn, totalColumn] of WIDE_COLUMNS) {
      const count = countOf(cell(record, womenColumn), cell(record, totalColumn));
      if (typeof count === 'string') problems.push(`${metric} : ${count}`);
      else if (count && typeof year === 'number') rowFigures.push({ referenceKey: organizationKey(id), year, metric, ...count });
    }
    if (problems.length > 0) {
      errors.push({ file, line: record.line, message: problems.join(' ') });
      continue;
    }
    // A row of type Prix is a prize: its title is the better name.
    const name = type === 'prize' && cell(record, 'titre') ? cell(record, 'titre') : cell(record, 'Name');
    if (!organizations.some((organization) => organization.referenceKey === organizationKey(id))) {
      organizations.push({ referenceKey: organizationKey(id), name, type: type!, city: cell(record, 'City') || null, parentKey: null });
    }
    figures.push(...rowFigures);
  }
  return { organizations, figures, errors: byLine(errors), rows: records.length };
}

/** `prizes-independent.csv`: prizes that belong to no organisation of the index. */
export function parseIndependentPrizes(file: string, text: string): ParsedFile {
  const { records, errors } = readCsv(file, text);
  const organizations: ImportedOrganization[] = [];
  for (const record of records) {
    const name = cell(record, 'name');
    if (!name) {
      errors.push({ file, line: record.line, message: 'Nom du prix manquant.' });
      continue;
    }
    organizations.push({ referenceKey: prizeKey(name), name, type: 'prize', city: null, parentKey: null });
  }
  return { organizations, figures: [], errors: byLine(errors), rows: records.length };
}

/** `prizes-of-organizations.csv`: prizes run by an organisation of the first file (by its id). */
export function parseOrganizationPrizes(file: string, text: string): ParsedFile {
  const { records, errors } = readCsv(file, text, { mergeExtraInto: 'name' });
  const organizations: ImportedOrganization[] = [];
  for (const record of records) {
    const id = cell(record, 'organization_id');
    const title = cell(record, 'titre');
    if (!/^\d+$/.test(id) || !title) {
      errors.push({ file, line: record.line, message: 'Identifiant d’organisation ou titre du prix manquant.' });
      continue;
    }
    // The organiser, in case the first file does not list it (the Hyères festival).
    organizations.push({ referenceKey: organizationKey(id), name: cell(record, 'name'), type: 'festival', city: null, parentKey: null });
    organizations.push({ referenceKey: prizeKey(title, id), name: title, type: 'prize', city: null, parentKey: organizationKey(id) });
  }
  return { organizations, figures: [], errors: byLine(errors), rows: records.length };
}

/**
 * Yearly laureate counts, for either prize file (`titre` present: prizes of organisations).
 * A prize with several grants in a year has one row per grant: they add up.
 */
export function parsePrizeLaureates(file: string, text: string): ParsedFile {
  const { records, errors } = readCsv(file, text, { mergeExtraInto: 'name' });
  const figures = new Map<string, ImportedFigure>();
  for (const record of records) {
    const organizationId = cell(record, 'organization_ID');
    const title = record.cells.has('titre') ? cell(record, 'titre') : cell(record, 'name');
    const year = yearOf(cell(record, 'annee'));
    const count = countOf(cell(record, 'nb_femmes_laureates'), cell(record, 'nb_total_laureates'));
    const problems = [
      !title ? 'Nom du prix manquant.' : null,
      typeof year === 'string' ? year : null,
      typeof count === 'string' ? count : null,
      count === null ? 'Effectifs manquants.' : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0 || typeof year !== 'number' || !count || typeof count === 'string') {
      errors.push({ file, line: record.line, message: problems.join(' ') });
      continue;
    }
    const referenceKey = record.cells.has('titre') ? prizeKey(title, organizationId) : prizeKey(title);
    const same = figures.get(`${referenceKey}|${year}`);
    if (same) {
      same.women += count.women;
      same.total += count.total;
    } else {
      figures.set(`${referenceKey}|${year}`, { referenceKey, year, metric: 'laureates', ...count });
    }
  }
  return { organizations: [], figures: [...figures.values()], errors: byLine(errors), rows: records.length };
}

export interface OrganizationDetails {
  type: OrganizationType | null;
  city: string | null;
  region: string | null;
  network: string | null;
  website: string | null;
}

/** `organization-details.csv` (ours): region, corrected city, network, website, type. */
export function parseOrganizationDetails(file: string, text: string): { details: Map<string, OrganizationDetails>; errors: ImportError[] } {
  const { records, errors } = readCsv(file, text);
  const details = new Map<string, OrganizationDetails>();
  for (const record of records) {
    const type = cell(record, 'type');
    const region = cell(record, 'region');
    const network = cell(record, 'network');
    const website = cell(record, 'website');
    const problems = [
      type && !ORGANIZATION_TYPES.includes(type as OrganizationType) ? `Type inconnu : « ${type} ».` : null,
      region && !(REGIONS as readonly string[]).includes(region) ? `Région inconnue : « ${region} ».` : null,
      network && !(PARITY_NETWORKS as readonly string[]).includes(network) ? `Réseau inconnu : « ${network} ».` : null,
      website && !safeExternalUrl(website) ? `Adresse de site invalide : « ${website} ».` : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0) {
      errors.push({ file, line: record.line, message: problems.join(' ') });
      continue;
    }
    details.set(cell(record, 'reference'), {
      type: (type as OrganizationType) || null, city: cell(record, 'city') || null, region: region || null, network: network || null, website: website || null,
    });
  }
  return { details, errors: byLine(errors) };
}
