import type { IsoDate } from '../../platform/dates.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Pagination } from '../../ui/components/pagination.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { activeFilters } from './active-filters.ts';
import type { CatalogueResult } from './catalogue-search.queries.ts';
import { CatalogueFilters } from './catalogue-filters.tsx';
import { OpportunityCard } from './opportunity-card.tsx';
import {
  EMPTY_SEARCH, type OpportunitySearch, SEARCH_SLUGS, SORT_KEYS, effectiveSort, hasCriteria, searchUrl, toQueryString,
} from './search.schema.ts';
import { CATALOGUE_STATUSES } from './status.ts';

const SORT_LABELS = {
  closing: 'Date de clôture la plus proche',
  newest: 'Ajoutées récemment',
  amount: 'Montant le plus élevé',
  relevance: 'Pertinence',
} as const;

interface CataloguePageProps {
  ctx: PageContext;
  search: OpportunitySearch;
  result: CatalogueResult;
  today: IsoDate;
  /** For a signed-in person with a profile: the search it suggests. */
  profileHref?: string | null;
}

function resultCountSentence(result: CatalogueResult): string {
  const noun = result.total > 1 ? 'aides' : 'aide';
  return `${result.total} ${noun} sur ${result.catalogueSize}`;
}

function SortSelect({ search }: { search: OpportunitySearch }) {
  const current = effectiveSort(search);
  const choices = SORT_KEYS.filter((key) => key !== 'relevance' || search.text);
  return (
    <div class="fr-select-group fr-mb-0">
      <label class="fr-label" for="tri">Trier par</label>
      <select class="fr-select" id="tri" name="tri">
        {choices.map((key) => (
          <option value={SEARCH_SLUGS.sort[key]} selected={key === current} key={key}>{SORT_LABELS[key]}</option>
        ))}
      </select>
    </div>
  );
}

function EmptyState({ search, result }: { search: OpportunitySearch; result: CatalogueResult }) {
  const filters = activeFilters(search);
  return (
    <div class="fr-callout fr-mt-3w">
      <h3 class="fr-callout__title">Aucune aide ne correspond à cette recherche</h3>
      <p class="fr-callout__text">Essayez d’élargir votre recherche :</p>
      <ul>
        {search.text ? <li>vérifiez l’orthographe ou utilisez des mots plus généraux (« résidence », « bourse », « prix ») ;</li> : null}
        {filters.length > 0 ? <li>retirez un ou plusieurs filtres ci-dessus ;</li> : null}
        {result.closedMatching > 0 ? (
          <li>
            <a href={searchUrl(search, { statuses: [...CATALOGUE_STATUSES] })}>
              affichez aussi les aides clôturées ({result.closedMatching})
            </a>{' '}
            pour préparer la prochaine édition ;
          </li>
        ) : null}
        <li><a href="/aides">parcourez toutes les aides</a>.</li>
      </ul>
    </div>
  );
}

export function CataloguePage({ ctx, search, result, today, profileHref }: CataloguePageProps) {
  const filters = activeFilters(search);
  const title = search.text ? `Aides correspondant à « ${search.text} »` : 'Aides, prix, bourses et résidences';
  const pageTitle = result.page > 1 ? `${title} — page ${result.page}` : title;
  const showClosedHint = search.statuses.length === 0 && result.closedMatching > 0;
  const criteria = toQueryString({ ...search, sort: null, page: 1 });
  const subscriptionQuery = criteria ? `?${criteria}` : '';
  return (
    <Layout
      ctx={ctx} title={pageTitle} description="Catalogue des aides, prix, bourses, résidences et appels à candidatures pour les photographes."
      head={<link rel="alternate" type="application/rss+xml" title="Nouvelles aides de cette recherche" href={`/aides/flux.xml${subscriptionQuery}`} />}
    >
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides' }]} />
        <h1>Aides, prix, bourses et résidences</h1>
        <p class="fr-text--sm">
          Une aide manque ? <a href="/aides/proposer">Proposez-la</a> : notre équipe la vérifie avant de la publier.
        </p>
        {profileHref ? (
          <p><a class="fr-link fr-icon-user-line fr-link--icon-left" href={profileHref}>Afficher les aides qui correspondent à mon profil</a></p>
        ) : null}
        <form method="get" action="/aides" id="recherche-catalogue">
          <div class="fr-search-bar fr-search-bar--lg fr-mb-4w" role="search">
            <label class="fr-label" for="q">Rechercher par mot-clé</label>
            <input class="fr-input" type="search" id="q" name="q" value={search.text} placeholder="Ex. : résidence, bourse jeune, photographie documentaire" />
            <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
          </div>
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <CatalogueFilters search={search} result={result} />
            </div>
            <div class="fr-col-12 fr-col-md-8">
              <section aria-labelledby="resultats">
                <h2 id="resultats" class="fr-h4" tabIndex={-1}>Résultats</h2>
                <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
                  <div class="fr-col-12 fr-col-sm-6">
                    <p class="eflc-result-count fr-mb-0" role="status">{resultCountSentence(result)}</p>
                  </div>
                  <div class="fr-col-12 fr-col-sm-6">
                    <SortSelect search={search} />
                    <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" type="submit">Trier</button>
                  </div>
                </div>
                {filters.length > 0 ? (
                  <div class="fr-mb-2w">
                    <p class="fr-text--sm fr-mb-1w">Filtres actifs (cliquez pour retirer) :</p>
                    <ul class="fr-tags-group">
                      {filters.map((filter) => (
                        <li key={filter.removeHref}>
                          <a class="fr-tag fr-tag--sm fr-icon-close-line fr-tag--icon-left" href={filter.removeHref} aria-label={`Retirer le filtre ${filter.label}`}>
                            {filter.label}
                          </a>
                        </li>
                      ))}
                    </ul>
                    {hasCriteria(search) ? <a class="fr-link fr-text--sm" href={searchUrl(EMPTY_SEARCH)}>Effacer tous les filtres</a> : null}
                  </div>
                ) : null}
                {result.matchedAnyWord ? (
                  <div class="fr-notice fr-notice--info fr-mb-2w">
                    <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">
                      Aucune aide ne contient tous vos mots : voici celles qui en contiennent au moins un.
                    </p></div></div>
                  </div>
                ) : null}
                {result.textQuery && result.textQuery.corrections.size > 0 ? (
                  <p class="fr-text--sm">
                    Recherche élargie aux orthographes proches :{' '}
                    {[...result.textQuery.corrections.entries()].map(([term, words]) => `« ${term} » → ${words.join(', ')}`).join(' ; ')}.
                  </p>
                ) : null}
                {result.items.length === 0 ? (
                  <EmptyState search={search} result={result} />
                ) : (
                  <ul class="fr-raw-list">
                    {result.items.map((opportunity) => (
                      <li class="fr-mb-3w" key={opportunity.id}>
                        <OpportunityCard opportunity={opportunity} today={today} />
                      </li>
                    ))}
                  </ul>
                )}
                <p class="fr-mt-3w">
                  <a class="fr-btn fr-btn--secondary fr-icon-notification-3-line fr-btn--icon-left" href={`/alertes/nouvelle${subscriptionQuery}`}>
                    Créer une alerte pour cette recherche
                  </a>
                </p>
                <p class="fr-text--sm">
                  Sans compte, suivez cette recherche dans votre lecteur de flux ou votre agenda :{' '}
                  <a href={`/aides/flux.xml${subscriptionQuery}`} class="fr-link fr-text--sm" type="application/rss+xml">flux RSS des nouvelles aides</a>,{' '}
                  <a href={`/aides/calendrier.ics${subscriptionQuery}`} class="fr-link fr-text--sm" type="text/calendar">agenda des dates limites (iCalendar)</a>.
                </p>
                {showClosedHint && result.items.length > 0 ? (
                  <p class="fr-mt-3w">
                    <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={searchUrl(search, { statuses: [...CATALOGUE_STATUSES] })}>
                      Voir aussi les aides clôturées ({result.closedMatching})
                    </a>
                  </p>
                ) : null}
                <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => searchUrl(search, { page })} />
              </section>
            </div>
          </div>
        </form>
      </div>
    </Layout>
  );
}
