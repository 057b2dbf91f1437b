import type { ComponentChildren } from 'preact';
import type { ParityMetric } from '../../db/schema/index.ts';
import { ShareChart } from '../../ui/charts/bar-chart.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import { type Count, type ParityLevel, assessParity, describeCount } from './parity-rule.ts';
import { summarizeSeries } from './parity-summary.ts';
import type { OrganizationCard } from './parity.queries.ts';
import { METRIC_LABELS, ORGANIZATION_TYPE_LABELS, metricsFor } from './parity.vocabulary.ts';

const LEVEL_BADGES: Record<ParityLevel, string> = {
  parity: 'fr-badge--success',
  progress: 'fr-badge--info',
  imbalance: 'fr-badge--warning',
  not_computable: '',
};

/** The level in words (colour only repeats it). */
export function LevelBadge({ count, small = true }: { count: Count | null; small?: boolean }) {
  const { level, label } = assessParity(count);
  return <p class={`fr-badge ${small ? 'fr-badge--sm ' : ''}${LEVEL_BADGES[level]} fr-badge--no-icon`}>{label}</p>;
}

/** "Artistes exposé·es : 30 % (28 femmes sur 94)". */
export function FigureLine({ figure }: { figure: Count & { metric: ParityMetric } }) {
  const { shareText } = assessParity(figure);
  return (
    <>
      <strong>{`${METRIC_LABELS[figure.metric]} : ${shareText}`}</strong>
      {` (${describeCount(figure)})`}
    </>
  );
}

export function OrganizationCardView({ card }: { card: OrganizationCard }) {
  const figures = metricsFor(card.type, card.figures.map((figure) => figure.metric))
    .map((metric) => card.figures.find((figure) => figure.metric === metric))
    .filter((figure) => figure !== undefined);
  const headline = card.figures.find((figure) => figure.metric === card.headline) ?? null;
  const place = [card.city, card.region].filter(Boolean).join(', ');
  return (
    <div class="fr-card fr-enlarge-link fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title"><a href={`/index-parite/${card.slug}`}>{card.name}</a></h3>
          <div class="fr-card__desc">
            {card.year === null ? <p class="fr-mb-0">Aucun chiffre publié pour l’instant.</p> : (
              <>
                <p class="fr-mb-1w">{`Chiffres ${card.year}`}</p>
                <ul class="fr-mb-0">
                  {figures.map((figure) => <li key={figure.metric}><FigureLine figure={figure} /></li>)}
                </ul>
              </>
            )}
          </div>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li><p class="fr-badge fr-badge--sm fr-badge--blue-ecume">{ORGANIZATION_TYPE_LABELS[card.type]}</p></li>
              {card.year !== null && <li><LevelBadge count={headline} /></li>}
              {card.network && <li><p class="fr-badge fr-badge--sm">{`Réseau ${card.network}`}</p></li>}
            </ul>
            {place && <p class="fr-card__detail">{place}</p>}
          </div>
        </div>
      </div>
    </div>
  );
}

function CollapsibleTable({ collapsed, summary, children }: { collapsed: boolean; summary: string; children: ComponentChildren }) {
  if (!collapsed) return <>{children}</>;
  return (
    <details class="fr-mb-2w">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/** A metric's yearly figures: the chart, its summary sentence, and the same figures as a table. */
export function MetricSeries({ id, organizationName, metric, figures, heading, collapseTable = false }: {
  id: string; organizationName: string; metric: ParityMetric; figures: readonly (Count & { year: number; source?: string; declaredByOrganization?: boolean })[]; heading?: string;
  /** On pages of many charts, the table opens on demand (a native disclosure: no script needed). */
  collapseTable?: boolean;
}) {
  const summary = summarizeSeries(metric, figures);
  return (
    <section class="fr-mb-6w" aria-labelledby={`${id}-titre-section`}>
      <h3 id={`${id}-titre-section`}>{heading ?? METRIC_LABELS[metric]}</h3>
      <ShareChart
        id={id}
        title={`Part de femmes — ${METRIC_LABELS[metric]}, ${organizationName}, par année`}
        summary={summary}
        points={figures.map((figure) => ({ label: String(figure.year), share: assessParity(figure).share }))}
      />
      <CollapsibleTable collapsed={collapseTable} summary={`Tableau des chiffres : ${heading ?? METRIC_LABELS[metric]}`}>
      <SimpleTable
        caption={`${METRIC_LABELS[metric]} : effectifs par année`}
        headers={['Année', 'Femmes', 'Total', 'Part de femmes', 'Niveau', 'Source']}
        rowHeaders
        rows={figures.map((figure) => {
          const assessment = assessParity(figure);
          return [String(figure.year), String(figure.women), String(figure.total), assessment.shareText, assessment.label, figure.declaredByOrganization ? `${figure.source ?? ''} (déclaré par l’organisation)` : figure.source ?? ''];
        })}
      />
      </CollapsibleTable>
    </section>
  );
}
