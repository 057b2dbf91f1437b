import { ORGANIZATION_TYPES } from '../../db/schema/index.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Pagination } from '../../ui/components/pagination.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { OrganizationCardView } from './parity-components.tsx';
import { PARITY_LEVELS, PARITY_LEVEL_EXPLANATIONS, PARITY_LEVEL_LABELS } from './parity-rule.ts';
import {
  NETWORK_SLUGS, PARITY_SORTS, PARITY_SORT_LABELS, PARITY_SORT_SLUGS, REGION_SLUGS, type ParitySearch, paritySearchUrl,
} from './parity-search.schema.ts';
import type { ParitySearchResult } from './parity.queries.ts';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPE_SLUGS, PARITY_NETWORKS } from './parity.vocabulary.ts';

function CheckboxFacet({ legend, name, options, counts }: {
  legend: string; name: string; options: { value: string; slug: string; label: string; checked: boolean }[]; counts: Record<string, number>;
}) {
  return (
    <fieldset class="fr-fieldset" aria-labelledby={`${name}-legende`}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold" id={`${name}-legende`}>{legend}</legend>
      {options.map((option) => (
        <div class="fr-fieldset__element" key={option.slug}>
          <div class="fr-checkbox-group fr-checkbox-group--sm">
            <input type="checkbox" id={`${name}-${option.slug}`} name={name} value={option.slug} checked={option.checked} />
            <label class="fr-label" for={`${name}-${option.slug}`}>{`${option.label} (${counts[option.value] ?? 0})`}</label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function ParityIndexPage({ ctx, search, result, years }: { ctx: PageContext; search: ParitySearch; result: ParitySearchResult; years: number[] }) {
  const regions = REGIONS.filter((region) => (result.facets.region[region] ?? 0) > 0 || search.regions.includes(region));
  return (
    <Layout ctx={ctx} title={result.page > 1 ? `Index de la parité — page ${result.page}` : 'Index de la parité'} description="La part de femmes exposées, primées, enseignées et publiées par les organisations de la photographie, année après année.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Index de la parité' }]} />
        <h1>Index de la parité</h1>
        <p class="fr-text--lead">Qui est exposé, primé, enseigné, publié ? La part de femmes dans les festivals, lieux, écoles, prix et médias de la photographie, année après année.</p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li><a class="fr-btn fr-btn--secondary fr-icon-bar-chart-box-line" href="/index-parite/chiffres-cles">Chiffres clés</a></li>
          <li><a class="fr-btn fr-btn--secondary fr-icon-book-2-line" href="/index-parite/methode">Méthode</a></li>
          <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/index-parite/donnees">Données ouvertes</a></li>
        </ul>
        <div class="fr-callout fr-mb-4w">
          <h2 class="fr-callout__title fr-h5">Lire les niveaux</h2>
          <ul class="fr-callout__text fr-text--md">
            {PARITY_LEVELS.map((level) => <li key={level}><strong>{PARITY_LEVEL_LABELS[level]}</strong>{` : ${PARITY_LEVEL_EXPLANATIONS[level]}.`}</li>)}
          </ul>
        </div>
        <form method="get" action="/index-parite">
          <div class="fr-search-bar fr-search-bar--lg fr-mb-4w" role="search">
            <label class="fr-label" for="q">Rechercher une organisation par nom ou par ville</label>
            <input class="fr-input" type="search" id="q" name="q" value={search.text} placeholder="Ex. : Arles, Niépce, Le Bal" />
            <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
          </div>
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <h2 class="fr-h4">Filtrer</h2>
              <CheckboxFacet legend="Type d’organisation" name="type" counts={result.facets.type}
                options={ORGANIZATION_TYPES.map((type) => ({ value: type, slug: ORGANIZATION_TYPE_SLUGS[type], label: ORGANIZATION_TYPE_LABELS[type], checked: search.types.includes(type) }))} />
              <CheckboxFacet legend="Réseau" name="reseau" counts={result.facets.network}
                options={PARITY_NETWORKS.map((network) => ({ value: network, slug: NETWORK_SLUGS[network], label: network, checked: search.networks.includes(network) }))} />
              {regions.length > 0 && (
                <CheckboxFacet legend="Région" name="region" counts={result.facets.region}
                  options={regions.map((region) => ({ value: region, slug: REGION_SLUGS[region], label: region, checked: search.regions.includes(region) }))} />
              )}
              <div class="fr-select-group">
                <label class="fr-label" for="annee">Année des chiffres</label>
                <select class="fr-select" id="annee" name="annee">
                  <option value="" selected={search.year === null}>La plus récente de chaque organisation</option>
                  {years.map((year) => <option value={String(year)} selected={search.year === year} key={year}>{`${year} (${result.facets.year[String(year)] ?? 0})`}</option>)}
                </select>
              </div>
              <button class="fr-btn" type="submit">Appliquer les filtres</button>
            </div>
            <div class="fr-col-12 fr-col-md-8">
              <h2 class="fr-h4" id="resultats">Organisations</h2>
              <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
                <div class="fr-col-12 fr-col-sm-6">
                  <p class="eflc-result-count fr-mb-0" role="status">{`${result.total} organisation${result.total > 1 ? 's' : ''} sur ${result.organizationCount}`}</p>
                </div>
                <div class="fr-col-12 fr-col-sm-6">
                  <div class="fr-select-group fr-mb-0">
                    <label class="fr-label" for="tri">Trier par</label>
                    <select class="fr-select" id="tri" name="tri">
                      {PARITY_SORTS.map((sort) => <option value={PARITY_SORT_SLUGS[sort]} selected={sort === search.sort} key={sort}>{PARITY_SORT_LABELS[sort]}</option>)}
                    </select>
                  </div>
                  <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" type="submit">Trier</button>
                </div>
              </div>
              {search.sort !== 'name' && <p class="fr-text--sm">Le tri se fait sur le chiffre principal de chaque organisation (artistes exposé·es, lauréat·es, enseignant·es ou photographes publié·es selon son type) ; les organisations sans part calculable viennent à la fin.</p>}
              {result.items.length === 0 ? (
                <div class="fr-callout">
                  <h3 class="fr-callout__title">Aucune organisation ne correspond</h3>
                  <p class="fr-callout__text">Essayez un autre nom ou <a href="/index-parite">affichez toutes les organisations</a>.</p>
                </div>
              ) : (
                <ul class="fr-raw-list">
                  {result.items.map((card) => <li class="fr-mb-3w" key={card.id}><OrganizationCardView card={card} /></li>)}
                </ul>
              )}
              <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => paritySearchUrl(search, { page })} />
            </div>
          </div>
        </form>
      </div>
    </Layout>
  );
}
