import { z } from 'zod';
import type { ParityMetric } from '../../db/schema/index.ts';
import { checkCount } from './parity-rule.ts';
import { METRIC_LABELS } from './parity.vocabulary.ts';

/**
 * The figures form (declarations by organisations, corrections by the team): a year, then for
 * each metric the number of women and the total. Both blank is "non renseigné"; one blank,
 * a non-number or more women than the total is refused on that field.
 */

export const womenField = (metric: ParityMetric) => `femmes_${metric}`;
export const totalField = (metric: ParityMetric) => `total_${metric}`;

export interface DeclaredFigure {
  metric: ParityMetric;
  women: number;
  total: number;
}

// Every field parses as text (never failing alone), so that all the form's problems are found
// in one pass by the checks below and shown together.
const text = () => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''), z.string());

export function yearsOffered(today: Date): number[] {
  const current = today.getUTCFullYear();
  return Array.from({ length: 11 }, (_, index) => current - index);
}

function figuresShape(metrics: readonly ParityMetric[]) {
  const shape: Record<string, z.ZodType> = { annee: text(), source: text() };
  for (const metric of metrics) {
    shape[womenField(metric)] = text();
    shape[totalField(metric)] = text();
  }
  return shape;
}

function checkLength(form: Record<string, unknown>, field: string, max: number, context: z.RefinementCtx) {
  if (String(form[field] ?? '').length > max) context.addIssue({ code: 'custom', path: [field], message: `${max.toLocaleString('fr-FR')} caractères au plus.` });
}

function readYear(form: Record<string, unknown>, years: readonly number[], context: z.RefinementCtx): number {
  const year = Number(form.annee);
  if (!years.includes(year)) context.addIssue({ code: 'custom', path: ['annee'], message: 'Choisissez une année de la liste.' });
  return year;
}

function readFigures(form: Record<string, unknown>, metrics: readonly ParityMetric[], context: z.RefinementCtx): DeclaredFigure[] {
  const figures: DeclaredFigure[] = [];
  for (const metric of metrics) {
    const women = String(form[womenField(metric)] ?? '');
    const total = String(form[totalField(metric)] ?? '');
    if (women === '' && total === '') continue;
    const label = METRIC_LABELS[metric];
    if (women === '' || total === '') {
      context.addIssue({ code: 'custom', path: [women === '' ? womenField(metric) : totalField(metric)], message: `${label} : indiquez le nombre de femmes et l’effectif total, ou laissez les deux vides.` });
      continue;
    }
    if (!/^\d{1,9}$/.test(women) || !/^\d{1,9}$/.test(total)) {
      context.addIssue({ code: 'custom', path: [/^\d{1,9}$/.test(women) ? totalField(metric) : womenField(metric)], message: `${label} : indiquez des nombres entiers, sans espace ni virgule.` });
      continue;
    }
    const checked = checkCount(Number(women), Number(total));
    if (!checked.ok) {
      context.addIssue({ code: 'custom', path: [womenField(metric)], message: `${label} : ${checked.message}` });
      continue;
    }
    figures.push({ metric, ...checked.count });
  }
  return figures;
}

/** A representative's declaration: figures, her role, the equality-actions text. */
export function declarationSchema(metrics: readonly ParityMetric[], years: readonly number[]) {
  return z.object({ ...figuresShape(metrics), fonction: text(), actions: text(), commentaire: text() }).transform((raw, context) => {
    const form = raw as Record<string, unknown>;
    const year = readYear(form, years, context);
    const figures = readFigures(form, metrics, context);
    if (String(form.fonction).length < 2) context.addIssue({ code: 'custom', path: ['fonction'], message: 'Indiquez votre fonction dans l’organisation.' });
    checkLength(form, 'fonction', 120, context);
    checkLength(form, 'source', 300, context);
    checkLength(form, 'actions', 4000, context);
    checkLength(form, 'commentaire', 1000, context);
    if (figures.length === 0 && !form.actions) {
      context.addIssue({ code: 'custom', path: [womenField(metrics[0]!)], message: 'Indiquez au moins un chiffre, ou le texte sur vos actions pour l’égalité.' });
    }
    if (figures.length > 0 && !form.source) context.addIssue({ code: 'custom', path: ['source'], message: 'Indiquez la source de ces chiffres.' });
    return { year, source: form.source as string, figures, representativeRole: form.fonction as string, equalityText: (form.actions as string) || null, comment: (form.commentaire as string) || null };
  });
}

/** The team's direct correction: figures and their source. */
export function correctionSchema(metrics: readonly ParityMetric[], years: readonly number[]) {
  return z.object(figuresShape(metrics)).transform((raw, context) => {
    const form = raw as Record<string, unknown>;
    const year = readYear(form, years, context);
    const figures = readFigures(form, metrics, context);
    checkLength(form, 'source', 300, context);
    if (figures.length === 0) context.addIssue({ code: 'custom', path: [womenField(metrics[0]!)], message: 'Indiquez au moins un chiffre.' });
    if (!form.source) context.addIssue({ code: 'custom', path: ['source'], message: 'Indiquez la source de ces chiffres.' });
    return { year, source: form.source as string, figures };
  });
}
