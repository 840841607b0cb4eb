/**
 * A small line chart: d3 computes scales and path strings, React renders the SVG. Used for weight
 * traces, loss curves and sweeps across the book's widgets. Hovering it, or focusing it and pressing
 * the arrow keys, reads every series' value at one step under the chart.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Axis } from './Axis';
import { cursorSteps, nearestIndex, valueAtStep } from './chart-cursor';
import { decimateForDrawing } from './decimate';
import { formatNumber, formatTick } from './format';
import { useTextScale } from './useTextScale';

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
  /** The hover and keyboard readout (default on); off for charts whose x is not a step, such as a frontier. */
  readonly readout?: boolean;
  /** Series drawn bold while the others fade (a legend's hover or focus). */
  readonly highlight?: string | null;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 58 };
/** Width, in viewBox units (≈ CSS pixels at full width), of the columns a long line is thinned to. */
const DRAW_COLUMN = 2;

export function LineChart(props: LineChartProps) {
  const width = props.width ?? 560;
  const height = props.height ?? 240;
  const holder = useTextScale<HTMLDivElement>(width);
  const [cursor, setCursor] = useState<number | null>(null);
  const x = (props.xScale === 'log' ? scaleLog() : scaleLinear())
    .domain(props.xDomain as [number, number]).range([MARGIN.left, width - MARGIN.right]).clamp(true);
  const y = (props.yScale === 'log' ? scaleLog() : scaleLinear())
    .domain(props.yDomain as [number, number]).range([height - MARGIN.bottom, MARGIN.top]).clamp(true);
  const toPath = line<readonly [number, number]>()
    .defined(([px, py]) => Number.isFinite(px) && Number.isFinite(py) && (props.yScale !== 'log' || py > 0))
    .x(([px]) => x(px))
    .y(([, py]) => y(py));
  const readable = props.readout !== false;
  const steps = readable ? cursorSteps(props.series.filter((series) => !series.markers).map((series) => series.points)) : [];
  const index = cursor === null ? -1 : Math.min(cursor, steps.length - 1);
  const step = index >= 0 ? steps[index] : null;
  const readings = step === null ? [] : props.series.filter((series) => !series.markers).map((series) => ({ series, point: valueAtStep(series.points, step) }));
  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || steps.length === 0) return;
    setCursor(nearestIndex(steps, x.invert(((event.clientX - box.left) / box.width) * width)));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    if (steps.length === 0) return;
    const last = steps.length - 1;
    const current = index < 0 ? last : index;
    const jump = Math.max(1, Math.round(steps.length / 20));
    const moves: Record<string, number> = { ArrowLeft: current - 1, ArrowRight: current + 1, PageDown: current - jump, PageUp: current + jump, Home: 0, End: last };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setCursor(Math.min(last, Math.max(0, moves[event.key])));
  };
  const seriesClass = (series: ChartSeries): string => {
    if (!props.highlight) return series.className;
    return `${series.className} ${series.id === props.highlight ? 'ba-strong' : 'ba-dim'}`;
  };
  return (
    <div className="ba-chart" ref={holder}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} data-testid={props.testId}
        tabIndex={readable ? 0 : undefined}
        onPointerMove={readable ? onPointerMove : undefined}
        onPointerLeave={readable ? () => setCursor(null) : undefined}
        onFocus={readable ? () => setCursor((value) => value ?? steps.length - 1) : undefined}
        onBlur={readable ? () => setCursor(null) : undefined}
        onKeyDown={readable ? onKeyDown : undefined}>
        <title>{props.title}</title>
        {props.shade?.map((region) => (
          <g key={region.label}>
            <rect className="ba-shade" x={x(region.from)} y={MARGIN.top} width={Math.max(0, x(region.to) - x(region.from))} height={height - MARGIN.top - MARGIN.bottom} />
            <text className="ba-note ba-chart-text" x={x(region.from) + 4} y={MARGIN.top + 12} fill="currentColor">{region.label}</text>
          </g>
        ))}
        <Axis scale={x} orient="bottom" offset={height - MARGIN.bottom} label={props.xLabel} />
        <Axis scale={y} orient="left" offset={MARGIN.left} label={props.yLabel} grid={width - MARGIN.left - MARGIN.right} />
        {props.rules?.map((rule) => (
          <g key={rule.label}>
            <line className="ba-line ba-combined ba-dashed" strokeWidth={1} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(rule.y)} y2={y(rule.y)} />
            <text className="ba-chart-text" x={width - MARGIN.right - 4} y={y(rule.y) - 4} textAnchor="end" fill="currentColor">{rule.label}</text>
          </g>
        ))}
        {props.marks?.map((mark, index) => (
          <g key={`${mark.x}-${index}`} className="ba-mark" data-mark-x={mark.x}>
            <line className="ba-line ba-combined ba-dotted" strokeWidth={1} x1={x(mark.x)} x2={x(mark.x)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
            <text className="ba-chart-text" x={x(mark.x) + 3} y={MARGIN.top + 24 + (index % 3) * 12} fill="currentColor">{mark.label}</text>
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
            <path key={series.id} className={`ba-line ${seriesClass(series)}`} d={toPath(decimateForDrawing(series.points, x, DRAW_COLUMN)) ?? ''} />
          ),
        )}
        {step !== null && (
          <g className="ba-chart-cursor" aria-hidden="true">
            <line x1={x(step)} x2={x(step)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
            {readings.map(({ series, point }) => point && Number.isFinite(point[1]) && (props.yScale !== 'log' || point[1] > 0) && (
              <circle key={series.id} className={series.className} cx={x(point[0])} cy={y(point[1])} r={3.5} />
            ))}
          </g>
        )}
      </svg>
      {readable && (
        <p className="ba-chart-readout" aria-live="polite" data-testid={props.testId ? `${props.testId}-readout` : undefined}>
          {step === null ? '' : (
            <>
              <span>{props.xLabel} {formatTick(step)}:</span>{' '}
              {readings.map(({ series, point }) => (
                <span key={series.id} data-series={series.id}>
                  <span className={series.className} aria-hidden="true">■</span> {series.label ?? series.id} {point ? formatNumber(point[1]) : 'not yet'}{'; '}
                </span>
              ))}
            </>
          )}
        </p>
      )}
    </div>
  );
}
