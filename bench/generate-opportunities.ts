import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { type NewOpportunityRow, opportunities, opportunityWindows } from '../src/db/schema/index.ts';
import {
  CAREER_STAGES, DISCIPLINES, GEOGRAPHIC_SCOPES, OPPORTUNITY_KINDS, REGIONS,
} from '../src/features/opportunities/opportunity.vocabulary.ts';
import { type IsoDate, addDays } from '../src/platform/dates.ts';

/** A small deterministic generator: the same data set on every run and every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, integer };
}

const TITLE_HEADS: Record<string, string[]> = {
  prize: ['Prix', 'Grand prix', 'Prix découverte', 'Prix de la jeune photographie'],
  grant: ['Bourse', 'Bourse de création', 'Bourse de recherche', 'Fonds de soutien'],
  residency: ['Résidence', 'Résidence de création', 'Résidence croisée', 'Résidence de territoire'],
  call_for_applications: ['Appel à candidatures', 'Appel à projets'],
  creation_aid: ['Aide à la création', 'Aide individuelle à la création'],
  mentoring: ['Programme de mentorat', 'Accompagnement professionnel'],
  festival_call: ['Appel du festival', 'Lectures de portfolios du festival'],
  commission: ['Commande photographique', 'Grande commande'],
  acquisition: ['Acquisition', 'Appel à acquisitions'],
};
const THEMES = ['photographie documentaire', 'paysage', 'portrait', 'photojournalisme', 'livre photo', 'photographie plasticienne', 'architecture', 'territoires ruraux', 'écologie', 'mémoire ouvrière', 'jeunesse', 'mode', 'sciences', 'littoral', 'patrimoine industriel'];
const PLACES = ['Arles', 'Marseille', 'Lyon', 'Lille', 'Nantes', 'Rennes', 'Bordeaux', 'Toulouse', 'Montpellier', 'Strasbourg', 'Rouen', 'Dijon', 'Clermont-Ferrand', 'Perpignan', 'Sète', 'Metz', 'Tours', 'Brest', 'Nice', 'Paris'];
const ORGANIZERS = ['Fondation', 'Centre d’art', 'Festival', 'Association', 'Galerie', 'Maison de la photographie', 'Conseil régional', 'Drac', 'Collectif', 'Musée'];
const SENTENCES = [
  'Le programme accompagne un projet photographique en cours de développement.',
  'Les lauréates bénéficient d’une exposition et d’une publication.',
  'Le jury réunit des professionnelles et professionnels de l’image.',
  'Un accompagnement critique est proposé tout au long de la résidence.',
  'Le dossier comprend un portfolio, une note d’intention et un budget.',
  'Les candidatures des photographes en début de carrière sont encouragées.',
  'La dotation couvre les frais de production et les honoraires.',
  'Une restitution publique est organisée à la fin du programme.',
];

export function buildOpportunity(index: number, random: ReturnType<typeof seededRandom>): NewOpportunityRow {
  const kind = random.pick(OPPORTUNITY_KINDS);
  const theme = random.pick(THEMES);
  const place = random.pick(PLACES);
  const scope = random.pick(GEOGRAPHIC_SCOPES);
  const disciplines = [...new Set([random.pick(DISCIPLINES), random.pick(DISCIPLINES)])];
  const title = `${random.pick(TITLE_HEADS[kind]!)} ${theme} de ${place} ${index}`;
  return {
    slug: `generee-${index}`,
    title,
    organizer: `${random.pick(ORGANIZERS)} de ${place}`,
    kind,
    disciplines,
    summary: `${random.pick(SENTENCES)} ${random.pick(SENTENCES)} Thème : ${theme}.`,
    description: Array.from({ length: 4 }, () => random.pick(SENTENCES)).join('\n\n'),
    amountEur: random.next() < 0.7 ? random.integer(5, 300) * 100 : null,
    entryFeeEur: random.next() < 0.5 ? 0 : random.next() < 0.5 ? random.integer(10, 60) : null,
    geographicScope: scope,
    eligibilityRegion: scope === 'region' ? random.pick(REGIONS) : null,
    ageMin: random.next() < 0.2 ? 18 : null,
    ageMax: random.next() < 0.25 ? random.pick([26, 30, 35, 40]) : null,
    careerStages: [random.pick(CAREER_STAGES)],
    reservedToWomen: random.next() < 0.15,
    isPermanent: random.next() < 0.03,
    recurrence: random.pick(['annual', 'annual', 'annual', 'biennial', 'one_off'] as const),
    typicalDeadlineMonth: random.integer(1, 12),
    officialUrl: `https://organisme-${index}.example.org/appel`,
    city: place,
    region: random.pick(REGIONS),
    status: random.next() < 0.95 ? 'published' : 'archived',
    source: 'manual',
    publishedAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000),
  };
}

/** Inserts `count` realistic opportunities with windows spread around `today`. */
export async function generateOpportunities(db: Database, count: number, today: IsoDate, seed = 42): Promise<void> {
  const random = seededRandom(seed);
  const batchSize = 500;
  for (let start = 0; start < count; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, count - start) }, (_, offset) => buildOpportunity(start + offset + 1, random));
    const inserted = await db.insert(opportunities).values(rows).returning({ id: opportunities.id });
    const windows = inserted.flatMap(({ id }) => {
      const closeOffset = random.integer(-200, 300);
      const closesOn = addDays(today, closeOffset);
      const window = { opportunityId: id, opensOn: addDays(closesOn, -random.integer(20, 90)), closesOn, isEstimated: random.next() < 0.3 };
      return random.next() < 0.2 ? [window, { ...window, opensOn: addDays(window.opensOn, 365), closesOn: addDays(closesOn, 365) }] : [window];
    });
    await db.insert(opportunityWindows).values(windows);
  }
  await db.execute(sql`ANALYZE`);
}
