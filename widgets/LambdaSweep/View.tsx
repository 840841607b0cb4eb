/**
 * λ_rul sensitivity sweep: the published FD002/FD004 ablation, and a live sweep of the toy backbone
 * at seven weights in the training host (one stacked program, or on webgpu seven GPU-resident runs;
 * the status line says which, from the lab's paths), with progress, pause and cancel (which stops the
 * sweep and keeps the points it has).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTf } from '../../src/book/tf/TfProvider';
import { useLab } from '../../src/live/useLab';
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { RunPaths } from '../shared/RunPaths';
import { runPathSummary } from '../shared/run-path-summary';
import { LineChart } from '../shared/LineChart';
import { formatRate } from '../../src/live/step-rate';
import { NumberField } from '../shared/NumberField';
import { MAX_SEED } from '../shared/url-state';
import { useUrlState } from '../shared/useUrlState';
import { WidgetTools } from '../shared/WidgetTools';
import '../shared/widgets.css';
import { latestSweepPoints, PUBLISHED_ABLATION, SWEEP_SCHEMA, SWEEP_STEPS_PER_TICK, sweepLabConfig, sweepPhase } from './model';

export default function LambdaSweep({ id }: { readonly id: string }) {
  // A widget that can train starts the training host (and so TensorFlow.js) once it is near the viewport.
  useTf();
  const [state, update, tools] = useUrlState(id, SWEEP_SCHEMA);
  const [started, setStarted] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const config = useMemo(() => (started ? sweepLabConfig(state) : null), [started, state]);
  const lab = useLab(config, { visibleRef: container });
  const points = latestSweepPoints(lab.evaluations);
  const phase = sweepPhase(started, cancelled, lab.status);
  // Settings change a sweep only before it starts or once it stopped; they apply on "Run again".
  const locked = phase === 'starting' || phase === 'running' || phase === 'paused';
  const total = lab.config?.totalSteps ?? state.steps;
  const trainedAs = runPathSummary(lab.runPaths);
  const runAgain = (): void => {
    if (started) lab.reset();
    setCancelled(false);
    setStarted(true);
  };

  // The sweep starts as soon as its lab exists; a reset or a new config re-creates it idle.
  const { status, step, play, setSpeed } = lab;
  useEffect(() => {
    if (started && !cancelled && status === 'idle' && step === 0) {
      setSpeed(SWEEP_STEPS_PER_TICK);
      play();
    }
  }, [started, cancelled, status, step, play, setSpeed]);

  return (
    <div className="ba-widget" ref={container} data-widget="lambda-sweep">
      <div className="ba-widget-row">
        <div>
          <LineChart
            title="Published validation RMSE against λ_rul on FD002 and FD004"
            testId="sweep-published"
            width={420}
            xDomain={[0.45, 1.02]}
            yDomain={[0, 30]}
            xLabel="λ_rul"
            yLabel="RMSE (cycles)"
            series={[
              { id: 'fd002', className: 'ba-rul', points: PUBLISHED_ABLATION.map((p) => [p.lambda, p.fd002] as const), markers: true },
              { id: 'fd002-line', className: 'ba-rul ba-dashed', points: PUBLISHED_ABLATION.map((p) => [p.lambda, p.fd002] as const) },
              { id: 'fd004', className: 'ba-health', points: PUBLISHED_ABLATION.map((p) => [p.lambda, p.fd004] as const), markers: true },
              { id: 'fd004-line', className: 'ba-health ba-dashed', points: PUBLISHED_ABLATION.map((p) => [p.lambda, p.fd004] as const) },
            ]}
          />
          <div className="ba-legend"><span className="ba-rul">FD002 (published)</span><span className="ba-health">FD004 (published)</span></div>
        </div>
        <div>
          <LineChart
            title="Live sweep: validation RMSE of the toy backbone against λ_rul"
            testId="sweep-live-rmse"
            width={420}
            xDomain={[0, 1.02]}
            yDomain={[0, Math.max(60, ...points.map((p) => p.rmse * 1.1))]}
            xLabel="λ_rul"
            yLabel="validation RMSE (cycles)"
            series={[
              { id: 'rmse', className: 'ba-rul', points: points.map((p) => [p.lambda, p.rmse] as const) },
              { id: 'rmse-dots', className: 'ba-rul', points: points.map((p) => [p.lambda, p.rmse] as const), markers: true },
            ]}
          />
          <LineChart
            title="Live sweep: health accuracy against λ_rul"
            testId="sweep-live-accuracy"
            width={420}
            height={180}
            xDomain={[0, 1.02]}
            yDomain={[0, 1]}
            xLabel="λ_rul"
            yLabel="health accuracy"
            series={[
              { id: 'acc', className: 'ba-health', points: points.map((p) => [p.lambda, p.healthAccuracy] as const) },
              { id: 'acc-dots', className: 'ba-health', points: points.map((p) => [p.lambda, p.healthAccuracy] as const), markers: true },
            ]}
          />
        </div>
      </div>
      <div className="ba-live-controls">
        <NumberField label="Steps per run" value={state.steps} range={{ min: 100, max: 3000, integer: true }} disabled={locked}
          hint={locked ? 'Cancel the sweep to change it; it applies on Run again.' : undefined} testId="sweep-steps" onCommit={(steps) => update({ steps })} />
        <NumberField label="Seed" value={state.seed} range={{ min: 0, max: MAX_SEED, integer: true }} disabled={locked}
          hint={locked ? 'Cancel the sweep to change it; it applies on Run again.' : undefined} testId="sweep-seed" onCommit={(seed) => update({ seed })} />
        <label className="ba-inline-field">
          Data
          <select value={state.data} disabled={locked} onChange={(event) => update({ data: event.currentTarget.value === 'fleet' ? 'fleet' : 'toy' })}>
            <option value="toy">synthetic cycles (dense model)</option>
            <option value="fleet">synthetic fleet, C-MAPSS pipeline</option>
          </select>
        </label>
        {locked ? (
          <>
            <button type="button" data-testid="sweep-pause" disabled={phase === 'starting'} onClick={phase === 'running' ? lab.pause : lab.play}>
              {phase === 'paused' ? 'Resume' : 'Pause'}
            </button>
            <button type="button" data-testid="sweep-cancel" onClick={() => { lab.pause(); setCancelled(true); }}>Cancel</button>
          </>
        ) : (
          <button type="button" data-testid="sweep-start" onClick={runAgain}>{started ? 'Run again' : 'Start the sweep'}</button>
        )}
        <progress className="ba-progress" max={total} value={lab.step} aria-label="Sweep progress" data-testid="sweep-progress" />
        <span className="ba-step-counter" data-testid="sweep-status">
          {started ? `step ${lab.step} / ${total} of 7 runs${trainedAs ? `, ${trainedAs}` : ''} · ${phase}` : 'not started'}
          {lab.backend ? ` · ${lab.backend.name}` : ''}
          {lab.stepsPerSecond !== null ? ` · ${formatRate(lab.stepsPerSecond)}` : ''}
        </span>
        {phase === 'cancelled' && <p className="ba-note" data-testid="sweep-cancelled-note">Cancelled: the {points.length} points measured so far stay on the charts; Run again starts a new sweep.</p>}
        {lab.settingsPending && phase !== 'not started' && <p className="ba-pending" role="status">New settings apply on Run again; the points shown keep theirs.</p>}
        {lab.error && <p className="ba-error" role="alert">{lab.error}</p>}
      </div>
      {started && <RunPaths lab={lab} />}
      <p className="ba-note">
        Left: figures as published (FD002, FD004). Right: what the core measures here and now on synthetic data, every run
        starting from the same initial parameters and seeing the same batches; points update at each evaluation.
      </p>
      <ExportCsvButton
        fileName="lambda-sweep.csv"
        columns={['lambda_rul', 'step', 'validation_rmse', 'health_accuracy']}
        rows={() => points.map((p) => [p.lambda, p.step, p.rmse, p.healthAccuracy])}
      />
      <WidgetTools tools={tools} afterReset={() => { if (started) lab.reset(); setStarted(false); setCancelled(false); }} />
    </div>
  );
}
