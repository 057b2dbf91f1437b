import {
  CAREER_STAGE_LABELS, DISCIPLINE_LABELS, KIND_LABELS, SCOPE_LABELS,
} from './opportunity.vocabulary.ts';
import { type OpportunitySearch, searchUrl } from './search.schema.ts';
import { STATUS_LABELS } from './status.ts';
import { formatEuros } from './opportunity.presenters.ts';

export interface ActiveFilter {
  label: string;
  /** The same search without this filter. */
  removeHref: string;
}

/** Every criterion in force, each with the link that removes it (rendered as tags). */
export function activeFilters(search: OpportunitySearch): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  const without = (changes: Partial<OpportunitySearch>) => searchUrl(search, changes);
  if (search.text) filters.push({ label: `« ${search.text} »`, removeHref: without({ text: '', sort: search.sort === 'relevance' ? null : search.sort }) });
  for (const status of search.statuses) filters.push({ label: STATUS_LABELS[status], removeHref: without({ statuses: search.statuses.filter((value) => value !== status) }) });
  for (const kind of search.kinds) filters.push({ label: KIND_LABELS[kind], removeHref: without({ kinds: search.kinds.filter((value) => value !== kind) }) });
  for (const discipline of search.disciplines) filters.push({ label: DISCIPLINE_LABELS[discipline], removeHref: without({ disciplines: search.disciplines.filter((value) => value !== discipline) }) });
  for (const stage of search.careerStages) filters.push({ label: CAREER_STAGE_LABELS[stage], removeHref: without({ careerStages: search.careerStages.filter((value) => value !== stage) }) });
  for (const scope of search.scopes) filters.push({ label: `Périmètre : ${SCOPE_LABELS[scope]}`, removeHref: without({ scopes: search.scopes.filter((value) => value !== scope) }) });
  if (search.region) filters.push({ label: search.region, removeHref: without({ region: null }) });
  if (search.reservedToWomen) filters.push({ label: 'Réservées aux femmes et minorités de genre', removeHref: without({ reservedToWomen: false }) });
  if (search.freeToApply) filters.push({ label: 'Candidature gratuite', removeHref: without({ freeToApply: false }) });
  if (search.age !== null) filters.push({ label: `Âge : ${search.age} ans`, removeHref: without({ age: null }) });
  if (search.minAmount !== null) filters.push({ label: `Au moins ${formatEuros(search.minAmount)}`, removeHref: without({ minAmount: null }) });
  return filters;
}
