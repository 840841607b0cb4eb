/**
 * The lab's four training plots and the validation-RMSE plot, one line per strategy, with a legend
 * that hides a strategy (click) or brings it forward (hover or focus), and an optional smoothed view
 * of the per-step lines. Axes follow the lines shown.
 */
import { useState } from 'react';
import type { StrategyName } from '../../src/core/strategies/index';
import { STRATEGY_NAMES } from '../../src/core/strategies/index';
import type { LabEvaluation, LabStepRecord } from '../../src/live/types';
import { linearDomain, logDomain } from '../shared/domain';
import { LineChart, type ChartSeries } from '../shared/LineChart';
import { smoothPoints } from '../shared/smooth';
import { strategyLabel } from './model';
import { MathText } from '../shared/MathLabel';

/** widgets.css has 23 strategy colours (.ba-s0…22); a method registered past them reuses one. */
const PALETTE_SIZE = 23;
export const colourClass = (name: StrategyName): string => `ba-s${STRATEGY_NAMES.indexOf(name) % PALETTE_SIZE}`;

/** Weight of the running average in the smoothed view: each step adds a tenth of itself. */
const SMOOTHING = 0.9;

interface ChartsProps {
  readonly names: readonly StrategyName[];
  readonly records: Readonly<Record<string, readonly LabStepRecord[]>>;
  readonly evaluations: readonly LabEvaluation[];
  readonly steps: number;
}

export function LabCharts({ names, records, evaluations, steps }: ChartsProps) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [highlight, setHighlight] = useState<string | null>(null);
  const [smoothed, setSmoothed] = useState(false);
  const shown = names.filter((name) => !hidden.has(name));
  const seriesOf = (pick: (r: LabStepRecord) => number): ChartSeries[] =>
    shown.map((name) => {
      const points = (records[name] ?? []).map((r) => [r.step, pick(r)] as const);
      return { id: name, label: strategyLabel(name), className: colourClass(name), points: smoothed ? smoothPoints(points, SMOOTHING) : points };
    });
  const values = (series: readonly ChartSeries[]): number[] => series.flatMap((s) => s.points.map(([, v]) => v));
  const rulLoss = seriesOf((r) => r.losses[0]);
  const healthLoss = seriesOf((r) => r.losses[1]);
  const share = seriesOf((r) => r.weights[0] / (r.weights[0] + r.weights[1]));
  const ratio = seriesOf((r) => r.gradNorms[0] / r.gradNorms[1]);
  const rmse: ChartSeries[] = shown.map((name) => ({
    id: name,
    label: strategyLabel(name),
    className: colourClass(name),
    points: evaluations.filter((e) => e.runId === name && e.split === 'validation').map((e) => [e.step, e.rmse] as const),
  }));
  const common = { width: 360, height: 200, xDomain: [0, steps] as const, xLabel: 'step', highlight };
  const toggle = (name: string): void => {
    const next = new Set(hidden);
    if (!next.delete(name)) next.add(name);
    setHidden(next);
  };
  return (
    <>
      <div className="ba-series-legend" role="group" aria-label="Strategies on the charts" data-testid="lab-legend">
        {names.map((name) => (
          <button key={name} type="button" aria-pressed={!hidden.has(name)} data-series={name}
            title={hidden.has(name) ? 'Show this strategy on the charts' : 'Hide this strategy from the charts'}
            onClick={() => toggle(name)}
            onMouseEnter={() => setHighlight(name)} onMouseLeave={() => setHighlight(null)}
            onFocus={() => setHighlight(name)} onBlur={() => setHighlight(null)}>
            <span className={colourClass(name)} aria-hidden="true">■</span> {strategyLabel(name)}
          </button>
        ))}
        <label className="ba-inline-field">
          <input type="checkbox" checked={smoothed} onChange={(event) => setSmoothed(event.currentTarget.checked)} data-testid="lab-smoothed" />
          smoothed (running average)
        </label>
      </div>
      <div className="ba-chart-grid">
        <figure><figcaption>RUL loss (cycles², log)</figcaption>
          <LineChart {...common} title="RUL loss per strategy" yScale="log" yDomain={logDomain(values(rulLoss), [1, 1e4])} yLabel="RUL loss" series={rulLoss} testId="lab-rul-loss" />
        </figure>
        <figure><figcaption>Health loss (cross-entropy)</figcaption>
          <LineChart {...common} title="Health loss per strategy" yDomain={linearDomain(values(healthLoss), [0, 1.2])} yLabel="health loss" series={healthLoss} testId="lab-health-loss" />
        </figure>
        <figure><figcaption>RUL's share of the weights, <MathText text="λ_rul / (λ_rul + λ_health)" /></figcaption>
          <LineChart {...common} title="RUL weight share per strategy" yDomain={[0, 1]} yLabel="λ_rul share" series={share} testId="lab-weights" />
        </figure>
        <figure><figcaption>Gradient-norm ratio <MathText text="‖g_rul‖ / ‖g_health‖" /> (log)</figcaption>
          <LineChart {...common} title="Gradient norm ratio per strategy" yScale="log" yDomain={logDomain(values(ratio), [1, 1000])} yLabel="ratio" series={ratio} testId="lab-ratio" />
        </figure>
        <figure><figcaption>Validation RMSE (cycles)</figcaption>
          <LineChart {...common} title="Validation RMSE per strategy" yDomain={linearDomain(values(rmse), [0, 60])} yLabel="RMSE" series={rmse} testId="lab-rmse" />
        </figure>
      </div>
    </>
  );
}
