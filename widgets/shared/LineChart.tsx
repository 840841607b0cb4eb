/**
 * A small line chart: d3 computes scales and path strings, React renders the SVG. Used for weight
 * traces, loss curves and sweeps across the book's widgets.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis } from './Axis';
import { decimateForDrawing } from './decimate';

export interface ChartSeries {
  readonly id: string;
  /** CSS classes: ba-rul, ba-health, ba-combined, ba-dashed … */
  readonly className: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draw dots instead of a line (published points, sweep results). */
  readonly markers?: boolean;
  readonly label?: string;
}

export interface LineChartProps {
  readonly series: readonly ChartSeries[];
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yScale?: 'linear' | 'log';
  readonly xScale?: 'linear' | 'log';
  readonly width?: number;
  readonly height?: number;
  /** Shaded x-intervals (e.g. the warm-up). */
  readonly shade?: readonly { readonly from: number; readonly to: number; readonly label: string }[];
  /** Horizontal reference lines (e.g. the floor). */
  readonly rules?: readonly { readonly y: number; readonly label: string }[];
  /** Vertical marks at an x (e.g. the step from which a setting changed mid-run). */
  readonly marks?: readonly { readonly x: number; readonly label: string }[];
  readonly title: string;
  readonly testId?: string;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 58 };
/** Width, in viewBox units (≈ CSS pixels at full width), of the columns a long line is thinned to. */
const DRAW_COLUMN = 2;

export function LineChart(props: LineChartProps) {
  const width = props.width ?? 560;
  const height = props.height ?? 240;
  const x = (props.xScale === 'log' ? scaleLog() : scaleLinear())
    .domain(props.xDomain as [number, number]).range([MARGIN.left, width - MARGIN.right]).clamp(true);
  const y = (props.yScale === 'log' ? scaleLog() : scaleLinear())
    .domain(props.yDomain as [number, number]).range([height - MARGIN.bottom, MARGIN.top]).clamp(true);
  const toPath = line<readonly [number, number]>()
    .defined(([px, py]) => Number.isFinite(px) && Number.isFinite(py) && (props.yScale !== 'log' || py > 0))
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} data-testid={props.testId}>
      <title>{props.title}</title>
      {props.shade?.map((region) => (
        <g key={region.label}>
          <rect className="ba-shade" x={x(region.from)} y={MARGIN.top} width={Math.max(0, x(region.to) - x(region.from))} height={height - MARGIN.top - MARGIN.bottom} />
          <text className="ba-note" x={x(region.from) + 4} y={MARGIN.top + 12} fontSize={11} fill="currentColor">{region.label}</text>
        </g>
      ))}
      <Axis scale={x} orient="bottom" offset={height - MARGIN.bottom} label={props.xLabel} />
      <Axis scale={y} orient="left" offset={MARGIN.left} label={props.yLabel} grid={width - MARGIN.left - MARGIN.right} />
      {props.rules?.map((rule) => (
        <g key={rule.label}>
          <line className="ba-line ba-combined ba-dashed" strokeWidth={1} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(rule.y)} y2={y(rule.y)} />
          <text x={width - MARGIN.right - 4} y={y(rule.y) - 4} textAnchor="end" fontSize={11} fill="currentColor">{rule.label}</text>
        </g>
      ))}
      {props.marks?.map((mark, index) => (
        <g key={`${mark.x}-${index}`} className="ba-mark" data-mark-x={mark.x}>
          <line className="ba-line ba-combined ba-dotted" strokeWidth={1} x1={x(mark.x)} x2={x(mark.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          <text x={x(mark.x) + 3} y={MARGIN.top + 24 + (index % 3) * 12} fontSize={11} fill="currentColor">{mark.label}</text>
        </g>
      ))}
      {props.series.map((series) =>
        series.markers ? (
          <g key={series.id} className={series.className}>
            {series.points.filter(([, py]) => Number.isFinite(py)).map(([px, py], index) => (
              <circle key={index} cx={x(px)} cy={y(py)} r={4} />
            ))}
          </g>
        ) : (
          <path key={series.id} className={`ba-line ${series.className}`} d={toPath(decimateForDrawing(series.points, x, DRAW_COLUMN)) ?? ''} />
        ),
      )}
    </svg>
  );
}
