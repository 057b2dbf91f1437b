import type { ResourceRow } from '../../db/schema/index.ts';
import { displayHost } from '../../platform/urls.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { EntraideData } from './entraide-data.ts';
import { ResourceCard } from './resource-card.tsx';

export function EntraidePage({ ctx, data, upcoming, now }: { ctx: PageContext; data: EntraideData; upcoming: ResourceRow[]; now: Date }) {
  return (
    <Layout ctx={ctx} title="Entraide" description="Relecture de dossiers entre pairs, ateliers, associations et contacts d’urgence.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Entraide' }]} />
        <h1>Entraide</h1>
        <p class="fr-text--lead">Personne ne devrait avancer seule : voici les façons d’obtenir l’aide de vos pairs et de professionnelles.</p>

        <section class="fr-mb-6w" aria-labelledby="urgence">
          <h2 id="urgence">En cas de harcèlement ou de violences</h2>
          <div class="fr-alert fr-alert--warning fr-mb-3w">
            <h3 class="fr-alert__title">En danger immédiat : appelez le 17 ou le 112, ou envoyez un SMS au 114.</h3>
          </div>
          <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">
            {data.helplines.map((line) => (
              <li class="fr-col-12 fr-col-md-6" key={line.name}>
                <div class="fr-card fr-card--no-arrow fr-card--sm">
                  <div class="fr-card__body"><div class="fr-card__content">
                    <h3 class="fr-card__title">{line.name}{line.number && !line.name.includes(line.number) ? ` — ${line.number}` : ''}</h3>
                    <p class="fr-card__desc">{line.description}</p>
                    <div class="fr-card__end">
                      {line.hours ? <p class="fr-card__detail">{line.hours}</p> : null}
                      <p class="fr-card__detail">
                        {line.url ? <ExternalLink href={line.url}>{`Site : ${displayHost(line.url)}`}</ExternalLink> : null}
                        {line.url ? ' · ' : ''}<ExternalLink href={line.source}>Source vérifiée</ExternalLink>
                      </p>
                    </div>
                  </div></div>
                </div>
              </li>
            ))}
          </ul>
          <p class="fr-mt-2w"><a href="/ressources/face-au-harcelement-sexiste-et-sexuel">Lire la fiche « Face au harcèlement sexiste ou sexuel au travail »</a></p>
        </section>

        <section class="fr-mb-6w" aria-labelledby="relecture">
          <h2 id="relecture">Faire relire son dossier par une pair</h2>
          <p>
            Avant une date limite, une autre photographe relit votre dossier de candidature et vous relisez le sien, avec une grille
            commune et dans un délai fixé.
          </p>
          <a class="fr-btn" href="/revue-de-dossier">Demander une relecture</a>
        </section>

        <section class="fr-mb-6w" aria-labelledby="mentorat">
          <h2 id="mentorat">Se faire accompagner, se faire connaître</h2>
          <p>Des photographes confirmées et des professionnelles de l’image accompagnent d’autres photographes sur un sujet précis ; l’annuaire permet aux commanditaires signataires de la charte de vous trouver.</p>
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><a class="fr-btn fr-btn--secondary" href="/mentorat">Trouver une mentore</a></li>
            <li><a class="fr-btn fr-btn--secondary" href="/mon-espace/annuaire">Apparaître dans l’annuaire</a></li>
          </ul>
        </section>

        <section class="fr-mb-6w" aria-labelledby="ateliers">
          <h2 id="ateliers">Webinaires et ateliers à venir</h2>
          {upcoming.length === 0 ? <p>Aucun atelier programmé pour le moment.</p> : (
            <ul class="fr-raw-list">{upcoming.map((resource) => <li class="fr-mb-2w" key={resource.id}><ResourceCard resource={resource} now={now} /></li>)}</ul>
          )}
          <p><a href="/ressources/ateliers">Tous les ateliers et les replays</a></p>
        </section>

        <section aria-labelledby="associations">
          <h2 id="associations">Associations et collectifs</h2>
          <ul>
            {data.associations.map((association) => (
              <li class="fr-mb-2w" key={association.name}>
                <ExternalLink href={association.url}>{association.name}</ExternalLink> — {association.description}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
