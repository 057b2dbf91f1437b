import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * A server-rendered SVG bar chart (shares over years, counts by month), in DSFR colours. It is an
 * image with a title and a description for screen readers; the page always shows the same
 * figures as a table beside it (the chart adds nothing the table does not say).
 */

export interface SharePoint {
  label: string;
  /** Whole percent, or null when not computable (drawn as a gap marked "n.c."). */
  share: number | null;
}

export interface BarPoint {
  label: string;
  /** null: no bar, `missingText` written instead ("n.c.", "< 5"). */
  value: number | null;
  missingText?: string;
}

interface BarChartProps {
  id: string;
  title: string;
  summary: string;
  points: readonly BarPoint[];
  /** Top of the scale (100 for shares; the largest value, rounded up, for counts). */
  max: number;
  format: (value: number) => string;
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

/** Shares of women (0-100 %), with the parity line by default. */
export function ShareChart({ points, reference = { value: 50, label: 'Parité' }, ...rest }: Omit<BarChartProps, 'points' | 'max' | 'format'> & { points: readonly SharePoint[] }) {
  return <BarChart {...rest} reference={reference} max={100} format={(value) => `${value} %`} points={points.map((point) => ({ label: point.label, value: point.share, missingText: 'n.c.' }))} />;
}

export function BarChart({ id, title, summary, points, max, format, reference = null }: BarChartProps) {
  const x = scaleBand<string>().domain(points.map((point) => point.label)).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.2);
  const y = scaleLinear().domain([0, Math.max(1, max)]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
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
            <text x={MARGIN.left - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill={TEXT}>{format(tick)}</text>
          </g>
        ))}
        {points.map((point, index) => {
          const left = x(point.label) ?? 0;
          const middle = left + band / 2;
          return (
            <g key={point.label}>
              {point.value === null ? (
                <text x={middle} y={y(0) - 4} text-anchor="middle" font-size="10" fill={TEXT}>{point.missingText ?? ''}</text>
              ) : (
                <>
                  <rect x={left} y={y(point.value)} width={band} height={Math.max(0, y(0) - y(point.value))} fill={BAR} />
                  {showValues && <text x={middle} y={y(point.value) - 4} text-anchor="middle" font-size="11" fill={TEXT}>{format(point.value)}</text>}
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
