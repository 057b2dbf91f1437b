import { frenchMonthName } from '../../platform/dates.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { type ImpactFigures, type MonthlySeries, SMALL_COUNT, masked, maskedRate } from './stats.queries.ts';

export const monthLabel = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${frenchMonthName(number)} ${year}`;
};
const shortMonth = (month: string) => `${month.slice(5)}/${month.slice(2, 4)}`;

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div class="fr-col-12 fr-col-sm-6 fr-col-md-4">
      <div class="fr-tile fr-tile--no-icon"><div class="fr-tile__body"><div class="fr-tile__content">
        <p class="fr-tile__title">{value}</p><p class="fr-tile__desc">{label}</p>
      </div></div></div>
    </div>
  );
}

export function StatsPage({ ctx, figures, series }: { ctx: PageContext; figures: ImpactFigures; series: MonthlySeries[] }) {
  const wait = figures.peerReview.medianWaitDays;
  return (
    <ContentPage ctx={ctx} title="Statistiques d’impact" lead="Ce que le service fait, mesuré dans sa base de données et mis à jour à chaque visite.">
      <p>{`Pour qu’aucune personne ne puisse être reconnue, les nombres de 1 à ${SMALL_COUNT - 1} sont affichés « < ${SMALL_COUNT} » et les taux qui reposent sur moins de ${SMALL_COUNT} cas ne sont pas communiqués.`}</p>
      <h2>En un coup d’œil</h2>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <Figure value={masked(figures.publishedOpportunities)} label="aides publiées dans le catalogue" />
        <Figure value={masked(figures.activeAlerts)} label={`alertes actives, pour ${masked(figures.followers)} personnes`} />
        <Figure value={masked(figures.alertEmails)} label="emails d’alerte envoyés (nouveautés et rappels)" />
        <Figure value={masked(figures.peerReview.exchanges)} label={`échanges de relectures de dossiers terminés ; taux de complétion : ${maskedRate(figures.peerReview.completion)}`} />
        <Figure value={wait === null || figures.peerReview.pairedRequests < SMALL_COUNT ? 'non communiqué' : `${wait.toFixed(1).replace('.', ',')} j`} label="attente médiane avant d’avoir une partenaire de relecture" />
        <Figure value={masked(figures.mentorships.started)} label={`mentorats commencés, dont ${masked(figures.mentorships.completed)} menés à leur terme`} />
        <Figure value={masked(figures.directory.contacts)} label={`mises en relation par l’annuaire ; abouti à une commande : ${maskedRate({ part: figures.directory.ledToWork, whole: figures.directory.answers })} des réponses`} />
        <Figure value={masked(figures.parity.organizations)} label={`organisations dans l’index de la parité, ${masked(figures.parity.figures)} chiffres publiés`} />
        <Figure value={maskedRate(figures.usefulness)} label="des avis sur les fiches disent qu’elles ont été utiles" />
      </div>
      <h2>Aides publiées par type</h2>
      <SimpleTable caption="Aides publiées par type" headers={['Type', 'Aides']} rowHeaders rows={figures.byKind.map((item) => [item.label, masked(item.count)])} />
      {series.map((item) => {
        const hidden = item.points.filter((point) => point.value > 0 && point.value < SMALL_COUNT).length;
        const total = item.points.reduce((sum, point) => sum + point.value, 0);
        const max = Math.max(...item.points.map((point) => point.value), SMALL_COUNT);
        return (
          <section class="fr-mt-6w" aria-labelledby={`serie-${item.slug}`} key={item.slug}>
            <h2 id={`serie-${item.slug}`}>{item.title}</h2>
            <BarChart id={`graphique-${item.slug}`} title={`${item.title}, sur douze mois`} max={max} format={(value) => value.toLocaleString('fr-FR')}
              summary={`Sur les douze derniers mois : ${masked(total)} ${item.unit}${hidden ? ` ; ${hidden} mois à moins de ${SMALL_COUNT}, masqués` : ''}.`}
              points={item.points.map((point) => ({ label: shortMonth(point.month), value: point.value > 0 && point.value < SMALL_COUNT ? null : point.value, missingText: `< ${SMALL_COUNT}` }))} />
            <details>
              <summary>{`Tableau : ${item.title.toLowerCase()}`}</summary>
              <SimpleTable caption={item.title} headers={['Mois', item.unit.charAt(0).toUpperCase() + item.unit.slice(1)]} rowHeaders rows={item.points.map((point) => [monthLabel(point.month), masked(point.value)])} />
            </details>
            <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/stats/${item.slug}.csv`}>{`Télécharger la série (CSV)`}</a></p>
          </section>
        );
      })}
    </ContentPage>
  );
}
