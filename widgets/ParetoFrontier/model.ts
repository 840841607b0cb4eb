/**
 * Pareto frontier slider: two task losses on two shared parameters (the core's quadratic pair). The
 * frontier, the optimum of each weighted sum and the descent paths under a fixed λ and under GABA are
 * all computed by the core, exactly and at once, so a drag recomputes the whole picture.
 */
import {
  createDefaultQuadraticPair,
  descendFixed,
  descendGaba,
  paretoFrontier,
  weightedOptimum,
  type FrontierPoint,
  type PathPoint,
} from '../../src/core/toy-problems/quadratic-pair';
import type { Schema } from '../shared/url-state';

export interface ParetoState {
  /** λ on the RUL-like task. */
  readonly lambda: number;
  /** How much louder the RUL-like loss is (log slider). */
  readonly scale: number;
  readonly mode: 'frontier' | 'gaba';
  readonly warmupSteps: number;
  readonly beta: number;
  /** GABA's floor m (its minimum weight before renormalising). */
  readonly minWeight: number;
  /** Which step of the descent paths to mark (the slider is the time axis). */
  readonly step: number;
}

export const PATH_STEPS = 600;

export const PARETO_SCHEMA: Schema<ParetoState> = {
  lambda: { kind: 'number', min: 0, max: 1, fallback: 0.5 },
  scale: { kind: 'number', min: 1, max: 1000, fallback: 1 },
  mode: { kind: 'choice', options: ['frontier', 'gaba'], fallback: 'frontier' },
  warmupSteps: { kind: 'number', min: 0, max: 200, fallback: 20, integer: true },
  beta: { kind: 'number', min: 0, max: 0.999, fallback: 0.9 },
  minWeight: { kind: 'number', min: 0, max: 0.5, fallback: 0.05 },
  step: { kind: 'number', min: 1, max: PATH_STEPS, fallback: PATH_STEPS, integer: true },
};

/** Where both paths start: far from both optima, so the path has somewhere to go. */
export const PATH_START = [-1.2, -1.4] as const;

export interface FrontierPicture {
  readonly frontier: readonly FrontierPoint[];
  readonly optimum: FrontierPoint;
  /** Tangent segment at the optimum: its slope is −λ/(1−λ) in (L_rul, L_health) space. */
  readonly tangent: readonly [readonly [number, number], readonly [number, number]] | null;
}

export function computeFrontier(state: ParetoState): FrontierPicture {
  const pair = createDefaultQuadraticPair(state.scale);
  const frontier = paretoFrontier(pair, 121);
  const optimum = weightedOptimum(pair, state.lambda);
  const [l0, l1] = optimum.losses;
  const maxL0 = Math.max(...frontier.map((p) => p.losses[0]));
  const maxL1 = Math.max(...frontier.map((p) => p.losses[1]));
  const slope = -optimum.exchangeRate;
  // Half-length chosen so the segment looks the same length on screen whatever the slope and scale.
  const half = 0.12 / Math.hypot(1 / maxL0, slope / maxL1);
  const tangent = Number.isFinite(slope) && state.lambda > 0
    ? ([[l0 - half, l1 - slope * half], [l0 + half, l1 + slope * half]] as const)
    : null;
  return { frontier, optimum, tangent };
}

export interface PathsPicture {
  readonly gaba: readonly PathPoint[];
  readonly fixed: readonly PathPoint[];
}

/** Both descents from the same start, same step rule; only the weights differ. */
export function computePaths(state: ParetoState): PathsPicture {
  const pair = createDefaultQuadraticPair(state.scale);
  const options = { start: PATH_START, steps: PATH_STEPS, stepFraction: 0.05 };
  return {
    gaba: descendGaba(pair, options, { warmupSteps: state.warmupSteps, beta: state.beta, minWeight: state.minWeight }),
    fixed: descendFixed(pair, state.lambda, options),
  };
}
