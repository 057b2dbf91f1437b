import { toCsv } from '../../platform/csv.ts';
import { assessParity } from './parity-rule.ts';
import type { OpenDataRow } from './parity.queries.ts';
import { METRIC_LABELS, OPEN_DATA_LICENCE, ORGANIZATION_TYPE_LABELS } from './parity.vocabulary.ts';

/**
 * The open data of the index: one row per organisation, year and metric, published figures
 * only. Column names are stable (reusers' scripts depend on them): add, never rename.
 */
export const OPEN_DATA_COLUMNS: readonly { name: string; description: string }[] = [
  { name: 'organisation_id', description: 'Identifiant stable de l’organisation (celui de son adresse sur le site)' },
  { name: 'organisation', description: 'Nom de l’organisation ou du prix' },
  { name: 'type', description: 'Type d’organisation' },
  { name: 'ville', description: 'Ville (vide si inconnue)' },
  { name: 'region', description: 'Région (vide si inconnue)' },
  { name: 'decerne_par', description: 'Pour un prix : identifiant de l’organisation qui le décerne' },
  { name: 'annee', description: 'Année des chiffres' },
  { name: 'indicateur', description: 'Code de l’indicateur (laureates, exhibited_artists…)' },
  { name: 'indicateur_libelle', description: 'Libellé de l’indicateur' },
  { name: 'femmes', description: 'Nombre de femmes' },
  { name: 'total', description: 'Effectif total' },
  { name: 'part_femmes', description: 'Part de femmes en pourcentage arrondi ; vide si non calculable' },
  { name: 'niveau', description: 'Niveau de parité (parité atteinte, en progrès, déséquilibre, non calculable)' },
  { name: 'source', description: 'Source du chiffre' },
  { name: 'declare_par_organisation', description: '« oui » si l’organisation a déclaré ce chiffre elle-même' },
  { name: 'publie_le', description: 'Date de publication (AAAA-MM-JJ)' },
  { name: 'licence', description: OPEN_DATA_LICENCE },
];

function recordOf(row: OpenDataRow) {
  const assessment = assessParity(row);
  return {
    organisation_id: row.organizationSlug,
    organisation: row.organization,
    type: ORGANIZATION_TYPE_LABELS[row.type],
    ville: row.city,
    region: row.region,
    decerne_par: row.parentSlug,
    annee: row.year,
    indicateur: row.metric,
    indicateur_libelle: METRIC_LABELS[row.metric],
    femmes: row.women,
    total: row.total,
    part_femmes: assessment.share,
    niveau: assessment.label,
    source: row.source,
    declare_par_organisation: row.declaredByOrganization ? 'oui' : 'non',
    publie_le: row.publishedAt ? row.publishedAt.toISOString().slice(0, 10) : null,
    licence: OPEN_DATA_LICENCE,
  };
}

export function openDataCsv(rows: readonly OpenDataRow[]): string {
  const names = OPEN_DATA_COLUMNS.map((column) => column.name);
  // Spreadsheet-safe: names come partly from organisations' own declarations.
  return toCsv(names, rows.map((row) => {
    const record = recordOf(row) as Record<string, unknown>;
    return names.map((name) => record[name]);
  }), { spreadsheetSafe: true });
}

export function openDataJson(rows: readonly OpenDataRow[], generatedAt: Date) {
  return {
    titre: 'Index de la parité — Elles font la culture',
    licence: OPEN_DATA_LICENCE,
    genere_le: generatedAt.toISOString(),
    colonnes: OPEN_DATA_COLUMNS,
    chiffres: rows.map(recordOf),
  };
}
