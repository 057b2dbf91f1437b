import type { FieldErrors } from '../../platform/forms.ts';
import { valueOf, valuesOf } from '../../platform/forms.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, SelectField, TextField } from '../../ui/components/form.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { CAREER_STAGE_LABELS, DISCIPLINE_LABELS, REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES } from '../opportunities/search.schema.ts';
import { AccountLayout } from './account-layout.tsx';

const LABELS = {
  displayName: 'Nom affiché',
  pronouns: 'Pronoms',
  region: 'Région',
  disciplines: 'Pratiques',
  careerStage: 'Étape de parcours',
  birthYear: 'Année de naissance',
};

export function ProfilePage({ ctx, values, errors, flash }: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors; flash?: string | null }) {
  return (
    <AccountLayout ctx={ctx} title="Mon profil" flash={flash}>
      <p>Tout est facultatif. Chaque information sert seulement à ce qui est indiqué sous son nom ; vous pouvez l’effacer à tout moment.</p>
      {errors ? <ErrorSummary errors={errors} labels={LABELS} /> : null}
      <form method="post" action="/mon-espace/profil" noValidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="displayName" label={LABELS.displayName} hint="Pour vous saluer dans votre espace et dans nos emails." value={valueOf(values, 'displayName')} error={errors?.displayName} maxLength={80} autoComplete="nickname" />
        <TextField name="pronouns" label={LABELS.pronouns} hint="Pour nous adresser à vous comme vous le souhaitez (par exemple : elle, iel)." value={valueOf(values, 'pronouns')} error={errors?.pronouns} maxLength={30} />
        <SelectField name="region" label={LABELS.region} hint="Pour vous montrer d’abord les aides de votre région." value={valueOf(values, 'region')} error={errors?.region} options={REGIONS.map((region) => ({ value: region, label: region }))} />
        <ChoiceGroup
          name="disciplines"
          legend={LABELS.disciplines}
          hint="Pour pré-remplir les filtres du catalogue."
          type="checkbox"
          options={FILTERABLE_DISCIPLINES.map((discipline) => ({ value: discipline, label: DISCIPLINE_LABELS[discipline] }))}
          selected={valuesOf(values, 'disciplines')}
          error={errors?.disciplines}
        />
        <ChoiceGroup
          name="careerStage"
          legend={LABELS.careerStage}
          hint="Pour mettre en avant les aides adaptées à votre parcours."
          type="radio"
          options={[{ value: '', label: 'Ne pas préciser' }, ...FILTERABLE_CAREER_STAGES.map((stage) => ({ value: stage, label: CAREER_STAGE_LABELS[stage] }))]}
          selected={[valueOf(values, 'careerStage')]}
          error={errors?.careerStage}
        />
        <TextField name="birthYear" label={LABELS.birthYear} hint="Seulement pour masquer les aides dont la limite d’âge vous exclut. Format : 1994." value={valueOf(values, 'birthYear')} error={errors?.birthYear} inputMode="numeric" maxLength={4} />
        <button class="fr-btn fr-mt-2w" type="submit">Enregistrer mon profil</button>
      </form>
    </AccountLayout>
  );
}
