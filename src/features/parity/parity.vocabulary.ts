import type { OrganizationType, ParityMetric } from '../../db/schema/index.ts';

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  exhibition_venue: 'Espace d’exposition',
  festival: 'Festival',
  school: 'École',
  prize: 'Prix',
  press: 'Presse et magazine',
  publisher: 'Maison d’édition',
  agency: 'Agence',
  museum: 'Institution et musée',
  collection: 'Collection',
};

/** Plural labels, for the national views ("dans les festivals"). */
export const ORGANIZATION_TYPE_PLURALS: Record<OrganizationType, string> = {
  exhibition_venue: 'Espaces d’exposition',
  festival: 'Festivals',
  school: 'Écoles',
  prize: 'Prix',
  press: 'Presse et magazines',
  publisher: 'Maisons d’édition',
  agency: 'Agences',
  museum: 'Institutions et musées',
  collection: 'Collections',
};

export const ORGANIZATION_TYPE_SLUGS: Record<OrganizationType, string> = {
  exhibition_venue: 'espace-exposition',
  festival: 'festival',
  school: 'ecole',
  prize: 'prix',
  press: 'presse',
  publisher: 'edition',
  agency: 'agence',
  museum: 'musee',
  collection: 'collection',
};

export const METRIC_LABELS: Record<ParityMetric, string> = {
  directors: 'Direction',
  exhibited_artists: 'Artistes exposé·es',
  curators: 'Commissaires d’exposition',
  laureates: 'Lauréat·es',
  candidates: 'Candidat·es',
  jury_members: 'Membres du jury',
  students: 'Étudiant·es',
  teachers: 'Enseignant·es',
  published_photographers: 'Photographes publié·es',
  picture_editors: 'Iconographes',
  acquisitions: 'Artistes des acquisitions',
  residents: 'Artistes en résidence',
  invited_photographers: 'Photographes invité·es',
  employees: 'Salarié·es',
};

/** Lower-case form used inside sentences ("la part de femmes parmi les lauréat·es"). */
export const METRIC_IN_SENTENCE: Record<ParityMetric, string> = {
  directors: 'la direction',
  exhibited_artists: 'les artistes exposé·es',
  curators: 'les commissaires d’exposition',
  laureates: 'les lauréat·es',
  candidates: 'les candidat·es',
  jury_members: 'les membres du jury',
  students: 'les étudiant·es',
  teachers: 'les enseignant·es',
  published_photographers: 'les photographes publié·es',
  picture_editors: 'les iconographes',
  acquisitions: 'les artistes des acquisitions',
  residents: 'les artistes en résidence',
  invited_photographers: 'les photographes invité·es',
  employees: 'les salarié·es',
};

export const METRIC_SLUGS: Record<ParityMetric, string> = {
  directors: 'direction',
  exhibited_artists: 'artistes-exposes',
  curators: 'commissaires',
  laureates: 'laureats',
  candidates: 'candidats',
  jury_members: 'jury',
  students: 'etudiants',
  teachers: 'enseignants',
  published_photographers: 'photographes-publies',
  picture_editors: 'iconographes',
  acquisitions: 'acquisitions',
  residents: 'residents',
  invited_photographers: 'photographes-invites',
  employees: 'salaries',
};

/** Which metrics an organisation of each type counts, in the order they are shown. */
export const METRICS_BY_TYPE: Record<OrganizationType, readonly ParityMetric[]> = {
  exhibition_venue: ['directors', 'exhibited_artists', 'curators', 'residents', 'acquisitions', 'employees'],
  festival: ['directors', 'exhibited_artists', 'curators', 'invited_photographers', 'laureates', 'jury_members', 'employees'],
  school: ['directors', 'students', 'teachers', 'invited_photographers', 'employees'],
  prize: ['laureates', 'candidates', 'jury_members'],
  press: ['directors', 'published_photographers', 'picture_editors', 'employees'],
  publisher: ['directors', 'published_photographers', 'employees'],
  agency: ['directors', 'published_photographers', 'employees'],
  museum: ['directors', 'exhibited_artists', 'curators', 'acquisitions', 'employees'],
  collection: ['directors', 'acquisitions'],
};

/**
 * The figure that says most about an organisation's part in careers, used to sort and to
 * place it on the parity scale: who is shown, awarded, taught by, published.
 */
export const HEADLINE_METRIC: Record<OrganizationType, ParityMetric> = {
  exhibition_venue: 'exhibited_artists',
  festival: 'exhibited_artists',
  school: 'teachers',
  prize: 'laureates',
  press: 'published_photographers',
  publisher: 'published_photographers',
  agency: 'published_photographers',
  museum: 'exhibited_artists',
  collection: 'acquisitions',
};

/** Metrics an organisation may show: those of its type, plus any it already has figures for. */
export function metricsFor(type: OrganizationType, present: readonly ParityMetric[] = []): ParityMetric[] {
  const own = METRICS_BY_TYPE[type];
  return [...own, ...present.filter((metric) => !own.includes(metric))];
}

export const PARITY_NETWORKS = ['Diagonal', 'Arts en résidence', 'Platform', 'France PhotoBook'] as const;

export const OPEN_DATA_LICENCE = 'Licence Ouverte / Etalab 2.0';
export const OPEN_DATA_LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';
export const REFERENCE_SOURCE = 'Index de la parité du ministère de la Culture, photographie (2021-2023)';
export const TEAM_SOURCE = 'Équipe Elles font la culture';
