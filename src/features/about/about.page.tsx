import { ExternalLink } from '../../ui/components/external-link.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import type { PageContext } from '../../ui/page-context.ts';

export function AboutPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage
      ctx={ctx}
      title="À propos"
      lead="Elles font la culture est un service public numérique du ministère de la Culture pour que les photographes femmes et minorités de genre accèdent autant que les hommes aux aides, à la visibilité et aux commandes."
    >
      <h2>Le constat</h2>
      <p>
        Les femmes sont majoritaires dans les écoles de photographie, puis deviennent minoritaires dans la profession.
        Elles sont moins exposées, moins primées, moins financées et moins payées. Les causes sont connues :
        isolement, informations dispersées, maternité, harcèlement, sous-facturation, rareté des modèles.
      </p>
      <h2>Ce que propose le service</h2>
      <ul>
        <li><a href="/aides">Un catalogue des aides</a> : prix, bourses, résidences, appels à candidatures, avec leurs dates limites calculées et leurs conditions en clair.</li>
        <li>Des ressources pratiques sur les tarifs, les droits, les dossiers et la parentalité.</li>
        <li>Un index de la parité des festivals, lieux, écoles, prix et médias de la photographie.</li>
        <li>De la mise en relation : relecture de dossiers entre pairs, mentorat et annuaire pour les commanditaires.</li>
      </ul>
      <h2>D’où viennent les informations du catalogue</h2>
      <p>
        Les fiches sont rédigées par notre équipe à partir de sources publiques, citées sur chaque fiche. Quand seul le
        mois habituel d’un appel est connu, les dates affichées sont estimées d’après les éditions précédentes et
        signalées comme <strong>dates indicatives</strong>, jusqu’à ce que notre équipe les confirme. Vérifiez
        toujours le règlement sur le site de l’organisme avant de candidater.
      </p>
      <h2>Qui porte le service</h2>
      <p>
        Le service est porté par la mission Égalité-Diversité du ministère de la Culture. Son code et ses données
        ouvertes sont réutilisables sous{' '}
        <ExternalLink href="https://github.com/etalab/licence-ouverte/blob/master/LO.md">Licence Ouverte Etalab 2.0</ExternalLink>.
      </p>
    </ContentPage>
  );
}
