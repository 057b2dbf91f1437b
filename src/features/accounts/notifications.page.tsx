import type { DigestFrequency } from '../../db/schema/index.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { ChoiceGroup, CsrfField, ErrorSummary } from '../../ui/components/form.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { DIGEST_FREQUENCY_LABELS } from '../alerts/alert.vocabulary.ts';
import { AccountLayout } from './account-layout.tsx';

export function NotificationsPage({ ctx, frequency, errors, flash }: { ctx: PageContext; frequency: string; errors?: FieldErrors; flash?: string | null }) {
  return (
    <AccountLayout ctx={ctx} title="Mes notifications" flash={flash}>
      <p>
        Vos alertes (aides suivies, recherches enregistrées, prochaines éditions) sont réunies dans un seul email. Il n’est
        envoyé que s’il y a du nouveau, et chaque email contient un lien de désabonnement.
      </p>
      {errors ? <ErrorSummary errors={errors} labels={{ digestFrequency: 'Rythme' }} /> : null}
      <form method="post" action="/mon-espace/notifications">
        <CsrfField token={ctx.csrfToken()} />
        <ChoiceGroup
          name="digestFrequency"
          legend="Recevoir le récapitulatif de mes alertes"
          type="radio"
          options={(Object.keys(DIGEST_FREQUENCY_LABELS) as DigestFrequency[]).map((value) => ({ value, ...DIGEST_FREQUENCY_LABELS[value] }))}
          selected={[frequency]}
          error={errors?.digestFrequency}
        />
        <button class="fr-btn" type="submit">Enregistrer</button>
      </form>
    </AccountLayout>
  );
}
