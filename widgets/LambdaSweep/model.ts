/**
 * λ_rul sensitivity sweep: the published ablation next to a live sweep the reader starts, in which the
 * core trains the toy backbone at every λ from the same initial parameters on the same batches: as
 * one stacked program (src/core/sweep/batched-sweep.ts), or on webgpu, where that program is slow, as
 * seven GPU-resident runs (src/core/lab/lab-runs.ts decides).
 */
import type { LabConfig, LabEvaluation } from '../../src/live/types';
import { SEED_FIELD, type Schema } from '../shared/url-state';

/**
 * RMSE (cycles) published by the source book [GABA]: AMNL runs (weighted RUL loss) at the given λ_rul,
 * except 0.75, its older "V7" 0.75/0.25 baseline; λ_rul = 1 is single-task RUL.
 */
export const PUBLISHED_ABLATION: readonly { readonly lambda: number; readonly fd002: number; readonly fd004: number }[] = [
  { lambda: 0.5, fd002: 6.33, fd004: 7.3 },
  { lambda: 0.6, fd002: 6.88, fd004: 7.78 },
  { lambda: 0.75, fd002: 7.24, fd004: 8.14 },
  { lambda: 0.9, fd002: 8.59, fd004: 7.71 },
  { lambda: 1.0, fd002: 26.92, fd004: 28.27 },
];

/** The λ_rul values the live sweep trains: seven, from mostly-health to single-task RUL. */
export const SWEEP_LAMBDAS: readonly number[] = [0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0];

export interface SweepState {
  readonly steps: number;
  readonly seed: number;
  readonly data: 'toy' | 'fleet';
}

export const SWEEP_SCHEMA: Schema<SweepState> = {
  steps: { kind: 'number', min: 100, max: 3000, fallback: 600, integer: true },
  seed: SEED_FIELD,
  data: { kind: 'choice', options: ['toy', 'fleet'], fallback: 'toy' },
};

/**
 * Lab steps per host tick. The sweep draws only its evaluations, not every step, so it need not be
 * watchable step by step: 10 stacked steps take ~10 ms on wasm, and a 3,000-step sweep ~5 s.
 */
export const SWEEP_STEPS_PER_TICK = 10;

export const runIdFor = (lambda: number): string => `lambda-${lambda.toFixed(2)}`;

export function sweepLabConfig(state: SweepState): LabConfig {
  return {
    seed: state.seed,
    // Every run is fixed weights on the dense backbone: on cpu and wasm one stacked program trains them
    // all, ~5× faster than seven trainers (npm run bench:sweep); on webgpu the lab trains them on the
    // GPU-resident step instead, the faster path there.
    stacked: true,
    data: state.data === 'toy' ? { kind: 'toy', seed: state.seed + 1 } : { kind: 'syntheticFleet', seed: state.seed + 1 },
    runs: SWEEP_LAMBDAS.map((lambda) => ({
      id: runIdFor(lambda),
      label: `λ_rul = ${lambda}`,
      strategy: { name: 'fixed', hyper: { weights: [lambda, 1 - lambda] } },
    })),
    totalSteps: state.steps,
    evaluateEvery: Math.max(50, Math.round(state.steps / 6)),
  };
}

/** Where a sweep the reader started stands, as the status line and the buttons show it. */
export type SweepPhase = 'not started' | 'starting' | 'running' | 'paused' | 'cancelled' | 'done' | 'error';

export function sweepPhase(started: boolean, cancelled: boolean, status: string): SweepPhase {
  if (!started) return 'not started';
  if (status === 'error' || status === 'done') return status;
  if (cancelled) return 'cancelled';
  if (status === 'paused' || status === 'running') return status;
  return 'starting';
}

export interface SweepPoint {
  readonly lambda: number;
  readonly step: number;
  readonly rmse: number;
  readonly healthAccuracy: number;
}

/** The latest evaluation of every λ that has one, in λ order. */
export function latestSweepPoints(evaluations: readonly LabEvaluation[]): SweepPoint[] {
  return SWEEP_LAMBDAS.flatMap((lambda) => {
    const mine = evaluations.filter((e) => e.runId === runIdFor(lambda) && e.split === 'validation');
    const last = mine[mine.length - 1];
    return last ? [{ lambda, step: last.step, rmse: last.rmse, healthAccuracy: last.healthAccuracy }] : [];
  });
}
