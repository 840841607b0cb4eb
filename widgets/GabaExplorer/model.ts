/**
 * The GABA weight explorer's state and the numbers it shows. Every number comes from the core's own
 * GABA controller (the code that trains): the sliders' norms are fed to it step after step.
 */
import { createGabaController, gabaRawWeights } from '../../src/core/strategies/gaba-controller';
import type { LabConfig } from '../../src/live/types';
import type { Schema } from '../shared/url-state';

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
  seed: { kind: 'number', min: 0, max: 1_000_000, fallback: 0, integer: true },
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

/** The lab the Live mode trains: the toy backbone with GABA at the sliders' stabiliser settings. */
export function liveLabConfig(state: GabaExplorerState): LabConfig {
  return {
    seed: state.seed,
    data: { kind: 'toy' as const, seed: state.seed + 1 },
    runs: [{
      id: 'gaba',
      label: 'GABA',
      strategy: { name: 'gaba', hyper: { beta: state.beta, warmupSteps: state.warmupSteps, minWeight: state.minWeight } },
    }],
    totalSteps: state.steps,
  };
}
