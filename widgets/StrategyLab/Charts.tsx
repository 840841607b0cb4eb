/** The lab's four training plots and the validation-RMSE plot, one line per strategy. */
import type { StrategyName } from '../../src/core/strategies/index';
import { STRATEGY_NAMES } from '../../src/core/strategies/index';
import type { LabEvaluation, LabStepRecord } from '../../src/live/types';
import { LineChart, type ChartSeries } from '../shared/LineChart';

/** widgets.css has 23 strategy colours (.ba-s0…22); a method registered past them reuses one. */
const PALETTE_SIZE = 23;
export const colourClass = (name: StrategyName): string => `ba-s${STRATEGY_NAMES.indexOf(name) % PALETTE_SIZE}`;

interface ChartsProps {
  readonly names: readonly StrategyName[];
  readonly records: Readonly<Record<string, readonly LabStepRecord[]>>;
  readonly evaluations: readonly LabEvaluation[];
  readonly steps: number;
}

function extent(values: number[], fallback: [number, number], log: boolean): [number, number] {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (usable.length === 0) return fallback;
  const low = Math.min(...usable);
  const high = Math.max(...usable);
  if (log) return [low / 1.5, high * 1.5];
  return [Math.min(0, low), high === low ? high + 1 : high * 1.05];
}

export function LabCharts({ names, records, evaluations, steps }: ChartsProps) {
  const seriesOf = (pick: (r: LabStepRecord) => number): ChartSeries[] =>
    names.map((name) => ({ id: name, className: colourClass(name), points: (records[name] ?? []).map((r) => [r.step, pick(r)] as const) }));
  const all = (pick: (r: LabStepRecord) => number): number[] => names.flatMap((n) => (records[n] ?? []).map(pick));
  const rulLoss = (r: LabStepRecord) => r.losses[0];
  const healthLoss = (r: LabStepRecord) => r.losses[1];
  const share = (r: LabStepRecord) => r.weights[0] / (r.weights[0] + r.weights[1]);
  const ratio = (r: LabStepRecord) => r.gradNorms[0] / r.gradNorms[1];
  const rmseSeries: ChartSeries[] = names.map((name) => ({
    id: name,
    className: colourClass(name),
    points: evaluations.filter((e) => e.runId === name && e.split === 'validation').map((e) => [e.step, e.rmse] as const),
  }));
  const common = { width: 360, height: 200, xDomain: [0, steps] as const, xLabel: 'step' };
  return (
    <div className="ba-chart-grid">
      <figure><figcaption>RUL loss (cycles², log)</figcaption>
        <LineChart {...common} title="RUL loss per strategy" yScale="log" yDomain={extent(all(rulLoss), [1, 1e4], true)} yLabel="RUL loss" series={seriesOf(rulLoss)} testId="lab-rul-loss" />
      </figure>
      <figure><figcaption>Health loss (cross-entropy)</figcaption>
        <LineChart {...common} title="Health loss per strategy" yDomain={extent(all(healthLoss), [0, 1.2], false)} yLabel="health loss" series={seriesOf(healthLoss)} />
      </figure>
      <figure><figcaption>RUL's share of the weights, λ_rul / (λ_rul + λ_health)</figcaption>
        <LineChart {...common} title="RUL weight share per strategy" yDomain={[0, 1]} yLabel="λ_rul share" series={seriesOf(share)} testId="lab-weights" />
      </figure>
      <figure><figcaption>Gradient-norm ratio ‖g_rul‖ / ‖g_health‖ (log)</figcaption>
        <LineChart {...common} title="Gradient norm ratio per strategy" yScale="log" yDomain={extent(all(ratio), [1, 1000], true)} yLabel="ratio" series={seriesOf(ratio)} />
      </figure>
      <figure><figcaption>Validation RMSE (cycles)</figcaption>
        <LineChart {...common} title="Validation RMSE per strategy" yDomain={extent(evaluations.filter((e) => e.split === 'validation').map((e) => e.rmse), [0, 60], false)} yLabel="RMSE" series={rmseSeries} testId="lab-rmse" />
      </figure>
    </div>
  );
}
