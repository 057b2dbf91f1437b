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

const text = (max: number, tooLong: string) => z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''), z.string().max(max, tooLong));

export function yearsOffered(today: Date): number[] {
  const current = today.getUTCFullYear();
  return Array.from({ length: 11 }, (_, index) => current - index);
}

function figuresShape(metrics: readonly ParityMetric[], years: readonly number[]) {
  const shape: Record<string, z.ZodType> = {
    annee: z.preprocess((value) => Number(value), z.number().refine((year) => years.includes(year), 'Choisissez une année de la liste.')),
    source: text(300, '300 caractères au plus.'),
  };
  for (const metric of metrics) {
    shape[womenField(metric)] = text(9, 'Nombre trop long.');
    shape[totalField(metric)] = text(9, 'Nombre trop long.');
  }
  return shape;
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
    if (!/^\d+$/.test(women) || !/^\d+$/.test(total)) {
      context.addIssue({ code: 'custom', path: [/^\d+$/.test(women) ? totalField(metric) : womenField(metric)], message: `${label} : indiquez des nombres entiers, sans espace ni virgule.` });
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
  return z.object({
    ...figuresShape(metrics, years),
    fonction: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().min(2, 'Indiquez votre fonction dans l’organisation.').max(120, '120 caractères au plus.')),
    actions: text(4000, '4 000 caractères au plus.'),
    commentaire: text(1000, '1 000 caractères au plus.'),
  }).transform((raw, context) => {
    const form = raw as Record<string, unknown>;
    const figures = readFigures(form, metrics, context);
    if (figures.length === 0 && !form.actions) {
      context.addIssue({ code: 'custom', path: [womenField(metrics[0]!)], message: 'Indiquez au moins un chiffre, ou le texte sur vos actions pour l’égalité.' });
    }
    if (figures.length > 0 && !form.source) context.addIssue({ code: 'custom', path: ['source'], message: 'Indiquez la source de ces chiffres.' });
    return { year: form.annee as number, source: form.source as string, figures, representativeRole: form.fonction as string, equalityText: (form.actions as string) || null, comment: (form.commentaire as string) || null };
  });
}

/** The team's direct correction: figures and their source. */
export function correctionSchema(metrics: readonly ParityMetric[], years: readonly number[]) {
  return z.object(figuresShape(metrics, years)).transform((raw, context) => {
    const form = raw as Record<string, unknown>;
    const figures = readFigures(form, metrics, context);
    if (figures.length === 0) context.addIssue({ code: 'custom', path: [womenField(metrics[0]!)], message: 'Indiquez au moins un chiffre.' });
    if (!form.source) context.addIssue({ code: 'custom', path: ['source'], message: 'Indiquez la source de ces chiffres.' });
    return { year: form.annee as number, source: form.source as string, figures };
  });
}
