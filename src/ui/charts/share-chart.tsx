import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * A server-rendered SVG bar chart of shares (0-100 %) over years, in DSFR colours. It is an
 * image with a title and a description for screen readers; the page always shows the same
 * figures as a table beside it (the chart adds nothing the table does not say).
 */

export interface SharePoint {
  label: string;
  /** Whole percent, or null when not computable (drawn as a gap marked "n.c."). */
  share: number | null;
}

interface ShareChartProps {
  id: string;
  title: string;
  summary: string;
  points: readonly SharePoint[];
  /** A reference line, for instance parity at 50 %. */
  reference?: { value: number; label: string } | null;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 24, right: 16, bottom: 36, left: 44 };
// DSFR tokens: blue-france-sun-113, grey-425, grey-200.
const BAR = '#000091';
const TEXT = '#3a3a3a';
const GRID = '#dddddd';

export function ShareChart({ id, title, summary, points, reference = { value: 50, label: 'Parité' } }: ShareChartProps) {
  const x = scaleBand<string>().domain(points.map((point) => point.label)).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.2);
  const y = scaleLinear().domain([0, 100]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const band = x.bandwidth();
  const showValues = band >= 22;
  // With many years, label every fifth one (and the first and last) so labels never overlap.
  const labelEvery = band >= 30 ? 1 : 5;
  const showLabel = (label: string, index: number) => labelEvery === 1 || index === 0 || index === points.length - 1 || (Number(label) % labelEvery === 0 && index > 1 && index < points.length - 2);
  return (
    <figure class="eflc-chart fr-my-2w">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-titre`} aria-describedby={`${id}-legende`} class="eflc-chart__svg" focusable="false">
        <title id={`${id}-titre`}>{title}</title>
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={GRID} stroke-width="1" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill={TEXT}>{`${tick} %`}</text>
          </g>
        ))}
        {points.map((point, index) => {
          const left = x(point.label) ?? 0;
          const middle = left + band / 2;
          return (
            <g key={point.label}>
              {point.share === null ? (
                <text x={middle} y={y(0) - 4} text-anchor="middle" font-size="10" fill={TEXT}>n.c.</text>
              ) : (
                <>
                  <rect x={left} y={y(point.share)} width={band} height={Math.max(0, y(0) - y(point.share))} fill={BAR} />
                  {showValues && <text x={middle} y={y(point.share) - 4} text-anchor="middle" font-size="11" fill={TEXT}>{`${point.share} %`}</text>}
                </>
              )}
              {showLabel(point.label, index) && <text x={middle} y={HEIGHT - MARGIN.bottom + 16} text-anchor="middle" font-size="12" fill={TEXT}>{point.label}</text>}
            </g>
          );
        })}
        {reference && (
          <>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(reference.value)} y2={y(reference.value)} stroke={TEXT} stroke-width="2" stroke-dasharray="6 4" />
            {/* The legend sits above the plot, never over a bar. */}
            <line x1={WIDTH - MARGIN.right - 150} x2={WIDTH - MARGIN.right - 126} y1={10} y2={10} stroke={TEXT} stroke-width="2" stroke-dasharray="6 4" />
            <text x={WIDTH - MARGIN.right} y={14} text-anchor="end" font-size="12" fill={TEXT}>{`${reference.label} (${reference.value} %)`}</text>
          </>
        )}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke={TEXT} stroke-width="1" />
      </svg>
      <figcaption id={`${id}-legende`} class="fr-text--sm fr-mt-1w">{summary}</figcaption>
    </figure>
  );
}
