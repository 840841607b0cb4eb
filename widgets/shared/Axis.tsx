/** SVG axes drawn by React from a d3 scale (d3 computes the ticks; React owns the DOM). */
import type { ScaleContinuousNumeric } from 'd3-scale';
import { formatTick as formatTickLabel } from './format';
import { svgMathText } from './MathLabel';

export interface AxisProps {
  readonly scale: ScaleContinuousNumeric<number, number>;
  readonly orient: 'bottom' | 'left';
  /** Where the axis line sits: y for a bottom axis, x for a left axis. */
  readonly offset: number;
  readonly label: string;
  readonly ticks?: number;
  readonly format?: (value: number) => string;
  /** Length of grid lines across the plot (0: none). */
  readonly grid?: number;
}

export function Axis({ scale, orient, offset, label, ticks = 5, format, grid = 0 }: AxisProps) {
  // A log axis labels powers of ten only; d3's in-between ticks crowd a narrow axis.
  const isLog = 'base' in scale;
  const values = isLog
    ? scale.ticks(ticks).filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9)
    : scale.ticks(ticks);
  const formatTick = format ?? formatTickLabel;
  const [start, end] = scale.range();
  if (orient === 'bottom') {
    return (
      <g className="ba-axis" transform={`translate(0,${offset})`}>
        <line x1={start} x2={end} y1={0} y2={0} />
        {values.map((value) => (
          <g key={value} transform={`translate(${scale(value)},0)`}>
            {grid > 0 && <line className="ba-grid" y1={0} y2={-grid} />}
            <line y2={5} />
            <text y={17} textAnchor="middle">{formatTick(value)}</text>
          </g>
        ))}
        <text className="ba-axis-label" x={(start + end) / 2} y={34} textAnchor="middle">{svgMathText(label)}</text>
      </g>
    );
  }
  return (
    <g className="ba-axis" transform={`translate(${offset},0)`}>
      <line y1={start} y2={end} x1={0} x2={0} />
      {values.map((value) => (
        <g key={value} transform={`translate(0,${scale(value)})`}>
          {grid > 0 && <line className="ba-grid" x1={0} x2={grid} />}
          <line x2={-5} />
          <text x={-8} dy="0.32em" textAnchor="end">{formatTick(value)}</text>
        </g>
      ))}
      <text className="ba-axis-label" transform={`translate(-44,${(start + end) / 2}) rotate(-90)`} textAnchor="middle">{svgMathText(label)}</text>
    </g>
  );
}
