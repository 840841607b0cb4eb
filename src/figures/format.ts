/** How a figure is printed, in one place: the chapters' component and the literal-number test both use it. */
import type { Figure, RunProvenance } from './types';

const grouped = (value: number, decimals: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

export function formatFigure(figure: Pick<Figure, 'value' | 'style' | 'digits'>): string {
  const { value, style, digits } = figure;
  switch (style) {
    case 'fixed':
      return grouped(value, digits);
    case 'integer':
      return grouped(Math.round(value), 0);
    case 'percent':
      return `${grouped(value * 100, digits)} %`;
    case 'ratio': {
      const rounded = Number(value.toPrecision(digits));
      return `${grouped(rounded, rounded >= 100 ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded) || 1))))}×`;
    }
  }
}

/** The small marker after a measured value: "measured here: seed 0, 1,000 steps, wasm". */
export function describeRun(run: RunProvenance): string {
  const parts = [
    run.seed === null ? null : `seed ${run.seed}`,
    run.steps === null ? null : `${grouped(run.steps, 0)} steps`,
    run.backend === 'none' ? 'core, no training' : run.backend,
  ].filter((part): part is string => part !== null);
  return `measured here: ${parts.join(', ')}`;
}
