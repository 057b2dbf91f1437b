import { type IsoDate, yearOf } from '../../platform/dates.ts';
import { EMPTY_SEARCH, FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES, type OpportunitySearch } from './search.schema.ts';

/** The parts of a person's profile the catalogue can use. */
export interface SearchProfile {
  disciplines: readonly string[];
  careerStage: string | null;
  birthYear: number | null;
}

/**
 * The catalogue search a profile suggests: its practices, its career stage and, from the year of
 * birth, an age that hides opportunities whose limits exclude her. Null when the profile says
 * nothing the catalogue can use.
 */
export function profileSearch(user: SearchProfile, today: IsoDate): OpportunitySearch | null {
  const disciplines = FILTERABLE_DISCIPLINES.filter((discipline) => user.disciplines.includes(discipline));
  const careerStages = FILTERABLE_CAREER_STAGES.filter((stage) => stage === user.careerStage);
  // Born in 1994, she is 32 or 33 in 2027: the lower age never wrongly hides an opportunity.
  const age = user.birthYear ? yearOf(today) - user.birthYear - 1 : null;
  if (disciplines.length === 0 && careerStages.length === 0 && age === null) return null;
  return { ...EMPTY_SEARCH, disciplines, careerStages, age: age !== null && age >= 10 ? age : null };
}
