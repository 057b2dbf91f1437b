import type { IsoDate } from '../../platform/dates.ts';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { OpportunityWithWindows } from '../opportunities/opportunities.queries.ts';
import { OpportunityCard } from '../opportunities/opportunity-card.tsx';
import { SECTOR_FACTS } from './sector-facts.ts';

interface HomePageProps {
  ctx: PageContext;
  closingSoon: OpportunityWithWindows[];
  publishedCount: number;
  today: IsoDate;
}

const SECTIONS = [
  { title: 'Aides', href: '/aides', text: 'Prix, bourses, résidences et appels à candidatures, avec leurs dates limites.' },
  { title: 'Ressources', href: '/ressources', text: 'Fiches pratiques sur les tarifs, les droits, les dossiers, la parentalité.' },
  { title: 'Entraide', href: '/entraide', text: 'Relecture de dossiers entre pairs, ateliers et contacts utiles.' },
  { title: 'Index de la parité', href: '/index-parite', text: 'La part de femmes exposées, primées et recrutées, année après année.' },
];

export function HomePage({ ctx, closingSoon, publishedCount, today }: HomePageProps) {
  return (
    <Layout ctx={ctx} title="Accueil" description="Aides, ressources et entraide pour les photographes femmes et minorités de genre, par le ministère de la Culture.">
      <div class="fr-container fr-my-6w">
        <h1>Trouver les aides et les appels qui font avancer votre photographie</h1>
        <p class="fr-text--lead">
          {publishedCount} prix, bourses, résidences et appels à candidatures rassemblés en un seul endroit, avec
          leurs dates limites, pour les photographes femmes et minorités de genre.
        </p>
        <form method="get" action="/aides" class="fr-mb-6w">
          <div class="fr-search-bar fr-search-bar--lg" role="search">
            <label class="fr-label" for="recherche-accueil">Rechercher une aide</label>
            <input class="fr-input" type="search" id="recherche-accueil" name="q" placeholder="Ex. : résidence, bourse, prix photojournalisme" />
            <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
          </div>
        </form>

        <section aria-labelledby="bientot-clos" class="fr-mb-6w">
          <h2 id="bientot-clos">Clôturent bientôt</h2>
          {closingSoon.length === 0 ? (
            <p>Aucun appel ouvert pour le moment : consultez les aides à venir dans le catalogue.</p>
          ) : (
            <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
              {closingSoon.map((opportunity) => (
                <li class="fr-col-12 fr-col-md-6" key={opportunity.id}>
                  <OpportunityCard opportunity={opportunity} today={today} />
                </li>
              ))}
            </ul>
          )}
          <p class="fr-mt-3w">
            <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href="/aides">Voir toutes les aides</a>
          </p>
        </section>

        <section aria-labelledby="rubriques" class="fr-mb-6w">
          <h2 id="rubriques">Ce que vous trouverez ici</h2>
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            {SECTIONS.map((section) => (
              <li class="fr-col-12 fr-col-sm-6 fr-col-lg-3" key={section.href}>
                <div class="fr-tile fr-enlarge-link">
                  <div class="fr-tile__body">
                    <div class="fr-tile__content">
                      <h3 class="fr-tile__title"><a href={section.href}>{section.title}</a></h3>
                      <p class="fr-tile__desc">{section.text}</p>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="pourquoi">
          <h2 id="pourquoi">Pourquoi ce service</h2>
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            {SECTOR_FACTS.map((fact) => (
              <li class="fr-col-12 fr-col-md-4" key={fact.figure}>
                <p class="fr-h3 fr-mb-1w">{fact.figure}</p>
                <p class="fr-mb-1w">{fact.text}</p>
                <p class="fr-text--xs">Source : <ExternalLink href={fact.source.url}>{fact.source.label}</ExternalLink></p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
