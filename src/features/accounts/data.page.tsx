import type { consents } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { CsrfField, ErrorSummary } from '../../ui/components/form.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AccountLayout } from './account-layout.tsx';

type Consent = typeof consents.$inferSelect;

export function DataPage({ ctx, consentRows, errors, flash }: { ctx: PageContext; consentRows: Consent[]; errors?: FieldErrors; flash?: string | null }) {
  return (
    <AccountLayout ctx={ctx} title="Mes données" flash={flash}>
      <h2 class="fr-h4">Télécharger mes données</h2>
      <p>Un fichier JSON avec tout ce que le service conserve sur vous : compte, profil, alertes, aides suivies, consentements, sessions, emails envoyés.</p>
      <p><a class="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/mon-espace/donnees.json" download>Télécharger mes données (JSON)</a></p>

      <h2 class="fr-h4 fr-mt-4w">Mes consentements</h2>
      {consentRows.length === 0 ? <p>Aucun consentement enregistré.</p> : (
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>Consentements donnés</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Ce que vous avez accepté</th><th scope="col">Retiré le</th></tr></thead>
            <tbody>
              {consentRows.map((consent) => (
                <tr key={consent.id}>
                  <td>{formatFrenchDate(parisDate(consent.grantedAt))}</td>
                  <td>{consent.wording}</td>
                  <td>{consent.withdrawnAt ? formatFrenchDate(parisDate(consent.withdrawnAt)) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 class="fr-h4 fr-mt-4w">Se déconnecter partout</h2>
      <p>Ferme votre session sur tous les appareils où vous êtes connectée, y compris celui-ci.</p>
      <form method="post" action="/mon-espace/deconnexion-partout">
        <CsrfField token={ctx.csrfToken()} />
        <button class="fr-btn fr-btn--secondary" type="submit">Me déconnecter de tous mes appareils</button>
      </form>

      <h2 class="fr-h4 fr-mt-4w" id="supprimer">Supprimer mon compte</h2>
      <p>
        Votre profil, vos alertes, les aides que vous suivez et vos sessions sont effacés immédiatement. Un email vous confirme
        la suppression. Cette action est définitive.
      </p>
      {errors ? <ErrorSummary errors={errors} labels={{ confirmation: 'Confirmation' }} /> : null}
      <form method="post" action="/mon-espace/supprimer">
        <CsrfField token={ctx.csrfToken()} />
        <fieldset class={`fr-fieldset${errors?.confirmation ? ' fr-fieldset--error' : ''}`} id="confirmation" aria-labelledby="confirmation-legende confirmation-messages">
          <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="confirmation-legende">Confirmation</legend>
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
              <input type="checkbox" id="confirmation-oui" name="confirmation" value="oui" />
              <label class="fr-label" for="confirmation-oui">Je comprends que la suppression de mon compte est définitive.</label>
            </div>
          </div>
          <div class="fr-messages-group" id="confirmation-messages" aria-live="polite">
            {errors?.confirmation ? <p class="fr-message fr-message--error">{errors.confirmation}</p> : null}
          </div>
        </fieldset>
        <button class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left" type="submit">Supprimer mon compte</button>
      </form>
    </AccountLayout>
  );
}

export function AccountDeletedPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Votre compte a été supprimé" lead="Vos données personnelles ont été effacées. Un email de confirmation vous a été envoyé.">
      <p>Vous pouvez continuer à consulter le <a href="/aides">catalogue des aides</a> sans compte.</p>
    </ContentPage>
  );
}
