import { ORGANIZATION_TYPES } from '../../db/schema/index.ts';
import { ContentPage } from '../../ui/content-page.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { PARITY_LEVELS, PARITY_LEVEL_EXPLANATIONS, PARITY_LEVEL_LABELS, PARITY_THRESHOLD, PROGRESS_THRESHOLD } from './parity-rule.ts';
import { HEADLINE_METRIC, METRICS_BY_TYPE, METRIC_LABELS, ORGANIZATION_TYPE_LABELS, REFERENCE_SOURCE } from './parity.vocabulary.ts';

export function MethodsPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Méthode de l’index de la parité" lead="D’où viennent les chiffres, comment la part de femmes est calculée, et comment demander une correction."
      breadcrumb={[{ label: 'Index de la parité', href: '/index-parite' }, { label: 'Méthode' }]}>
      <h2>D’où viennent les chiffres</h2>
      <p>{`Les chiffres de départ sont ceux publiés par le ministère de la Culture (${REFERENCE_SOURCE}) : une année de chiffres pour 76 festivals, lieux, écoles, prix et magazines, et les lauréat·es de 41 prix depuis 1989.`}</p>
      <p>S’y ajoutent les chiffres que les organisations déclarent elles-mêmes. Une déclaration n’est publiée qu’après relecture par l’équipe d’Elles font la culture ; la page de l’organisation indique alors « Déclaré par l’organisation ». Chaque chiffre est publié avec sa source.</p>

      <h2>Ce qui est compté</h2>
      <p>Chaque chiffre est un couple : le nombre de femmes et l’effectif total, pour une organisation, une année et un indicateur. Les indicateurs dépendent du type d’organisation ; le chiffre principal, en gras, sert au tri et au niveau de l’organisation.</p>
      <SimpleTable caption="Indicateurs comptés par type d’organisation" headers={['Type', 'Indicateurs']} rowHeaders
        rows={ORGANIZATION_TYPES.map((type) => [ORGANIZATION_TYPE_LABELS[type], (
          <>{METRICS_BY_TYPE[type].map((metric, index) => (
            <span key={metric}>{index > 0 ? ', ' : ''}{metric === HEADLINE_METRIC[type] ? <strong>{METRIC_LABELS[metric]}</strong> : METRIC_LABELS[metric]}</span>
          ))}</>
        )])} />

      <h2>Comment la part de femmes est calculée</h2>
      <p>La part de femmes est le nombre de femmes divisé par l’effectif total, exprimée en pourcentage et <strong>arrondie à l’entier le plus proche</strong> (2 femmes sur 3 font 67 %, pas 66 %). Une moitié s’arrondit vers le haut (1 sur 8, soit 12,5 %, fait 13 %). Le niveau se lit sur la part arrondie :</p>
      <ul>
        {PARITY_LEVELS.map((level) => <li key={level}><strong>{PARITY_LEVEL_LABELS[level]}</strong>{` : ${PARITY_LEVEL_EXPLANATIONS[level]}.`}</li>)}
      </ul>
      <p>{`Les seuils (${PARITY_THRESHOLD} % et ${PROGRESS_THRESHOLD} %) sont les mêmes pour tous les indicateurs. Le niveau est toujours écrit en toutes lettres, jamais signalé par une couleur seule.`}</p>
      <p>Pour les vues nationales (chiffres clés), les effectifs des organisations sont additionnés avant de calculer la part : une grande organisation pèse plus qu’une petite.</p>

      <h2>« Non calculable » et « non renseigné »</h2>
      <p><strong>Non renseigné</strong> : personne n’a donné ce chiffre. Il n’apparaît pas dans les tableaux et ne compte jamais pour zéro.</p>
      <p><strong>Non calculable</strong> : le chiffre est connu mais l’effectif total est nul (aucune exposition cette année-là, par exemple). Zéro femme sur un effectif connu est en revanche un vrai chiffre : 0 %.</p>
      <p>Un nombre de femmes supérieur à l’effectif total est refusé, à la déclaration comme à l’import.</p>

      <h2>Les déclarations des organisations</h2>
      <p>Une personne qui représente une organisation la déclare depuis la page de celle-ci, indicateur par indicateur, pour une année, avec si elle le souhaite un texte sur les actions de l’organisation pour l’égalité (son droit de réponse). Si son adresse email est sur le domaine du site de l’organisation, elle est reconnue d’office ; sinon l’équipe vérifie son lien avec l’organisation. Dans les deux cas, rien n’est publié avant relecture.</p>
      <p>Une correction ne fait pas disparaître l’ancien chiffre : la page de l’organisation garde l’historique des corrections (date, indicateur, avant, après, auteur).</p>

      <h2 id="corriger">Demander une correction</h2>
      <p>Vous représentez l’organisation : déclarez le bon chiffre depuis sa page (« Déclarer des chiffres »), en citant votre source. Vous avez repéré une erreur sans représenter l’organisation : utilisez « Signaler une erreur » sur sa page ; l’équipe vérifie et corrige, l’historique en garde la trace.</p>

      <h2>Réutiliser les données</h2>
      <p>Tous les chiffres publiés sont téléchargeables en CSV et en JSON, sous <a href="/index-parite/donnees">Licence Ouverte / Etalab 2.0</a>.</p>
    </ContentPage>
  );
}
