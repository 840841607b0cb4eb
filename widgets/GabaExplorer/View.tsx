/**
 * GABA weight explorer: two norms in, the raw weights and the smoothed, floored trace out, from the
 * core's GABA controller; in Live mode the same plots follow real training of the toy backbone.
 */
import { useMemo, useRef } from 'react';
import { updateShares } from '../../src/core/gramian';
import { gabaRawWeights, largestBalancedRatio } from '../../src/core/strategies/gaba-controller';
import { useTf } from '../../src/book/tf/TfProvider';
import { mergeNearbyChanges } from '../../src/live/tunables';
import { useLab } from '../../src/live/useLab';
import { ModeToggle } from '../shared/ModeToggle';
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { LineChart } from '../shared/LineChart';
import { LiveControls } from '../shared/LiveControls';
import { Slider } from '../shared/Slider';
import { useUrlState } from '../shared/useUrlState';
import { WidgetTools } from '../shared/WidgetTools';
import '../shared/widgets.css';
import { formatNumber, formatRatio } from '../shared/format';
import { computeExplorer, describeChange, GABA_EXPLORER_SCHEMA, liveLabConfig, liveTunables, NORM_RANGE, warmupLocked } from './model';
import { NormBars } from './NormBars';
import { MathText } from '../shared/MathLabel';

const fixed3 = (value: number) => value.toFixed(3);
const norm = (value: number) => formatNumber(value);

export default function GabaExplorer({ id }: { readonly id: string }) {
  // A widget that can train starts the training host (and so TensorFlow.js) once it is near the viewport.
  useTf();
  const [state, update, tools] = useUrlState(id, GABA_EXPLORER_SCHEMA);
  const container = useRef<HTMLDivElement>(null);
  const staticNumbers = useMemo(() => computeExplorer(state), [state]);
  const live = state.mode === 'live';
  const labConfig = useMemo(() => (live ? liveLabConfig(state) : null), [live, state]);
  // β, the floor and (during the warm-up) the warm-up reach a running lab at its next step.
  const lab = useLab(labConfig, { visibleRef: container, tunables: live ? liveTunables(state) : undefined });
  const lockWarmup = live && warmupLocked(state, lab.step);
  const liveRecords = lab.records.gaba ?? [];
  const latest = lab.latest.gaba;

  const norms = live ? (latest?.gradNorms ?? [NaN, NaN]) : [state.normRul, state.normHealth];
  const raw = live ? (latest ? gabaRawWeights(latest.gradNorms) : [NaN, NaN]) : staticNumbers.raw;
  const trace = live
    ? liveRecords.map((r) => ({ step: r.step, weights: r.weights }))
    : staticNumbers.trace.map((p) => ({ step: p.step, weights: p.weights }));
  const shown = trace.length > 0 ? trace[trace.length - 1].weights : [0.5, 0.5];

  return (
    <div className="ba-widget" ref={container} data-widget="gaba-explorer">
      <ModeToggle current={live ? 'live' : 'static'} onChange={(mode) => update({ mode })}
        options={[{ mode: 'static', label: 'Sliders' }, { mode: 'live', label: 'Live training', testId: 'gaba-live' }]} />
      {!live && (
        <div className="ba-widget-row">
          <Slider label="‖g_rul‖" scale="log" {...NORM_RANGE} value={state.normRul} format={norm} onChange={(v) => update({ normRul: v })} testId="gaba-norm-rul" />
          <Slider label="‖g_health‖" scale="log" {...NORM_RANGE} value={state.normHealth} format={norm} onChange={(v) => update({ normHealth: v })} testId="gaba-norm-health" />
        </div>
      )}
      <div className="ba-widget-row">
        <Slider label="EMA β" min={0} max={0.999} step={0.001} value={state.beta} format={fixed3} onChange={(v) => update({ beta: v })} testId="gaba-beta" />
        <Slider label={lockWarmup ? 'warm-up steps (over; applies on Reset)' : 'warm-up steps'} min={0} max={200} step={1} value={state.warmupSteps} format={(v) => String(v)} onChange={(v) => update({ warmupSteps: v })} testId="gaba-warmup" disabled={lockWarmup} />
        <Slider label="floor (min weight)" min={0} max={0.5} step={0.005} value={state.minWeight} format={fixed3} onChange={(v) => update({ minWeight: v })} testId="gaba-floor" />
      </div>
      {live && <LiveControls lab={lab} seed={state.seed} onSeedChange={(seed) => update({ seed })} totalSteps={state.steps} />}
      <NormBars norms={norms} />
      <dl className="ba-readouts">
        <div><dt><MathText text="ratio ‖g_rul‖/‖g_health‖" /></dt><dd data-testid="gaba-ratio">{formatRatio(norms[0] / norms[1])}</dd></div>
        <div><dt><MathText text="raw λ_rul" /></dt><dd data-testid="gaba-raw-rul">{Number.isFinite(raw[0]) ? raw[0].toFixed(4) : '—'}</dd></div>
        <div><dt><MathText text="raw λ_health" /></dt><dd data-testid="gaba-raw-health">{Number.isFinite(raw[1]) ? raw[1].toFixed(4) : '—'}</dd></div>
        <div><dt><MathText text="used λ_rul" /></dt><dd className="ba-rul-text" data-testid="gaba-weight-rul">{fixed3(shown[0])}</dd></div>
        <div><dt><MathText text="used λ_health" /></dt><dd data-testid="gaba-weight-health">{fixed3(shown[1])}</dd></div>
        <div><dt>health share of the update</dt><dd data-testid="gaba-health-share">{Number.isFinite(norms[0] + norms[1]) ? `${(updateShares(shown, norms)[1] * 100).toFixed(1)}%` : '—'}</dd></div>
        <div><dt>floor balances ratios up to</dt><dd data-testid="gaba-balanced-ratio">{state.minWeight > 0 ? `${largestBalancedRatio(state.minWeight).toPrecision(3)}×` : 'any'}</dd></div>
      </dl>
      <LineChart
        title="Task weights used at each step"
        testId="gaba-trace"
        xDomain={[0, state.steps]}
        yDomain={[0, 1]}
        xLabel="training step"
        yLabel="weight"
        shade={state.warmupSteps > 0 ? [{ from: 0, to: state.warmupSteps, label: 'warm-up: 1/K' }] : []}
        rules={state.minWeight > 0 ? [{ y: state.minWeight, label: `floor ${state.minWeight.toFixed(3)}` }] : []}
        marks={live ? mergeNearbyChanges(lab.changes, state.steps / 40).map((change) => ({ x: change.step, label: describeChange(change) })) : []}
        series={[
          { id: 'rul', className: 'ba-rul', points: trace.map((p) => [p.step, p.weights[0]] as const) },
          { id: 'health', className: 'ba-health', points: trace.map((p) => [p.step, p.weights[1]] as const) },
        ]}
      />
      <div className="ba-legend"><span className="ba-rul"><MathText text="λ_rul" /></span><span className="ba-health"><MathText text="λ_health" /></span></div>
      <p className="ba-note">
        {live
          ? 'The norms are measured on the shared backbone of the toy network at every step; the weights are what GABA used for that step.'
          : `The trace feeds the same two norms to the core's GABA controller for ${state.steps} steps.`}
      </p>
      <ExportCsvButton
        fileName={`gaba-weights-${live ? 'live' : 'sliders'}.csv`}
        columns={['step', 'lambda_rul', 'lambda_health']}
        rows={() => trace.map((p) => [p.step, p.weights[0], p.weights[1]])}
      />
      <WidgetTools tools={tools} afterReset={lab.reset} />
    </div>
  );
}
