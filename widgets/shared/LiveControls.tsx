/** Play / pause / step / reset, speed, seed and the status line of a live-training widget. */
import { formatRate } from '../../src/live/step-rate';
import type { LabHandle } from '../../src/live/types';
import { NumberField } from './NumberField';
import { RunPaths } from './RunPaths';
import { MAX_SEED } from './url-state';

export interface LiveControlsProps {
  readonly lab: LabHandle;
  readonly seed: number;
  readonly onSeedChange: (seed: number) => void;
  readonly totalSteps?: number;
}

/** What the host is doing: TensorFlow.js is loading only until the host has chosen a backend. */
export function statusWord(lab: Pick<LabHandle, 'status' | 'backend'>): string {
  if (lab.status !== 'starting') return lab.status;
  return lab.backend ? 'preparing the run…' : 'loading TensorFlow.js…';
}

export function LiveControls({ lab, seed, onSeedChange, totalSteps }: LiveControlsProps) {
  const running = lab.status === 'running';
  const busy = lab.status === 'starting';
  const finished = lab.status === 'done';
  return (
    <div className="ba-live-controls" role="group" aria-label="Live training controls">
      <button type="button" onClick={running ? lab.pause : lab.play} disabled={busy || finished || lab.status === 'error'} data-testid="live-play">
        {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={lab.stepOnce} disabled={busy || running || finished} data-testid="live-step">Step</button>
      <button type="button" onClick={lab.reset} data-testid="live-reset">Reset</button>
      <label className="ba-inline-field">
        Speed
        <select value={lab.speed} onChange={(event) => lab.setSpeed(Number(event.currentTarget.value))} data-testid="live-speed">
          {[1, 2, 5, 10, 25, 50].map((speed) => <option key={speed} value={speed}>{speed} {speed === 1 ? 'step' : 'steps'}/frame</option>)}
        </select>
      </label>
      <NumberField
        label="Seed"
        value={seed}
        range={{ min: 0, max: MAX_SEED, integer: true }}
        onCommit={onSeedChange}
        disabled={running || busy}
        hint={running || busy ? 'The seed picks the initial weights and batches: pause to change it; it applies on Reset.' : lab.step > 0 ? 'A new seed applies on Reset.' : undefined}
        testId="live-seed"
      />
      <span className="ba-step-counter" aria-live="polite" data-testid="live-step-count">
        step {lab.step}{totalSteps ? ` / ${totalSteps}` : ''} · {statusWord(lab)}
        {lab.backend ? ` · ${lab.backend.name} (${lab.backend.host === 'worker' ? 'in a Worker' : 'main thread'})` : ''}
        {lab.stepsPerSecond !== null ? ` · ${formatRate(lab.stepsPerSecond)}` : ''}
      </span>
      <RunPaths lab={lab} />
      {lab.settingsPending && <p className="ba-pending" role="status" data-testid="live-pending">New settings apply on Reset; the run shown keeps its own.</p>}
      {lab.error && <p className="ba-error" role="alert">{lab.error}</p>}
    </div>
  );
}
