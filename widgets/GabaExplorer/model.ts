/**
 * The GABA weight explorer's state and the numbers it shows. Every number comes from the core's own
 * GABA controller (the code that trains): the sliders' norms are fed to it step after step.
 */
import { createGabaController, gabaRawWeights } from '../../src/core/strategies/gaba-controller';
import type { LabChange, LabConfig } from '../../src/live/types';
import type { Tunables } from '../../src/live/tunables';
import { SEED_FIELD, type Schema } from '../shared/url-state';

export interface GabaExplorerState {
  /** ‖g_rul‖ on the shared backbone (slider, log scale). */
  readonly normRul: number;
  readonly normHealth: number;
  readonly beta: number;
  readonly warmupSteps: number;
  readonly minWeight: number;
  /** Length of the trace. */
  readonly steps: number;
  readonly mode: 'static' | 'live';
  readonly seed: number;
}

export const NORM_RANGE = { min: 1e-3, max: 1e2 } as const;

export const GABA_EXPLORER_SCHEMA: Schema<GabaExplorerState> = {
  normRul: { kind: 'number', ...NORM_RANGE, fallback: 5 },
  normHealth: { kind: 'number', ...NORM_RANGE, fallback: 0.01 },
  beta: { kind: 'number', min: 0, max: 0.999, fallback: 0.99 },
  warmupSteps: { kind: 'number', min: 0, max: 200, fallback: 100, integer: true },
  minWeight: { kind: 'number', min: 0, max: 0.5, fallback: 0.05 },
  steps: { kind: 'number', min: 200, max: 2000, fallback: 400, integer: true },
  mode: { kind: 'choice', options: ['static', 'live'], fallback: 'static' },
  seed: SEED_FIELD,
};

/** One step of the weight trace. */
export interface TracePoint {
  readonly step: number;
  readonly weights: readonly number[];
  readonly ema: readonly number[];
}

export interface ExplorerNumbers {
  /** Eq. 4's raw weights for the sliders' norms. */
  readonly raw: readonly number[];
  /** The controller's weights after each of `steps` steps with those norms. */
  readonly trace: readonly TracePoint[];
  readonly finalWeights: readonly number[];
}

/** Runs a fresh controller for `steps` steps at constant norms (cheap: a few thousand additions). */
export function computeExplorer(state: GabaExplorerState): ExplorerNumbers {
  const norms = [state.normRul, state.normHealth];
  const controller = createGabaController({
    taskCount: 2,
    beta: state.beta,
    warmupSteps: state.warmupSteps,
    minWeight: state.minWeight,
  });
  const trace: TracePoint[] = [];
  for (let step = 1; step <= state.steps; step += 1) {
    const update = controller.update(norms);
    trace.push({ step, weights: update.weights, ema: update.ema });
  }
  return { raw: gabaRawWeights(norms), trace, finalWeights: trace[trace.length - 1].weights };
}

/**
 * The lab the Live mode trains: the toy backbone with GABA. Its stabilisers are not part of it: they
 * are tunables (liveTunables), so moving a slider mid-run changes the next step, not the run.
 */
export function liveLabConfig(state: GabaExplorerState): LabConfig {
  return {
    seed: state.seed,
    data: { kind: 'toy', seed: state.seed + 1 },
    runs: [{ id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } }],
    totalSteps: state.steps,
  };
}

/** The warm-up can change only while it lasts: once a run is past it, a new warm-up needs a new run. */
export const warmupLocked = (state: Pick<GabaExplorerState, 'warmupSteps'>, step: number): boolean => step > 0 && step >= state.warmupSteps;

/** The sliders' stabilisers, applied to the running lab at its next step (the warm-up slider locks once past it). */
export function liveTunables(state: GabaExplorerState): Tunables {
  return { gaba: { beta: state.beta, minWeight: state.minWeight, warmupSteps: state.warmupSteps } };
}

/** A chart label for a mid-run change: "β 0.900, floor 0.100". */
export function describeChange(change: LabChange): string {
  const parts: string[] = [];
  const { beta, minWeight, warmupSteps } = change.hyper;
  if (typeof beta === 'number') parts.push(`β ${beta.toFixed(3)}`);
  if (typeof minWeight === 'number') parts.push(`floor ${minWeight.toFixed(3)}`);
  if (typeof warmupSteps === 'number') parts.push(`warm-up ${warmupSteps}`);
  return parts.join(', ');
}
