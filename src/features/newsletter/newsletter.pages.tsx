import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../../ui/components/form.tsx';
import { HoneypotField } from '../../ui/components/honeypot.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import { NEWSLETTER_CONSENT } from './newsletter.commands.ts';

export function NewsletterPage({ ctx, values, errors }: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <ContentPage
      ctx={ctx} title="Lettre d’information"
      lead="Environ une fois par mois : les aides qui ouvrent, les nouvelles ressources, les ateliers à venir et les chiffres de l’index de la parité."
    >
      {errors ? <ErrorSummary errors={errors} labels={{ email: 'Adresse email', consent: 'Accord' }} /> : null}
      <form method="post" action="/lettre-d-information" noValidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="email" type="email" label="Votre adresse email" hint="Seulement pour vous envoyer la lettre. Nous vous écrirons d’abord pour la confirmer."
          value={valueOf(values, 'email')} error={errors?.email} autoComplete="email" maxLength={254} required />
        <div class={`fr-checkbox-group${errors?.consent ? ' fr-checkbox-group--error' : ''}`}>
          <input type="checkbox" id="consent" name="consent" value="oui" checked={valueOf(values, 'consent') === 'oui'} aria-describedby="consent-messages" />
          <label class="fr-label" for="consent">{NEWSLETTER_CONSENT}</label>
          <div class="fr-messages-group" id="consent-messages" aria-live="polite">
            {errors?.consent ? <p class="fr-message fr-message--error">{errors.consent}</p> : null}
          </div>
        </div>
        <HoneypotField />
        <p class="fr-text--sm fr-mt-2w">
          Chaque lettre contient un lien pour vous désinscrire ; votre adresse est alors effacée. Elle n’est jamais transmise à
          d’autres. <a href="/donnees-personnelles">Vos données personnelles</a>.
        </p>
        <SubmitButton>M’inscrire</SubmitButton>
      </form>
    </ContentPage>
  );
}

export function NewsletterAdminPage({ ctx, isAdmin, counts }: { ctx: PageContext; isAdmin: boolean; counts: { confirmed: number; pending: number } }) {
  return (
    <AdminLayout ctx={ctx} title="Lettre d’information" isAdmin={isAdmin}>
      <p>{`${counts.confirmed} adresse${counts.confirmed > 1 ? 's' : ''} confirmée${counts.confirmed > 1 ? 's' : ''} ; ${counts.pending} en attente de confirmation (effacées au bout de 7 jours).`}</p>
      <p>
        Le fichier donne, pour chaque abonnée confirmée, son adresse, la date de confirmation et son lien de désinscription
        personnel : importez-le dans l’outil d’envoi et placez ce lien dans chaque lettre. Ne le conservez pas après l’envoi.
      </p>
      <a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/admin/lettre/abonnees.csv" download>Télécharger les abonnées confirmées (CSV)</a>
    </AdminLayout>
  );
}
