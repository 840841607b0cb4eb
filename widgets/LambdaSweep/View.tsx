/**
 * λ_rul sensitivity sweep: the published FD002/FD004 ablation, and a live sweep of the toy backbone
 * at seven weights trained as one stacked program in the training host, with progress and cancel.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTf } from '../../src/book/tf/TfProvider';
import { useLab } from '../../src/live/useLab';
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { LineChart } from '../shared/LineChart';
import { useUrlState } from '../shared/useUrlState';
import '../shared/widgets.css';
import { latestSweepPoints, PUBLISHED_ABLATION, SWEEP_SCHEMA, SWEEP_STEPS_PER_TICK, sweepLabConfig } from './model';

export default function LambdaSweep({ id }: { readonly id: string }) {
  // A widget that can train starts the training host (and so TensorFlow.js) once it is near the viewport.
  useTf();
  const [state, update] = useUrlState(id, SWEEP_SCHEMA);
  const [started, setStarted] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const config = useMemo(() => (started ? sweepLabConfig(state) : null), [started, state]);
  const lab = useLab(config, { visibleRef: container });
  const points = latestSweepPoints(lab.evaluations);
  const running = lab.status === 'running' || lab.status === 'starting';

  // The sweep starts as soon as its lab exists; a reset or a new config re-creates it idle.
  const { status, step, play, setSpeed } = lab;
  useEffect(() => {
    if (started && status === 'idle' && step === 0) {
      setSpeed(SWEEP_STEPS_PER_TICK);
      play();
    }
  }, [started, status, step, play, setSpeed]);

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
        <label className="ba-inline-field">
          Steps per run
          <input type="number" min={100} max={3000} step={100} value={state.steps} disabled={running}
            onChange={(event) => update({ steps: Math.min(3000, Math.max(100, Math.round(Number(event.currentTarget.value) || 600))) })} />
        </label>
        <label className="ba-inline-field">
          Seed
          <input type="number" min={0} value={state.seed} disabled={running}
            onChange={(event) => update({ seed: Math.max(0, Math.round(Number(event.currentTarget.value) || 0)) })} />
        </label>
        <label className="ba-inline-field">
          Data
          <select value={state.data} disabled={running} onChange={(event) => update({ data: event.currentTarget.value === 'fleet' ? 'fleet' : 'toy' })}>
            <option value="toy">synthetic cycles (dense model)</option>
            <option value="fleet">synthetic fleet, C-MAPSS pipeline</option>
          </select>
        </label>
        {!started || lab.status === 'done' || lab.status === 'error' ? (
          <button type="button" data-testid="sweep-start" onClick={() => { if (started) lab.reset(); setStarted(true); }}>
            {started ? 'Run again' : 'Start the sweep'}
          </button>
        ) : (
          <button type="button" data-testid="sweep-cancel" onClick={() => setStarted(false)}>Cancel</button>
        )}
        <progress className="ba-progress" max={state.steps} value={lab.step} aria-label="Sweep progress" data-testid="sweep-progress" />
        <span className="ba-step-counter" data-testid="sweep-status">
          {started ? `step ${lab.step} / ${state.steps} of 7 runs, stacked · ${lab.status}` : 'not started'}
          {lab.backend ? ` · ${lab.backend.name}` : ''}
        </span>
        {lab.error && <p className="ba-error" role="alert">{lab.error}</p>}
      </div>
      <p className="ba-note">
        Left: figures as published (FD002, FD004). Right: what the core measures here and now on synthetic data, every run
        starting from the same initial parameters and seeing the same batches; points update at each evaluation.
      </p>
      <ExportCsvButton
        fileName="lambda-sweep.csv"
        columns={['lambda_rul', 'step', 'validation_rmse', 'health_accuracy']}
        rows={() => points.map((p) => [p.lambda, p.step, p.rmse, p.healthAccuracy])}
      />
    </div>
  );
}
