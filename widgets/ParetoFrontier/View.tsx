/**
 * Pareto frontier slider: slide λ and watch the optimum of the weighted sum move along the frontier
 * of (RUL loss, health loss); in GABA mode compare the path GABA's weights take with a fixed λ's.
 */
import { useMemo } from 'react';
import { ModeToggle } from '../shared/ModeToggle';
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { linearDomain } from '../shared/domain';
import { formatNumber, formatRatio } from '../shared/format';
import { LineChart, type ChartSeries } from '../shared/LineChart';
import { Slider } from '../shared/Slider';
import { useUrlState } from '../shared/useUrlState';
import { WidgetTools } from '../shared/WidgetTools';
import '../shared/widgets.css';
import { computeFrontier, computePaths, PARETO_SCHEMA, PATH_STEPS } from './model';
import { MathText } from '../shared/MathLabel';

const short = (value: number) => formatNumber(value);

export default function ParetoFrontier({ id }: { readonly id: string }) {
  const [state, update, tools] = useUrlState(id, PARETO_SCHEMA);
  const frontier = useMemo(() => computeFrontier(state), [state]);
  const gabaMode = state.mode === 'gaba';
  const paths = useMemo(() => (gabaMode ? computePaths(state) : null), [gabaMode, state]);
  const { optimum } = frontier;
  const points = frontier.frontier.map((p) => [p.losses[0], p.losses[1]] as const);
  // The axes hold the frontier and both whole paths, so the paths start on the plot and it does not rescale as the step moves.
  const pathLosses = paths ? [...paths.gaba, ...paths.fixed].map((p) => p.losses) : [];
  const xDomain = linearDomain([...points.map((p) => p[0]), ...pathLosses.map((l) => l[0])], [0, 1], 0.08);
  const yDomain = linearDomain([...points.map((p) => p[1]), ...pathLosses.map((l) => l[1])], [0, 1], 0.3);
  const marked = paths ? { gaba: paths.gaba[state.step - 1], fixed: paths.fixed[state.step - 1] } : null;

  const series: ChartSeries[] = [
    { id: 'frontier', className: 'ba-combined', points },
    ...(frontier.tangent ? [{ id: 'tangent', className: 'ba-combined ba-dashed', points: frontier.tangent }] : []),
    { id: 'optimum', className: 'ba-rul', points: [[optimum.losses[0], optimum.losses[1]]], markers: true },
  ];
  if (paths && marked) {
    series.push(
      { id: 'fixed-path', className: 'ba-rul ba-dashed', points: paths.fixed.slice(0, state.step).map((p) => [p.losses[0], p.losses[1]] as const) },
      { id: 'gaba-path', className: 'ba-health', points: paths.gaba.slice(0, state.step).map((p) => [p.losses[0], p.losses[1]] as const) },
      { id: 'gaba-now', className: 'ba-health', points: [[marked.gaba.losses[0], marked.gaba.losses[1]]], markers: true },
    );
  }

  return (
    <div className="ba-widget" data-widget="pareto-frontier">
      <ModeToggle current={gabaMode ? 'gaba' : 'frontier'} onChange={(mode) => update({ mode })}
        options={[{ mode: 'frontier', label: 'Frontier' }, { mode: 'gaba', label: 'GABA path', testId: 'pareto-gaba' }]} />
      <div className="ba-widget-row">
        <Slider label="λ_rul" min={0} max={1} step={0.005} value={state.lambda} format={(v) => v.toFixed(3)} onChange={(v) => update({ lambda: v })} testId="pareto-lambda" />
        <Slider label="RUL loss scale" scale="log" min={1} max={1000} value={state.scale} format={(v) => formatRatio(v)} onChange={(v) => update({ scale: v })} testId="pareto-scale" />
        {gabaMode && <Slider label="step" min={1} max={PATH_STEPS} step={1} value={state.step} format={(v) => String(v)} onChange={(v) => update({ step: v })} testId="pareto-step" />}
      </div>
      {gabaMode && (
        <div className="ba-widget-row">
          <Slider label="GABA warm-up" min={0} max={200} step={1} value={state.warmupSteps} format={(v) => String(v)} onChange={(v) => update({ warmupSteps: v })} />
          <Slider label="GABA EMA β" min={0} max={0.999} step={0.001} value={state.beta} format={(v) => v.toFixed(3)} onChange={(v) => update({ beta: v })} />
          <Slider label="GABA floor (min weight)" min={0} max={0.5} step={0.005} value={state.minWeight} format={(v) => `${v.toFixed(3)}, balances ratios up to ${v > 0 ? `${(1 / v).toPrecision(3)}×` : 'any'}`} onChange={(v) => update({ minWeight: v })} testId="pareto-floor" />
        </div>
      )}
      <LineChart
        title="Pareto frontier of the two task losses"
        testId="pareto-chart"
        xDomain={xDomain}
        yDomain={yDomain}
        readout={false}
        xLabel="RUL-task loss"
        yLabel="health-task loss"
        series={series}
      />
      <div className="ba-legend">
        <span className="ba-combined">frontier</span>
        <span className="ba-rul">{gabaMode ? `fixed λ = ${state.lambda.toFixed(2)} path` : 'optimum of the weighted sum'}</span>
        {gabaMode && <span className="ba-health">GABA path</span>}
      </div>
      <dl className="ba-readouts">
        <div><dt><MathText text="λ_rul" /></dt><dd>{state.lambda.toFixed(3)}</dd></div>
        <div><dt>optimum: RUL loss</dt><dd data-testid="pareto-loss-rul">{short(optimum.losses[0])}</dd></div>
        <div><dt>health loss</dt><dd data-testid="pareto-loss-health">{short(optimum.losses[1])}</dd></div>
        <div><dt>exchange rate</dt><dd data-testid="pareto-exchange">{Number.isFinite(optimum.exchangeRate) ? `${short(optimum.exchangeRate)} health per unit of RUL` : '∞'}</dd></div>
        {marked && <div><dt>GABA at step {state.step}: weights</dt><dd data-testid="pareto-gaba-weights">{marked.gaba.weights.map((w) => w.toFixed(3)).join(' / ')}</dd></div>}
        {marked && <div><dt>GABA losses</dt><dd>{short(marked.gaba.losses[0])} / {short(marked.gaba.losses[1])}</dd></div>}
        {marked && <div><dt>fixed-λ losses</dt><dd>{short(marked.fixed.losses[0])} / {short(marked.fixed.losses[1])}</dd></div>}
      </dl>
      <p className="ba-note">
        The tangent at the optimum has slope −λ/(1−λ): near either end, a little more of one task costs a great deal of the other.
        Two losses of two shared parameters, solved exactly by the core; drag the scale to see the fixed-λ optimum slide towards the louder task.
      </p>
      <ExportCsvButton
        fileName="pareto-frontier.csv"
        columns={['lambda', 'loss_rul', 'loss_health']}
        rows={() => frontier.frontier.map((p) => [p.lambda, p.losses[0], p.losses[1]])}
      />
      <WidgetTools tools={tools} />
    </div>
  );
}
