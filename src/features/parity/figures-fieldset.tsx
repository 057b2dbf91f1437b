import type { ParityMetric } from '../../db/schema/index.ts';
import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { SelectField, TextField } from '../../ui/components/form.tsx';
import { totalField, womenField } from './declaration.schema.ts';
import { METRIC_LABELS } from './parity.vocabulary.ts';

/** Year, then one fieldset per metric (women, total), then the source: the declaration and correction forms share it. */
export function FiguresFieldset({ metrics, years, values, errors }: { metrics: readonly ParityMetric[]; years: readonly number[]; values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <>
      <SelectField name="annee" label="Année des chiffres" error={errors?.annee} value={valueOf(values, 'annee')} placeholder="Choisir une année"
        options={years.map((year) => ({ value: String(year), label: String(year) }))} />
      <p class="fr-text--sm">Pour chaque indicateur, indiquez le nombre de femmes et l’effectif total. Laissez les deux cases vides si vous ne connaissez pas le chiffre : il restera « non renseigné ». Zéro est un vrai chiffre.</p>
      {metrics.map((metric) => {
        const error = errors?.[womenField(metric)] ?? errors?.[totalField(metric)];
        return (
          <fieldset class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`} key={metric} aria-labelledby={`legende-${metric}`}>
            <legend class="fr-fieldset__legend" id={`legende-${metric}`}>{METRIC_LABELS[metric]}</legend>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <TextField name={womenField(metric)} label="Femmes" value={valueOf(values, womenField(metric))} inputMode="numeric" maxLength={9} error={errors?.[womenField(metric)]} />
            </div>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <TextField name={totalField(metric)} label="Effectif total" value={valueOf(values, totalField(metric))} inputMode="numeric" maxLength={9} error={errors?.[totalField(metric)]} />
            </div>
          </fieldset>
        );
      })}
      <TextField name="source" label="Source des chiffres" hint="Par exemple : rapport d’activité 2026, programme du festival, procès-verbal du jury." value={valueOf(values, 'source')} error={errors?.source} maxLength={300} />
    </>
  );
}
