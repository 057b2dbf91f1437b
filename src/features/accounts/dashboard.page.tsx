import type { UserRow } from '../../db/schema/index.ts';
import { CsrfField } from '../../ui/components/form.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { ALERT_FREQUENCY_LABELS, FOLLOW_KIND_LABELS } from '../alerts/alert.vocabulary.ts';
import type { listFollows, listSavedSearches } from '../alerts/alerts.queries.ts';
import { AccountLayout } from './account-layout.tsx';

interface DashboardProps {
  ctx: PageContext;
  user: UserRow;
  follows: Awaited<ReturnType<typeof listFollows>>;
  searches: Awaited<ReturnType<typeof listSavedSearches>>;
  profileSearchUrl: string | null;
  flash: string | null;
}

export function DashboardPage({ ctx, user, follows, searches, profileSearchUrl, flash }: DashboardProps) {
  return (
    <AccountLayout ctx={ctx} title="Mon espace" flash={flash}>
      <p class="fr-text--lead">Bonjour{user.displayName ? ` ${user.displayName}` : ''}.</p>
      {user.digestFrequency === 'none' ? (
        <div class="fr-notice fr-notice--info fr-mb-3w">
          <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">
            Vos alertes sont en pause : aucun email ne vous est envoyé. <a href="/mon-espace/notifications">Changer mes notifications</a>
          </p></div></div>
        </div>
      ) : null}
      <p>
        {profileSearchUrl ? (
          <a class="fr-btn fr-btn--secondary" href={profileSearchUrl}>Voir les aides qui correspondent à mon profil</a>
        ) : (
          <a class="fr-link" href="/mon-espace/profil">Complétez votre profil pour voir d’abord les aides qui vous correspondent</a>
        )}
      </p>

      <h2 class="fr-h4 fr-mt-4w" id="suivis">Les aides que je suis</h2>
      {follows.length === 0 ? (
        <p>Vous ne suivez aucune aide. Sur la fiche d’une aide, choisissez « Suivre cette aide » pour être prévenue avant la date limite.</p>
      ) : (
        <ul class="fr-raw-list">
          {follows.map((follow) => (
            <li class="fr-mb-2w" key={follow.id}>
              <a href={`/aides/${follow.slug}`}>{follow.title}</a> — {FOLLOW_KIND_LABELS[follow.kind]}
              <form method="post" action={`/mon-espace/suivis/${follow.id}/supprimer`} class="fr-mt-1w">
                <CsrfField token={ctx.csrfToken()} />
                <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                  Ne plus suivre<span class="fr-sr-only"> {follow.title}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <h2 class="fr-h4 fr-mt-4w" id="alertes">Mes alertes de recherche</h2>
      {searches.length === 0 ? (
        <p>Aucune alerte. Dans le <a href="/aides">catalogue</a>, filtrez puis choisissez « Créer une alerte » pour recevoir les nouvelles aides.</p>
      ) : (
        <ul class="fr-raw-list">
          {searches.map((search) => (
            <li class="fr-mb-2w" key={search.id}>
              <a href={`/aides${search.query ? `?${search.query}` : ''}`}>{search.label}</a> — {ALERT_FREQUENCY_LABELS[search.frequency]}
              <form method="post" action={`/mon-espace/alertes/${search.id}/supprimer`} class="fr-mt-1w">
                <CsrfField token={ctx.csrfToken()} />
                <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">
                  Supprimer l’alerte<span class="fr-sr-only"> {search.label}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </AccountLayout>
  );
}
