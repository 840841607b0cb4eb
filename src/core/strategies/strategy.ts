/**
 * The one interface every loss-weighting method implements.
 *
 * A trainer step computes, on the device, the K per-task losses and the per-task gradients on the
 * shared backbone, and reads back only small summaries: the losses, the K×K Gramian of the shared
 * gradients and the per-task norms on the last shared layer. The strategy turns those into
 * coefficients; the trainer then applies Σ_k c_k g_k on the device. Methods that need only losses
 * ignore the Gramian.
 */

import type { TaskLossKind } from '../losses';

/** What the trainer measured at this step, before any update. */
export interface StepObservation {
  /** 1-based index of the step being taken. */
  readonly step: number;
  /** Per-task losses, task order. */
  readonly losses: readonly number[];
  /** K×K Gramian of the per-task gradients flattened over all shared tensors: G[i][j] = g_i·g_j. */
  readonly sharedGramian: readonly (readonly number[])[];
  /** Per-task gradient norms on the last shared layer's weight matrix only (GradNorm's W). */
  readonly lastLayerNorms: readonly number[];
}

/** How the trainer should combine the per-task gradients at this step. */
export interface StepPlan {
  /** Shared-parameter update direction = Σ_k sharedCoefficients[k]·g_k. */
  readonly sharedCoefficients: readonly number[];
  /** Head k's update direction = headCoefficients[k]·∇_{θ_k} L_k. */
  readonly headCoefficients: readonly number[];
  /** Task weights as the book shows them (normalised to sum to 1 where the method allows it). */
  readonly weights: readonly number[];
  /** PCGrad only: how many projections were made this step. */
  readonly projections?: number;
}

export type HyperValue = number | boolean | string | readonly number[];
export type Hyperparameters = Readonly<Record<string, HyperValue>>;

/** A weighting method with its own internal state. */
export interface WeightingStrategy<H extends Hyperparameters = Hyperparameters> {
  /** Its registry name (registry.ts derives the type of names from the registered definitions). */
  readonly name: string;
  /** Human-readable name, e.g. "GABA". */
  readonly label: string;
  readonly taskCount: number;
  readonly hyper: H;
  /** The loss each task is trained on. */
  readonly taskLosses: readonly TaskLossKind[];
  /** False when the method never reads the Gramian (the trainer may then skip computing it). */
  readonly usesGradients: boolean;
  /** Decide this step's coefficients and advance the internal state by one step. */
  plan(observation: StepObservation): StepPlan;
  /** The weights the next plan would start from (for display before the first step). */
  currentWeights(): number[];
  /** A JSON-safe snapshot of the internal state, for display and tests. */
  snapshot(): Readonly<Record<string, number | readonly number[]>>;
  /** Back to the freshly constructed state. */
  reset(): void;
  /**
   * Present on methods whose hyperparameters are read afresh at every step: the given fields take
   * effect from the next plan, the internal state (EMA, step counter) is kept. Throws, naming the
   * field, on a value the method cannot honour mid-run; nothing changes then.
   */
  retune?(hyper: Readonly<Record<string, unknown>>): void;
}
