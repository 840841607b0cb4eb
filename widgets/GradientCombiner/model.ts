/**
 * The two-vector gradient combiner: g_rul and g_health from one origin and the update the optimiser
 * follows, λ·g_rul + (1 − λ)·g_health. All arithmetic is the core's (combineVectors, updateShares,
 * planarGradients), the same functions the trainer's Gramian path relies on.
 */
import { combineVectors, planarGradients, updateShares } from '../../src/core/gramian';
import type { Tunables } from '../../src/live/tunables';
import type { LabChange, LabConfig, LabStepRecord, StrategySpec } from '../../src/live/types';
import { SEED_FIELD, type Schema } from '../shared/url-state';

export interface CombinerState {
  /** λ_rul; the health weight is 1 − λ. */
  readonly lambda: number;
  /** Angle of g_health from g_rul, degrees. */
  readonly angle: number;
  /** ‖g_rul‖ / ‖g_health‖ (log slider, 1× … 1000×). */
  readonly ratio: number;
  readonly mode: 'static' | 'live';
  readonly strategy: 'fixed' | 'gaba';
  readonly seed: number;
}

export const COMBINER_SCHEMA: Schema<CombinerState> = {
  lambda: { kind: 'number', min: 0, max: 1, fallback: 0.5 },
  angle: { kind: 'number', min: 0, max: 180, fallback: 60 },
  ratio: { kind: 'number', min: 1, max: 1000, fallback: 20 },
  mode: { kind: 'choice', options: ['static', 'live'], fallback: 'static' },
  strategy: { kind: 'choice', options: ['fixed', 'gaba'], fallback: 'fixed' },
  seed: SEED_FIELD,
};

export type Vec = readonly [number, number];

export interface CombinerPicture {
  readonly rul: Vec;
  readonly health: Vec;
  readonly combined: Vec;
  readonly weights: readonly [number, number];
  /** Share of each task's term in the combined update (sums to 1). */
  readonly shares: readonly number[];
  /** Angle between the combined update and g_rul, degrees; NaN when the update has no length (no direction). */
  readonly deviationFromRul: number;
  /** ‖combined‖ relative to λ‖g_rul‖ + (1 − λ)‖g_health‖ (1: aligned; near 0: the terms cancel). */
  readonly lengthKept: number;
  readonly ratio: number;
  readonly angle: number;
}

/**
 * An update shorter than this share of its two terms is their rounding error (float64 keeps about
 * 16 digits), so it is taken as exactly zero: no length and no direction, instead of 6e-15 and 90°.
 */
const CANCELLED = 1e-12;

function picture(rul: Vec, health: Vec, weights: readonly [number, number]): CombinerPicture {
  const norms = [Math.hypot(...rul), Math.hypot(...health)];
  const combinedVector = combineVectors(weights, [rul, health]);
  const termLengths = weights[0] * norms[0] + weights[1] * norms[1];
  const cancelled = Math.hypot(combinedVector[0], combinedVector[1]) <= CANCELLED * termLengths;
  const combined: Vec = cancelled ? [0, 0] : [combinedVector[0], combinedVector[1]];
  const combinedNorm = Math.hypot(...combined);
  return {
    rul,
    health,
    combined,
    weights,
    shares: updateShares(weights, norms),
    deviationFromRul: combinedNorm > 0 ? (Math.atan2(combined[1], combined[0]) * 180) / Math.PI : NaN,
    lengthKept: termLengths > 0 ? combinedNorm / termLengths : 0,
    ratio: norms[1] > 0 ? norms[0] / norms[1] : Infinity,
    angle: (Math.atan2(health[1], health[0]) * 180) / Math.PI,
  };
}

/** The slider picture: ‖g_health‖ = 1 and ‖g_rul‖ = ratio. */
export function staticPicture(state: CombinerState): CombinerPicture {
  const radians = (state.angle * Math.PI) / 180;
  const [rul, health] = planarGradients([state.ratio, 1], Math.cos(radians));
  return picture(rul, health, [state.lambda, 1 - state.lambda]);
}

/** The live picture: the real norms and cosine of the shared gradients, the weights the step used. */
export function livePicture(record: LabStepRecord): CombinerPicture {
  const [rul, health] = planarGradients([record.gradNorms[0], record.gradNorms[1]], record.cosine);
  return picture(rul, health, [record.weights[0], record.weights[1]]);
}

/** The live lab; a fixed λ is not part of it but a tunable (liveTunables), so dragging it keeps the run. */
export function liveLabConfig(state: CombinerState): LabConfig {
  const strategy: StrategySpec = state.strategy === 'gaba' ? { name: 'gaba', hyper: { warmupSteps: 20 } } : { name: 'fixed' };
  return {
    seed: state.seed,
    data: { kind: 'toy', seed: state.seed + 1 },
    runs: [{ id: 'run', label: state.strategy === 'gaba' ? 'GABA' : 'Fixed λ', strategy }],
    totalSteps: 1000,
  };
}

/** The slider's λ, taken by a running fixed-weight lab from its next step. */
export function liveTunables(state: CombinerState): Tunables | undefined {
  return state.strategy === 'fixed' ? { run: { weights: [state.lambda, 1 - state.lambda] } } : undefined;
}

/** "λ_rul 0.80 from step 121". */
export function describeLambdaChange(change: LabChange): string {
  const weights = change.hyper.weights;
  return Array.isArray(weights) ? `λ_rul ${weights[0].toFixed(2)} from step ${change.step}` : `changed at step ${change.step}`;
}
