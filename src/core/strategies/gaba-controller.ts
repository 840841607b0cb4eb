/**
 * GABA's weight controller on plain numbers: gradient norms in, task weights out. The training
 * strategy (gaba.ts) and the book's weight-explorer widget both drive this one implementation.
 */
import { normaliseToSum, uniformWeights } from './common';
import { resolveHyper, type HyperSchema } from './hyper-schema';

/** GABA's stabilisers. */
export interface GabaHyper {
  /** EMA decay in [0, 1): 0.99 keeps about the last 100 raw weights. */
  readonly beta: number;
  /** Steps at the start that use 1/K and leave the EMA untouched. */
  readonly warmupSteps: number;
  /** Floor applied to each EMA weight before renormalising; at most 1/K. */
  readonly minWeight: number;
  /** Added to the norm sum (eq. 4) or to each norm (inverse-norm rule) against division by zero. */
  readonly epsilon: number;
}

/** The published defaults: β 0.99, warm-up 100, floor 0.05, ε 1e-12. */
export const DEFAULT_GABA_HYPER: GabaHyper = Object.freeze({
  beta: 0.99,
  warmupSteps: 100,
  minWeight: 0.05,
  epsilon: 1e-12,
});

/** 'paper': eq. 4, λ_k = (S − ‖g_k‖)/((K − 1)S). 'inverseNorm': λ_k ∝ 1/‖g_k‖. Equal for K = 2. */
export type GabaRule = 'paper' | 'inverseNorm';

/** What one controller update produced. */
export interface GabaUpdate {
  /** The controller's step counter after this update (1 after the first update). */
  readonly step: number;
  /** This update's raw weights from the norms. */
  readonly raw: readonly number[];
  /** The EMA after this update (unchanged during warm-up; never clamped). */
  readonly ema: readonly number[];
  /** The weights to use: 1/K during warm-up, else max(ema, minWeight) renormalised to sum 1. */
  readonly weights: readonly number[];
  readonly inWarmup: boolean;
}

/** A stateful GABA controller. */
export interface GabaController {
  readonly taskCount: number;
  readonly hyper: GabaHyper;
  readonly rule: GabaRule;
  /** Count one step, fold the raw weights of these norms into the EMA (after warm-up), return weights. */
  update(norms: readonly number[]): GabaUpdate;
  /** The weights of the latest update (1/K before the first). */
  currentWeights(): number[];
  /** Back to step 0 with the EMA at 1/K. */
  reset(): void;
  /**
   * New stabilisers from the next update on, the EMA and step counter kept. β and the floor can
   * change at any time; the warm-up only while it lasts, since a warm-up restarted after the EMA has
   * begun would mean a different run. Throws (naming the field) and changes nothing otherwise.
   */
  retune(changes: Partial<GabaHyper>): void;
  snapshot(): { step: number; ema: number[]; weights: number[] };
}

/** Options of createGabaController: any subset of the hyperparameters, the task count, the rule. */
export type GabaControllerOptions = Partial<GabaHyper> & { taskCount?: number; rule?: GabaRule };
// #region listing:gaba-raw-weights

/**
 * The paper's eq. 4 for K tasks: λ_k = (S − ‖g_k‖) / ((K − 1)·S), S = Σ_j ‖g_j‖ + ε. The weights sum
 * to 1 (up to ε), are ≥ 0, are 1/K for equal norms and fall as a task's norm grows.
 */
export function gabaRawWeights(norms: readonly number[], epsilon = DEFAULT_GABA_HYPER.epsilon): number[] {
  const taskCount = norms.length;
  if (taskCount === 1) return [1];
  const total = norms.reduce((sum, n) => sum + n, 0) + epsilon;
  if (!(total > 0)) return uniformWeights(taskCount);
  return norms.map((n) => (total - n) / ((taskCount - 1) * total));
}
// #endregion listing:gaba-raw-weights

/** λ_k = (1/(‖g_k‖ + ε)) / Σ_j 1/(‖g_j‖ + ε): makes every λ_k‖g_k‖ equal, for any K. */
export function inverseNormWeights(norms: readonly number[], epsilon = DEFAULT_GABA_HYPER.epsilon): number[] {
  if (norms.some((n) => n + epsilon === 0)) {
    // Only reachable with ε = 0: the zero-norm tasks share everything.
    return normaliseToSum(norms.map((n) => (n + epsilon === 0 ? 1 : 0)));
  }
  return normaliseToSum(norms.map((n) => 1 / (n + epsilon)));
}

/** K = 2 closed form of eq. 4: [λ_rul, λ_health] = [‖g_health‖, ‖g_rul‖] / S, S = ‖g_rul‖ + ‖g_health‖ + ε. */
export function gabaClosedFormK2(
  normRul: number,
  normHealth: number,
  epsilon = DEFAULT_GABA_HYPER.epsilon,
): [number, number] {
  const total = normRul + normHealth + epsilon;
  if (!(total > 0)) return [0.5, 0.5];
  return [normHealth / total, normRul / total];
}

/** max(ema_k, floor) renormalised to sum 1. */
export function flooredWeights(ema: readonly number[], minWeight: number): number[] {
  return normaliseToSum(ema.map((e) => Math.max(e, minWeight)));
}

/** GABA's hyperparameters, shared by gaba, gabaInverseNorm and grace (gaba.ts). */
export const GABA_SCHEMA: HyperSchema = {
  fields: {
    beta: { kind: 'number', min: 0, max: 1, maxOpen: true },
    warmupSteps: { kind: 'number', integer: true, min: 0 },
    minWeight: { kind: 'number', min: 0 },
    epsilon: { kind: 'number', min: 0 },
  },
  defaults: () => ({ ...DEFAULT_GABA_HYPER }),
};

/** Throws (naming the field) on out-of-range hyperparameters; the same checks as the registry's. */
/**
 * The largest norm ratio ‖g_0‖/‖g_1‖ whose terms GABA's floored weights can still make equal, for two
 * tasks: a floored weight is m/(m + ē) against ē/(m + ē) with ē ≤ 1, so the weights are at most 1/m
 * apart (20× for m = 0.05). Above it the loud task keeps the larger term however far the EMA moves.
 */
export function largestBalancedRatio(minWeight: number): number {
  return minWeight > 0 ? 1 / minWeight : Infinity;
}

export function createGabaController(options: GabaControllerOptions = {}): GabaController {
  const { taskCount = 2, rule = 'paper', ...given } = options;
  if (!Number.isInteger(taskCount) || taskCount < 1) throw new Error(`taskCount must be an integer >= 1, got ${taskCount}`);
  let hyper: GabaHyper = Object.freeze({
    beta: given.beta ?? DEFAULT_GABA_HYPER.beta,
    warmupSteps: given.warmupSteps ?? DEFAULT_GABA_HYPER.warmupSteps,
    minWeight: given.minWeight ?? DEFAULT_GABA_HYPER.minWeight,
    epsilon: given.epsilon ?? DEFAULT_GABA_HYPER.epsilon,
  });
  resolveHyper('gaba', GABA_SCHEMA, hyper, taskCount);
  const rawRule = rule === 'paper' ? gabaRawWeights : inverseNormWeights;
  let step = 0;
  let ema = uniformWeights(taskCount);
  let weights = uniformWeights(taskCount);

  return {
    taskCount,
    get hyper() {
      return hyper;
    },
    rule,
    // #region listing:gaba-update
    update(norms) {
      if (norms.length !== taskCount) throw new Error(`expected ${taskCount} norms, got ${norms.length}`);
      // The counter moves first, so warm-up 100 means steps 1..100 use 1/K.
      step += 1;
      const raw = rawRule(norms, hyper.epsilon);
      const inWarmup = step <= hyper.warmupSteps;
      if (inWarmup) {
        weights = uniformWeights(taskCount);
      } else {
        ema = ema.map((e, k) => hyper.beta * e + (1 - hyper.beta) * raw[k]);
        weights = flooredWeights(ema, hyper.minWeight);
      }
      return { step, raw, ema: ema.slice(), weights: weights.slice(), inWarmup };
    },
    // #endregion listing:gaba-update
    currentWeights: () => weights.slice(),
    reset() {
      step = 0;
      ema = uniformWeights(taskCount);
      weights = uniformWeights(taskCount);
    },
    snapshot: () => ({ step, ema: ema.slice(), weights: weights.slice() }),
    retune(changes) {
      const next: GabaHyper = Object.freeze({ ...hyper, ...changes });
      resolveHyper('gaba', GABA_SCHEMA, next, taskCount);
      if (next.warmupSteps !== hyper.warmupSteps && step >= hyper.warmupSteps && step > 0) {
        throw new Error(`warmupSteps can change only during the warm-up; it ended at step ${hyper.warmupSteps} (now ${step}), so a new warm-up needs a new run`);
      }
      hyper = next;
    },
  };
}
