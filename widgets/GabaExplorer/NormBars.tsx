/** The two gradient norms as bars on a log axis spanning the sliders' range and every measured norm. */
import { scaleLog } from 'd3-scale';
import { Axis } from '../shared/Axis';
import { logDomain } from '../shared/domain';
import { formatNumber } from '../shared/format';
import { useTextScale } from '../shared/useTextScale';
import { NORM_RANGE } from './model';
import { svgMathText } from '../shared/MathLabel';

export function NormBars({ norms }: { readonly norms: readonly number[] }) {
  const width = 560;
  const height = 120;
  const x = scaleLog().domain(logDomain([NORM_RANGE.min, NORM_RANGE.max, ...norms], [NORM_RANGE.min, NORM_RANGE.max])).range([90, width - 16]).clamp(true);
  const holder = useTextScale<SVGSVGElement>(width);
  const rows = [
    { label: '‖g_rul‖', className: 'ba-rul', value: norms[0] },
    { label: '‖g_health‖', className: 'ba-health', value: norms[1] },
  ];
  return (
    <svg ref={holder} viewBox={`0 0 ${width} ${height}`} data-testid="gaba-norm-bars" role="img" aria-label="Gradient norms on the shared backbone, log scale">
      {rows.map((row, index) => (
        <g key={row.label} transform={`translate(0,${12 + index * 34})`}>
          <text className="ba-chart-label" x={84} y={15} textAnchor="end" fill="currentColor">{svgMathText(row.label)}</text>
          {Number.isFinite(row.value) && row.value > 0 ? (
            <>
              <rect className={row.className} x={x.range()[0]} y={2} height={22} width={Math.max(1, x(row.value) - x.range()[0])} />
              <text className="ba-chart-label" x={Math.min(x(row.value) + 6, width - 60)} y={18} fill="currentColor">{formatNumber(row.value)}</text>
            </>
          ) : (
            <text className="ba-chart-label" x={x.range()[0] + 4} y={18} fill="currentColor">not measured yet</text>
          )}
        </g>
      ))}
      <Axis scale={x} orient="bottom" offset={84} label="gradient norm (log scale)" ticks={6} />
    </svg>
  );
}
