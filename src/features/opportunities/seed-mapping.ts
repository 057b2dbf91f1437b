import { z } from 'zod';
import type { NewOpportunityRow } from '../../db/schema/index.ts';
import { CAREER_STAGES, DISCIPLINES, REGIONS, type GeographicScope, type OpportunityKind } from './opportunity.vocabulary.ts';

/** Shape of data/seed/opportunities.json (facts gathered from public sources). */
const seedItemSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  organizer: z.string().min(1),
  kind: z.enum(['prize', 'grant', 'residency', 'festival_call', 'commission', 'acquisition', 'mentoring', 'call_for_projects']),
  disciplines: z.array(z.enum(DISCIPLINES)),
  amount_eur: z.number().int().nonnegative().nullable(),
  amount_note: z.string().nullable(),
  eligibility: z.object({
    residence: z.string(),
    age_min: z.number().int().nullable(),
    age_max: z.number().int().nullable(),
    career_stage: z.enum(CAREER_STAGES),
    women_only: z.boolean(),
    other: z.string().nullable(),
  }),
  recurrence: z.enum(['annual', 'biennial', 'one_off']),
  typical_open_month: z.number().int().min(1).max(12).nullable(),
  typical_deadline_month: z.number().int().min(1).max(12).nullable(),
  url: z.url().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  summary_fr: z.string().min(1),
  jury_women_share: z.number().min(0).max(1).nullable(),
  laureates_women_share: z.number().min(0).max(1).nullable(),
  sources: z.array(z.url()),
  confidence: z.literal('low').optional(),
});
export type SeedItem = z.infer<typeof seedItemSchema>;

export const seedFileSchema = z.array(seedItemSchema);

const KIND_BY_SEED_KIND: Record<SeedItem['kind'], OpportunityKind> = {
  prize: 'prize', grant: 'grant', residency: 'residency', festival_call: 'festival_call', commission: 'commission',
  acquisition: 'acquisition', mentoring: 'mentoring', call_for_projects: 'call_for_applications',
};

/**
 * The seed has no fee field, only sentences: read the fee from them when they state it.
 * Returns the amount in euros (0 = free), or null with a note when a fee exists but its amount is unknown.
 */
export function readEntryFee(texts: (string | null)[]): { amount: number | null; note: string | null } {
  const text = texts.filter(Boolean).join(' ; ');
  if (/(pas de|sans|aucun)s? frais|gratuit/i.test(text)) return { amount: 0, note: null };
  const stated = /frais d['’](?:inscription|entrée)(?: de)? (\d+)\s?€/i.exec(text);
  if (stated) return { amount: Number(stated[1]), note: null };
  if (/frais (?:d['’]inscription|de candidature|de dossier|de participation)/i.test(text)) {
    return { amount: null, note: 'Frais de candidature (montant non précisé)' };
  }
  return { amount: null, note: null };
}

function readScope(residence: string): { scope: GeographicScope; region: string | null } {
  if (residence === 'world' || residence === 'france' || residence === 'europe') return { scope: residence, region: null };
  const region = REGIONS.find((name) => name === residence);
  if (region) return { scope: 'region', region };
  throw new Error(`Périmètre inconnu dans les données d’amorçage : ${residence}`);
}

export function seedItemToRow(item: SeedItem): NewOpportunityRow {
  const { scope, region: eligibilityRegion } = readScope(item.eligibility.residence);
  const fee = readEntryFee([item.eligibility.other, item.amount_note]);
  const hasParity = item.jury_women_share !== null || item.laureates_women_share !== null;
  return {
    slug: item.slug,
    title: item.title,
    organizer: item.organizer,
    kind: KIND_BY_SEED_KIND[item.kind],
    disciplines: [...new Set(item.disciplines)],
    summary: item.summary_fr,
    description: '',
    amountEur: item.amount_eur,
    amountNote: item.amount_note,
    entryFeeEur: fee.amount,
    entryFeeNote: fee.note,
    geographicScope: scope,
    eligibilityRegion,
    ageMin: item.eligibility.age_min,
    ageMax: item.eligibility.age_max,
    careerStages: [item.eligibility.career_stage],
    reservedToWomen: item.eligibility.women_only,
    otherConditions: item.eligibility.other,
    isPermanent: false,
    recurrence: item.recurrence,
    typicalOpenMonth: item.typical_open_month,
    typicalDeadlineMonth: item.typical_deadline_month,
    officialUrl: item.url,
    applicationUrl: null,
    contact: null,
    city: item.city,
    region: REGIONS.find((name) => name === item.region) ?? null,
    juryWomenShare: item.jury_women_share,
    laureatesWomenShare: item.laureates_women_share,
    // The shares were counted by the seed's authors from published lists of names.
    paritySource: hasParity ? (item.sources[0] ?? null) : null,
    parityYear: null,
    sourceLinks: item.sources,
    status: 'published',
    source: 'seed',
    sourceRef: item.slug,
    isLowConfidence: item.confidence === 'low',
  };
}
