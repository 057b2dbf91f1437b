import type { ComponentChildren } from 'preact';
import { FRENCH_MONTHS } from '../../platform/dates.ts';
import { type FieldErrors, valueOf, valuesOf } from '../../platform/forms.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../ui/components/form.tsx';
import type { OpportunityWithWindows } from './opportunities.queries.ts';
import { MAX_WINDOWS } from './opportunity-form.schema.ts';
import {
  CAREER_STAGE_LABELS, CAREER_STAGES, DISCIPLINE_LABELS, DISCIPLINES, GEOGRAPHIC_SCOPES, KIND_LABELS, OPPORTUNITY_KINDS,
  RECURRENCES, RECURRENCE_LABELS, REGIONS, SCOPE_LABELS,
} from './opportunity.vocabulary.ts';

export const FIELD_LABELS: Record<string, string> = {
  title: 'Nom de l’aide', organizer: 'Organisme', kind: 'Type d’aide', disciplines: 'Pratiques', summary: 'Résumé', description: 'Description',
  amountEur: 'Montant', amountNote: 'Précision sur le montant', entryFeeEur: 'Frais de candidature', entryFeeNote: 'Précision sur les frais',
  geographicScope: 'Ouverte aux personnes résidant', eligibilityRegion: 'Région de résidence exigée', ageMin: 'Âge minimum', ageMax: 'Âge maximum',
  careerStages: 'Étapes de parcours', reservedToWomen: 'Réservée', otherConditions: 'Autres conditions', isPermanent: 'Permanente',
  recurrence: 'Fréquence', typicalOpenMonth: 'Mois d’ouverture habituel', typicalDeadlineMonth: 'Mois de clôture habituel',
  officialUrl: 'Site de l’organisme', applicationUrl: 'Page de candidature', contact: 'Contact', city: 'Ville', region: 'Région où elle a lieu',
  juryWomenShare: 'Part de femmes du jury', laureatesWomenShare: 'Part de femmes lauréates', paritySource: 'Source des chiffres de parité',
  parityYear: 'Année des chiffres', sourceLinks: 'Sources', lastVerifiedOn: 'Vérifiée le', email: 'Adresse email',
  ...Object.fromEntries(Array.from({ length: MAX_WINDOWS }, (_, index) => [
    [`window${index + 1}Opens`, `Période ${index + 1} : ouverture`], [`window${index + 1}Closes`, `Période ${index + 1} : date limite`],
  ]).flat()),
};

const monthOptions = FRENCH_MONTHS.map((month, index) => ({ value: String(index + 1), label: month }));

function DateField({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={name}>{label}<span class="fr-hint-text">Format : jj/mm/aaaa</span></label>
      <input class={`fr-input${error ? ' fr-input--error' : ''}`} type="date" id={name} name={name} value={value} aria-describedby={`${name}-messages`} />
      <div class="fr-messages-group" id={`${name}-messages`} aria-live="polite">
        {error ? <p class="fr-message fr-message--error">{error}</p> : null}
      </div>
    </div>
  );
}

interface OpportunityFormProps {
  action: string;
  csrfToken: string;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  /** The team's form has more fields (parity, sources, verification, estimated dates). */
  mode: 'suggestion' | 'moderation';
  submitLabel: string;
  /** Fields placed before the submit buttons (email of a visitor, honeypot…). */
  children?: ComponentChildren;
  extraButtons?: ComponentChildren;
}

export function OpportunityForm({ action, csrfToken, values, errors, mode, submitLabel, children, extraButtons }: OpportunityFormProps) {
  const value = (name: string) => valueOf(values, name);
  return (
    <form method="post" action={action} noValidate>
      <CsrfField token={csrfToken} />
      {errors ? <ErrorSummary errors={errors} labels={FIELD_LABELS} /> : null}
      <h2 class="fr-h4">L’aide</h2>
      <TextField name="title" label={FIELD_LABELS.title!} value={value('title')} error={errors?.title} maxLength={200} />
      <TextField name="organizer" label={FIELD_LABELS.organizer!} hint="Qui la propose et la finance." value={value('organizer')} error={errors?.organizer} maxLength={200} />
      <SelectField name="kind" label={FIELD_LABELS.kind!} value={value('kind')} error={errors?.kind} placeholder="Choisir un type" options={OPPORTUNITY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
      <TextArea name="summary" label={FIELD_LABELS.summary!} hint="Deux ou trois phrases : ce que l’aide apporte et à qui." value={value('summary')} error={errors?.summary} rows={3} maxLength={600} />
      <TextArea name="description" label={`${FIELD_LABELS.description} (facultatif)`} hint="Texte libre, mise en forme Markdown possible (listes, gras, liens)." value={value('description')} error={errors?.description} rows={6} maxLength={10000} />
      <ChoiceGroup name="disciplines" legend={FIELD_LABELS.disciplines!} hint="Sans choix : ouverte à toutes les pratiques." type="checkbox" inline selected={valuesOf(values, 'disciplines')} error={errors?.disciplines}
        options={DISCIPLINES.map((discipline) => ({ value: discipline, label: DISCIPLINE_LABELS[discipline] }))} />

      <h2 class="fr-h4 fr-mt-4w">Dotation</h2>
      <TextField name="amountEur" label={`${FIELD_LABELS.amountEur} en euros (facultatif)`} hint="Le montant le plus élevé, en chiffres : 5000." inputMode="numeric" value={value('amountEur')} error={errors?.amountEur} maxLength={9} />
      <TextField name="amountNote" label={`${FIELD_LABELS.amountNote} (facultatif)`} hint="Par exemple : exposition, résidence logée, publication." value={value('amountNote')} error={errors?.amountNote} maxLength={300} />
      <TextField name="entryFeeEur" label={`${FIELD_LABELS.entryFeeEur} en euros (facultatif)`} hint="0 si la candidature est gratuite." inputMode="numeric" value={value('entryFeeEur')} error={errors?.entryFeeEur} maxLength={6} />
      <TextField name="entryFeeNote" label={`${FIELD_LABELS.entryFeeNote} (facultatif)`} value={value('entryFeeNote')} error={errors?.entryFeeNote} maxLength={200} />

      <h2 class="fr-h4 fr-mt-4w">Qui peut candidater</h2>
      <ChoiceGroup name="geographicScope" legend={FIELD_LABELS.geographicScope!} type="radio" selected={[value('geographicScope')]} error={errors?.geographicScope}
        options={GEOGRAPHIC_SCOPES.map((scope) => ({ value: scope, label: SCOPE_LABELS[scope] }))} />
      <SelectField name="eligibilityRegion" label={FIELD_LABELS.eligibilityRegion!} hint="Seulement si l’aide est réservée à une région ou à l’outre-mer." value={value('eligibilityRegion')} error={errors?.eligibilityRegion} options={REGIONS.map((region) => ({ value: region, label: region }))} />
      <TextField name="ageMin" label={`${FIELD_LABELS.ageMin} (facultatif)`} inputMode="numeric" value={value('ageMin')} error={errors?.ageMin} maxLength={3} />
      <TextField name="ageMax" label={`${FIELD_LABELS.ageMax} (facultatif)`} inputMode="numeric" value={value('ageMax')} error={errors?.ageMax} maxLength={3} />
      <ChoiceGroup name="careerStages" legend={FIELD_LABELS.careerStages!} hint="Sans choix : tous les parcours." type="checkbox" inline selected={valuesOf(values, 'careerStages')} error={errors?.careerStages}
        options={CAREER_STAGES.filter((stage) => stage !== 'any').map((stage) => ({ value: stage, label: CAREER_STAGE_LABELS[stage] }))} />
      <ChoiceGroup name="reservedToWomen" legend={FIELD_LABELS.reservedToWomen!} type="checkbox" selected={valuesOf(values, 'reservedToWomen')} error={errors?.reservedToWomen}
        options={[{ value: '1', label: 'Réservée aux femmes et aux minorités de genre' }]} />
      <TextArea name="otherConditions" label={`${FIELD_LABELS.otherConditions} (facultatif)`} value={value('otherConditions')} error={errors?.otherConditions} rows={3} maxLength={1000} />

      <h2 class="fr-h4 fr-mt-4w">Calendrier</h2>
      <ChoiceGroup name="isPermanent" legend={FIELD_LABELS.isPermanent!} type="checkbox" selected={valuesOf(values, 'isPermanent')} error={errors?.isPermanent}
        options={[{ value: '1', label: 'Candidatures possibles toute l’année' }]} />
      <ChoiceGroup name="recurrence" legend={FIELD_LABELS.recurrence!} type="radio" inline selected={[value('recurrence')]} error={errors?.recurrence}
        options={RECURRENCES.map((recurrence) => ({ value: recurrence, label: RECURRENCE_LABELS[recurrence] }))} />
      {Array.from({ length: MAX_WINDOWS }, (_, position) => {
        const index = position + 1;
        return (
          <fieldset class="fr-fieldset" id={`periode-${index}`} aria-labelledby={`periode-${index}-legende`} key={index}>
            <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={`periode-${index}-legende`}>
              Période de candidature {index}{index > 1 ? ' (facultatif)' : ''}
            </legend>
            <div class="fr-fieldset__element"><DateField name={`window${index}Opens`} label="Ouverture" value={value(`window${index}Opens`)} error={errors?.[`window${index}Opens`]} /></div>
            <div class="fr-fieldset__element"><DateField name={`window${index}Closes`} label="Date limite" value={value(`window${index}Closes`)} error={errors?.[`window${index}Closes`]} /></div>
            {mode === 'moderation' ? (
              <div class="fr-fieldset__element">
                <div class="fr-checkbox-group fr-checkbox-group--sm">
                  <input type="checkbox" id={`window${index}Estimated`} name={`window${index}Estimated`} value="1" checked={valuesOf(values, `window${index}Estimated`).includes('1')} />
                  <label class="fr-label" for={`window${index}Estimated`}>Dates indicatives (estimées, pas encore confirmées)</label>
                </div>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <SelectField name="typicalOpenMonth" label={`${FIELD_LABELS.typicalOpenMonth} (facultatif)`} value={value('typicalOpenMonth')} error={errors?.typicalOpenMonth} options={monthOptions} />
      <SelectField name="typicalDeadlineMonth" label={`${FIELD_LABELS.typicalDeadlineMonth} (facultatif)`} value={value('typicalDeadlineMonth')} error={errors?.typicalDeadlineMonth} options={monthOptions} />

      <h2 class="fr-h4 fr-mt-4w">Candidater</h2>
      <TextField name="officialUrl" label={`${FIELD_LABELS.officialUrl} (facultatif)`} type="url" hint="Adresse complète : https://…" value={value('officialUrl')} error={errors?.officialUrl} maxLength={500} />
      <TextField name="applicationUrl" label={`${FIELD_LABELS.applicationUrl} (facultatif)`} type="url" value={value('applicationUrl')} error={errors?.applicationUrl} maxLength={500} />
      <TextField name="contact" label={`${FIELD_LABELS.contact} (facultatif)`} hint="Le service à joindre, pas une personne." value={value('contact')} error={errors?.contact} maxLength={300} />
      <TextField name="city" label={`${FIELD_LABELS.city} (facultatif)`} value={value('city')} error={errors?.city} maxLength={100} />
      <SelectField name="region" label={`${FIELD_LABELS.region} (facultatif)`} value={value('region')} error={errors?.region} options={REGIONS.map((region) => ({ value: region, label: region }))} />

      {mode === 'moderation' ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Vérification et parité</h2>
          <DateField name="lastVerifiedOn" label={FIELD_LABELS.lastVerifiedOn!} value={value('lastVerifiedOn')} error={errors?.lastVerifiedOn} />
          <TextArea name="sourceLinks" label={FIELD_LABELS.sourceLinks!} hint="Une adresse https:// par ligne." value={valuesOf(values, 'sourceLinks').join('\n')} error={errors?.sourceLinks} rows={3} />
          <TextField name="juryWomenShare" label={`${FIELD_LABELS.juryWomenShare} en % (facultatif)`} inputMode="numeric" value={value('juryWomenShare')} error={errors?.juryWomenShare} maxLength={3} />
          <TextField name="laureatesWomenShare" label={`${FIELD_LABELS.laureatesWomenShare} en % (facultatif)`} inputMode="numeric" value={value('laureatesWomenShare')} error={errors?.laureatesWomenShare} maxLength={3} />
          <TextField name="paritySource" label={`${FIELD_LABELS.paritySource} (facultatif)`} type="url" value={value('paritySource')} error={errors?.paritySource} maxLength={500} />
          <TextField name="parityYear" label={`${FIELD_LABELS.parityYear} (facultatif)`} inputMode="numeric" value={value('parityYear')} error={errors?.parityYear} maxLength={4} />
        </>
      ) : null}
      {children}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li><button class="fr-btn" type="submit">{submitLabel}</button></li>
        {extraButtons}
      </ul>
    </form>
  );
}

/** An opportunity as the values of the form, for editing it. */
export function formValuesOf(opportunity: OpportunityWithWindows): Record<string, unknown> {
  const text = (value: number | string | null) => (value === null ? '' : String(value));
  const values: Record<string, unknown> = {
    title: opportunity.title, organizer: opportunity.organizer, kind: opportunity.kind,
    disciplines: opportunity.disciplines.includes('any') && opportunity.disciplines.length === 1 ? [] : opportunity.disciplines,
    summary: opportunity.summary, description: opportunity.description, amountEur: text(opportunity.amountEur), amountNote: opportunity.amountNote ?? '',
    entryFeeEur: text(opportunity.entryFeeEur), entryFeeNote: opportunity.entryFeeNote ?? '', geographicScope: opportunity.geographicScope,
    eligibilityRegion: opportunity.eligibilityRegion ?? '', ageMin: text(opportunity.ageMin), ageMax: text(opportunity.ageMax),
    careerStages: opportunity.careerStages.filter((stage) => stage !== 'any'), reservedToWomen: opportunity.reservedToWomen ? '1' : '',
    otherConditions: opportunity.otherConditions ?? '', isPermanent: opportunity.isPermanent ? '1' : '', recurrence: opportunity.recurrence,
    typicalOpenMonth: text(opportunity.typicalOpenMonth), typicalDeadlineMonth: text(opportunity.typicalDeadlineMonth),
    officialUrl: opportunity.officialUrl ?? '', applicationUrl: opportunity.applicationUrl ?? '', contact: opportunity.contact ?? '',
    city: opportunity.city ?? '', region: opportunity.region ?? '',
    juryWomenShare: opportunity.juryWomenShare === null ? '' : String(Math.round(opportunity.juryWomenShare * 100)),
    laureatesWomenShare: opportunity.laureatesWomenShare === null ? '' : String(Math.round(opportunity.laureatesWomenShare * 100)),
    paritySource: opportunity.paritySource ?? '', parityYear: text(opportunity.parityYear), sourceLinks: opportunity.sourceLinks,
    lastVerifiedOn: opportunity.lastVerifiedOn ?? '',
  };
  opportunity.windows.slice(0, MAX_WINDOWS).forEach((window, position) => {
    values[`window${position + 1}Opens`] = window.opensOn ?? '';
    values[`window${position + 1}Closes`] = window.closesOn;
    values[`window${position + 1}Estimated`] = window.isEstimated ? '1' : '';
  });
  return values;
}
