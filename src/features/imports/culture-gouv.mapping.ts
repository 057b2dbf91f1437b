import { z } from 'zod';
import { type IsoDate, monthOf, parseFrenchDate } from '../../platform/dates.ts';
import { htmlToMarkdown, htmlToText } from '../../platform/html-to-markdown.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import type { GeographicScope, OpportunityKind } from '../opportunities/opportunity.vocabulary.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import type { WindowInput } from '../opportunities/opportunity-form.schema.ts';

/**
 * One procedure of the Ministry of Culture's open data (/api/online-procedures) turned into an
 * opportunity of the catalogue, or set aside with the reason. Pure: tested on recorded pages.
 */
export const procedureSchema = z.object({
  id: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().nullish(),
  body: z.string().nullish(),
  url: z.string().nullish(),
  type: z.array(z.string()).nullish(),
  public: z.string().nullish(),
  eztag_theme: z.array(z.string()).nullish(),
  eztag_region: z.array(z.string()).nullish(),
  contact: z.string().nullish(),
  amount: z.string().nullish(),
  deadline: z.string().nullish(),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const pageSchema = z.object({ count: z.number().int().nonnegative(), results: z.array(z.unknown()) });

export interface ImportedFields {
  title: string;
  organizer: string;
  kind: OpportunityKind;
  disciplines: ['any'];
  summary: string;
  description: string;
  amountEur: number | null;
  amountNote: string | null;
  geographicScope: GeographicScope;
  eligibilityRegion: string | null;
  region: string | null;
  otherConditions: string | null;
  isPermanent: boolean;
  recurrence: 'annual';
  typicalDeadlineMonth: number | null;
  officialUrl: string | null;
  contact: string | null;
  sourceLinks: string[];
  windows: WindowInput[];
}

export type Mapped = { kept: true; sourceRef: string; fields: ImportedFields } | { kept: false; sourceRef: string; reason: string };

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const RELEVANT_THEMES = ['photographie', 'arts plastiques', 'arts visuels'];
const NOT_AN_AID = ['demande d autorisation', 'demande de labellisation'];

const REGION_BY_KEY = new Map<string, string>([
  ...REGIONS.map((region) => [fold(region), region] as const),
  ['paca', "Provence-Alpes-Côte d'Azur"], ['reunion', 'La Réunion'], ['centre', 'Centre-Val de Loire'], ['ile de france', 'Île-de-France'],
]);

/** The Ministry's region labels as the platform names them; "France entière" and "Outre-mer" are scopes. */
export function mapRegion(labels: readonly string[]): { scope: GeographicScope; region: string | null } {
  for (const label of labels) {
    const key = fold(label);
    if (key.includes('france entiere') || key === 'national') return { scope: 'france', region: null };
    if (key.includes('outre mer')) return { scope: 'overseas', region: null };
    const region = REGION_BY_KEY.get(key);
    if (region) return { scope: 'region', region };
  }
  return { scope: 'france', region: null };
}

export function mapKind(title: string, types: readonly string[]): OpportunityKind {
  const words = fold(title);
  if (/\bresidence/.test(words)) return 'residency';
  if (/\bprix\b/.test(words)) return 'prize';
  if (/\bbourse/.test(words)) return 'grant';
  if (/\bcommande/.test(words)) return 'commission';
  if (/\bappel/.test(words)) return 'call_for_applications';
  if (/\bacquisition/.test(words)) return 'acquisition';
  return types.some((type) => fold(type).includes('subvention')) ? 'grant' : 'creation_aid';
}

/** "Jusqu'à 8 000 €" -> 8000; "5 000 € à 15 000 €" -> 15000; a monthly or percentage amount stays a note. */
export function readAmount(text: string | null | undefined): number | null {
  if (!text || /par mois|mensuel|%/i.test(text)) return null;
  const amounts = [...text.matchAll(/(\d[\d\s\u202f\u00a0]*)\s*€/g)].map((match) => Number(match[1]!.replace(/[\s\u202f\u00a0]/g, ''))).filter(Number.isFinite);
  return amounts.length ? Math.max(...amounts) : null;
}

function organizerOf(title: string): string {
  const inParentheses = /\(([^)]*(?:DRAC|Drac|DAC|Cnap|CNAP|ministère)[^)]*)\)\s*$/.exec(title);
  return inParentheses ? inParentheses[1]!.trim() : 'Ministère de la Culture';
}

export function mapProcedure(raw: unknown): Mapped {
  const parsed = procedureSchema.safeParse(raw);
  const sourceRef = String((raw as { id?: unknown } | null)?.id ?? 'inconnu');
  if (!parsed.success) return { kept: false, sourceRef, reason: 'champs manquants ou invalides' };
  const item = parsed.data;
  const themes = (item.eztag_theme ?? []).map(fold);
  if (!themes.some((theme) => RELEVANT_THEMES.includes(theme))) return { kept: false, sourceRef, reason: 'hors photographie et arts visuels' };
  const types = item.type ?? [];
  if (types.some((type) => NOT_AN_AID.some((excluded) => fold(type).includes(excluded)))) return { kept: false, sourceRef, reason: 'démarche qui n’est pas une aide (autorisation, labellisation)' };

  const deadlineText = (item.deadline ?? '').trim();
  const closesOn: IsoDate | null = deadlineText ? parseFrenchDate(deadlineText) : null;
  const rolling = /fil de l.eau|toute l.annee|permanent/i.test(fold(deadlineText));
  const { scope, region } = mapRegion(item.eztag_region ?? []);
  const summary = htmlToText(item.summary) || htmlToText(item.body).slice(0, 300) || item.title;
  const conditions = [
    item.public ? `Public : ${item.public.trim()}.` : null,
    deadlineText && !closesOn ? `Calendrier : ${deadlineText}.` : null,
  ].filter(Boolean).join(' ');
  return {
    kept: true,
    sourceRef: String(item.id),
    fields: {
      title: item.title.trim().slice(0, 200),
      organizer: organizerOf(item.title),
      kind: mapKind(item.title, types),
      disciplines: ['any'],
      summary: summary.slice(0, 600),
      description: htmlToMarkdown(item.body),
      amountEur: readAmount(item.amount),
      amountNote: item.amount?.trim() || null,
      geographicScope: scope,
      eligibilityRegion: scope === 'region' ? region : null,
      region,
      otherConditions: conditions || null,
      isPermanent: rolling && !closesOn,
      recurrence: 'annual',
      typicalDeadlineMonth: closesOn ? monthOf(closesOn) : null,
      officialUrl: safeExternalUrl(item.url),
      contact: htmlToText(item.contact) || null,
      sourceLinks: [safeExternalUrl(item.url)].filter((link): link is string => link !== null),
      windows: closesOn ? [{ opensOn: null, closesOn, isEstimated: false }] : [],
    },
  };
}
