// The catalogue's closed lists: code names (English, stable, stored) and their French labels
// (shown). docs/glossary.md maps the French terms to these identifiers.

export const OPPORTUNITY_KINDS = [
  'prize', 'grant', 'residency', 'call_for_applications', 'creation_aid', 'mentoring', 'festival_call',
  'commission', 'acquisition',
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const KIND_LABELS: Record<OpportunityKind, string> = {
  prize: 'Prix',
  grant: 'Bourse',
  residency: 'Résidence',
  call_for_applications: 'Appel à candidatures ou à projets',
  creation_aid: 'Aide à la création',
  mentoring: 'Mentorat',
  festival_call: 'Appel de festival',
  commission: 'Commande',
  acquisition: 'Acquisition',
};

// "any" means open to every practice; it is not offered as a filter value.
export const DISCIPLINES = [
  'any', 'documentary', 'photojournalism', 'fine_art', 'experimental', 'portrait', 'landscape', 'architecture',
  'fashion', 'book',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  any: 'Toutes pratiques',
  documentary: 'Documentaire',
  photojournalism: 'Photojournalisme',
  fine_art: 'Photographie plasticienne',
  experimental: 'Expérimentale',
  portrait: 'Portrait',
  landscape: 'Paysage',
  architecture: 'Architecture',
  fashion: 'Mode',
  book: 'Livre photo',
};

export const GEOGRAPHIC_SCOPES = ['france', 'region', 'overseas', 'europe', 'world'] as const;
export type GeographicScope = (typeof GEOGRAPHIC_SCOPES)[number];

export const SCOPE_LABELS: Record<GeographicScope, string> = {
  france: 'France',
  region: 'Une région',
  overseas: 'Outre-mer',
  europe: 'Europe',
  world: 'Monde entier',
};

export const CAREER_STAGES = ['any', 'student', 'emerging', 'mid_career', 'established'] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

export const CAREER_STAGE_LABELS: Record<CareerStage, string> = {
  any: 'Tous les parcours',
  student: 'Étudiante',
  emerging: 'Début de carrière',
  mid_career: 'En milieu de carrière',
  established: 'Confirmée',
};

export const RECURRENCES = ['annual', 'biennial', 'one_off', 'permanent'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  annual: 'Chaque année',
  biennial: 'Tous les deux ans',
  one_off: 'Édition unique',
  permanent: 'Permanente',
};

export const OPPORTUNITY_STATUSES = ['draft', 'in_review', 'published', 'refused', 'archived'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = {
  draft: 'Brouillon',
  in_review: 'À relire',
  published: 'Publiée',
  refused: 'Refusée',
  archived: 'Archivée',
};

export const OPPORTUNITY_SOURCES = ['seed', 'manual', 'import', 'suggestion'] as const;
export type OpportunitySource = (typeof OPPORTUNITY_SOURCES)[number];

export const OPPORTUNITY_SOURCE_LABELS: Record<OpportunitySource, string> = {
  seed: 'Données initiales',
  manual: 'Saisie par l’équipe',
  import: 'Import culture.gouv.fr',
  suggestion: 'Proposée par le public',
};

// The 18 regions of France (13 in mainland, 5 overseas), as written by INSEE.
export const REGIONS = [
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est',
  'Hauts-de-France', 'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire',
  "Provence-Alpes-Côte d'Azur", 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte',
] as const;
export type Region = (typeof REGIONS)[number];

export const OVERSEAS_REGIONS: readonly Region[] = ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];
