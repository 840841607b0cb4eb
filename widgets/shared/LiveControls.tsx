/** Play / pause / step / reset, speed, seed and the step counter of a live-training widget. */
import type { LabHandle } from '../../src/live/types';

export interface LiveControlsProps {
  readonly lab: LabHandle;
  readonly seed: number;
  readonly onSeedChange: (seed: number) => void;
  readonly totalSteps?: number;
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
      <label className="ba-inline-field">
        Seed
        <input
          type="number"
          min={0}
          max={1_000_000}
          value={seed}
          data-testid="live-seed"
          onChange={(event) => {
            const value = Math.round(Number(event.currentTarget.value));
            if (Number.isFinite(value)) onSeedChange(Math.min(1_000_000, Math.max(0, value)));
          }}
        />
      </label>
      <span className="ba-step-counter" aria-live="polite" data-testid="live-step-count">
        step {lab.step}{totalSteps ? ` / ${totalSteps}` : ''} · {busy ? 'loading TensorFlow.js…' : lab.status}
        {lab.backend ? ` · ${lab.backend.name} (${lab.backend.host === 'worker' ? 'in a Worker' : 'main thread'})` : ''}
      </span>
      {lab.error && <p className="ba-error" role="alert">{lab.error}</p>}
    </div>
  );
}
