import { RESOURCE_STAGES, RESOURCE_THEMES, RESOURCE_TYPES } from '../../db/schema/index.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Pagination } from '../../ui/components/pagination.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { ResourceCard } from './resource-card.tsx';
import { RESOURCE_SORTS, RESOURCE_SORT_SLUGS, type ResourceSearch, effectiveResourceSort, resourceSearchUrl } from './resource-search.schema.ts';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPE_SLUGS, STAGE_LABELS, STAGE_SLUGS, THEME_LABELS, THEME_SLUGS } from './resource.vocabulary.ts';
import type { ResourceSearchResult } from './resources.queries.ts';

const SORT_LABELS = { newest: 'Les plus récentes', useful: 'Les plus utiles', relevance: 'Pertinence' } as const;

function Facet<K extends string>({ legend, name, values, labels, slugs, selected, counts }: {
  legend: string; name: string; values: readonly K[]; labels: Record<K, string>; slugs: Record<K, string>; selected: readonly K[]; counts: Record<string, number>;
}) {
  return (
    <fieldset class="fr-fieldset" aria-labelledby={`${name}-legende`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold" id={`${name}-legende`}>{legend}</legend>
      {values.map((value) => {
        const id = `${name}-${slugs[value]}`;
        return (
          <div class="fr-fieldset__element" key={value}>
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} name={name} value={slugs[value]} checked={selected.includes(value)} />
              <label class="fr-label" for={id}>{`${labels[value]} (${counts[value] ?? 0})`}</label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

export function ResourcesListPage({ ctx, search, result, now }: { ctx: PageContext; search: ResourceSearch; result: ResourceSearchResult; now: Date }) {
  const current = effectiveResourceSort(search);
  return (
    <Layout ctx={ctx} title={result.page > 1 ? `Ressources — page ${result.page}` : 'Ressources'} description="Fiches pratiques, témoignages, ateliers et modèles pour les photographes.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Ressources' }]} />
        <h1>Ressources</h1>
        <p class="fr-text--lead">Tarifs, droits, dossiers, parentalité, harcèlement, expositions : des réponses pratiques, vérifiées et sourcées.</p>
        <p>
          <a class="fr-link fr-icon-calendar-line fr-link--icon-left" href="/ressources/ateliers">Webinaires et ateliers</a>
          {' · '}
          <a class="fr-link" href="/ressources/proposer">Proposer une ressource</a>
        </p>
        <form method="get" action="/ressources">
          <div class="fr-search-bar fr-search-bar--lg fr-mb-4w" role="search">
            <label class="fr-label" for="q">Rechercher une ressource</label>
            <input class="fr-input" type="search" id="q" name="q" value={search.text} placeholder="Ex. : tarif, droits d’auteur, maternité" />
            <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
          </div>
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <h2 class="fr-h4">Filtrer</h2>
              <Facet legend="Type" name="type" values={RESOURCE_TYPES} labels={RESOURCE_TYPE_LABELS} slugs={RESOURCE_TYPE_SLUGS} selected={search.types} counts={result.facets.type} />
              <Facet legend="Thème" name="theme" values={RESOURCE_THEMES} labels={THEME_LABELS} slugs={THEME_SLUGS} selected={search.themes} counts={result.facets.theme} />
              <Facet legend="Étape de parcours" name="parcours" values={RESOURCE_STAGES} labels={STAGE_LABELS} slugs={STAGE_SLUGS} selected={search.stages} counts={result.facets.stage} />
              <button class="fr-btn" type="submit">Appliquer les filtres</button>
            </div>
            <div class="fr-col-12 fr-col-md-8">
              <h2 class="fr-h4" id="resultats">Résultats</h2>
              <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
                <div class="fr-col-12 fr-col-sm-6">
                  <p class="eflc-result-count fr-mb-0" role="status">{`${result.total} ressource${result.total > 1 ? 's' : ''} sur ${result.published}`}</p>
                </div>
                <div class="fr-col-12 fr-col-sm-6">
                  <div class="fr-select-group fr-mb-0">
                    <label class="fr-label" for="tri">Trier par</label>
                    <select class="fr-select" id="tri" name="tri">
                      {RESOURCE_SORTS.filter((sort) => sort !== 'relevance' || search.text).map((sort) => (
                        <option value={RESOURCE_SORT_SLUGS[sort]} selected={sort === current} key={sort}>{SORT_LABELS[sort]}</option>
                      ))}
                    </select>
                  </div>
                  <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" type="submit">Trier</button>
                </div>
              </div>
              {result.items.length === 0 ? (
                <div class="fr-callout">
                  <h3 class="fr-callout__title">Aucune ressource ne correspond</h3>
                  <p class="fr-callout__text">Essayez d’autres mots ou <a href="/ressources">affichez toutes les ressources</a>.</p>
                </div>
              ) : (
                <ul class="fr-raw-list">
                  {result.items.map((resource) => <li class="fr-mb-3w" key={resource.id}><ResourceCard resource={resource} now={now} /></li>)}
                </ul>
              )}
              <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => resourceSearchUrl(search, { page })} />
            </div>
          </div>
        </form>
      </div>
    </Layout>
  );
}
