/**
 * The trainer: owns a network's parameters and optimiser, takes steps exactly as
 * docs/step-semantics.md describes, and evaluates on a batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { cosineFromGramian, normsFromGramian } from '../gramian';
import {
  createModelParameters,
  DEFAULT_MODEL_CONFIG,
  disposeModelParameters,
  listVariables,
  type ModelConfig,
  type ModelParameters,
  type ParameterInit,
} from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createStrategy, type StrategySpec } from '../strategies/index';
import type { StepPlan, WeightingStrategy } from '../strategies/strategy';
import type { Batch } from './batch';
import { forwardOutputs, stackedTaskLosses } from './forward';
import { measureFused, type PendingStep } from './fused-step';
import { type Measurement, readMeasurement } from './measurement';
import { measureNaive } from './naive-step';
import { createNetworkOptimiser } from './optimiser';

/** How per-task gradients are computed: one pass for all tasks, or one pass each (tests, benchmarks). */
export type GradientPath = 'fused' | 'naive';

/** Options of {@link createTrainer}. */
export interface TrainerOptions {
  /** Network shape (default {@link DEFAULT_MODEL_CONFIG}). */
  readonly model?: ModelConfig;
  readonly parameters: ParameterInit;
  /**
   * The weighting method, as a spec the trainer builds with its own optimiser (so learnable-scalar
   * methods cannot be given a different one), or already built when it is not in the registry (a
   * test double). The trainer calls its `plan` once per step.
   */
  readonly strategy: StrategySpec | WeightingStrategy;
  /** The network's optimiser, also the one a spec'd strategy is built with. Default {@link DEFAULT_ADAM}. */
  readonly optimiser?: OptimiserConfig;
  /** Default 'fused'. */
  readonly path?: GradientPath;
}

/** What one step measured and decided (docs/step-semantics.md, "One step", item 7). */
export interface StepRecord {
  /** 1-based index of the step taken. */
  readonly step: number;
  /** Per-task losses before the update. */
  readonly losses: number[];
  /** ‖g_k‖ over all shared tensors, √diag(G). */
  readonly gradNorms: number[];
  /** cos(g_0, g_1); 0 when either norm is 0. */
  readonly cosine: number;
  /** Task weights as the book shows them. */
  readonly weights: number[];
  readonly sharedCoefficients: number[];
  readonly headCoefficients: number[];
  /** ‖∇_W L_k‖ on the last shared layer's weight matrix. */
  readonly lastLayerNorms: number[];
  /** PCGrad only: projections made this step. */
  readonly projections?: number;
}

/** The network's outputs and losses on one batch. */
export interface Evaluation {
  /** Per-task losses on the strategy's task losses. */
  readonly losses: number[];
  /** `[B]` RUL predictions in cycles. */
  readonly rulPredictions: Float32Array;
  /** `[B × 3]` row-major health logits. */
  readonly healthLogits: Float32Array;
  /** Outputs of tasks 2…K−1, `[B × C_k]` row-major each (none for the book's two tasks). */
  readonly extraOutputs: Float32Array[];
}

/** A network in training. Dispose it to release its variables and optimiser state. */
export interface Trainer {
  readonly parameters: ModelParameters;
  readonly strategy: WeightingStrategy;
  readonly optimiser: OptimiserConfig;
  readonly path: GradientPath;
  /** Steps taken so far (a step that threw does not count). */
  readonly stepCount: number;
  /** One training step on `batch` (which the caller still owns). Throws NonFiniteError, applying nothing. */
  step(batch: Batch): Promise<StepRecord>;
  evaluate(batch: Batch): Promise<Evaluation>;
  dispose(): void;
}

function toRecord(step: number, measurement: Measurement, plan: StepPlan): StepRecord {
  const { losses, gramian, lastLayerNorms } = measurement;
  const record: StepRecord = {
    step,
    losses,
    gradNorms: normsFromGramian(gramian),
    cosine: gramian.length > 1 ? cosineFromGramian(gramian) : 0,
    weights: plan.weights.slice(),
    sharedCoefficients: plan.sharedCoefficients.slice(),
    headCoefficients: plan.headCoefficients.slice(),
    lastLayerNorms,
  };
  return plan.projections === undefined ? record : { ...record, projections: plan.projections };
}

/** K tasks: RUL (task 0), health (task 1) and any further classification tasks, one head each. */
function checkOptions(config: ModelConfig, strategy: WeightingStrategy): void {
  if (config.headSizes.length < 2 || strategy.taskCount !== config.headSizes.length) {
    throw new Error(
      `the trainer needs one head per task and at least RUL and health; got ${config.headSizes.length} heads and a strategy for ${strategy.taskCount} tasks`,
    );
  }
  if (config.headSizes[0] !== 1) throw new Error(`the RUL head must have 1 output, got ${config.headSizes[0]}`);
}

/** Create a trainer with fresh parameters and optimiser state. */
export function createTrainer(options: TrainerOptions): Trainer {
  const config = options.model ?? DEFAULT_MODEL_CONFIG;
  const optimiserConfig = options.optimiser ?? DEFAULT_ADAM;
  const strategy = 'plan' in options.strategy
    ? options.strategy
    : createStrategy(options.strategy, { taskCount: config.headSizes.length, optimiser: optimiserConfig });
  checkOptions(config, strategy);
  const path = options.path ?? 'fused';
  const parameters = createModelParameters(config, options.parameters);
  const variables = listVariables(parameters);
  const optimiser = createNetworkOptimiser(optimiserConfig, variables);
  const taskCount = strategy.taskCount;
  let stepCount = 0;
  let busy = false;
  let disposed = false;

  const takeStep = async (batch: Batch): Promise<StepRecord> => {
    const step = stepCount + 1;
    // #region listing:train-step
    const pending: PendingStep =
      path === 'fused' ? measureFused(parameters, batch, strategy.taskLosses) : measureNaive(parameters, batch, strategy.taskLosses);
    try {
      // The only readback of the step: losses, Gramian and last-layer norms, checked before any update.
      const measured = await readMeasurement(pending.packed, taskCount, step);
      const plan = strategy.plan({
        step,
        losses: measured.losses,
        sharedGramian: measured.gramian,
        lastLayerNorms: measured.lastLayerNorms,
      });
      // Shared: Σ_k c_k g_k; head k: h_k ∇_{θ_k} L_k, in one flat vector the optimiser treats as the gradient.
      const direction = pending.direction(plan);
      optimiser.apply(direction);
      direction.dispose();
      stepCount = step;
      return toRecord(step, measured, plan);
    } finally {
      pending.release();
    }
    // #endregion listing:train-step
  };

  const evaluate = async (batch: Batch): Promise<Evaluation> => {
    const packed = tf.tidy(() => {
      const outputs = forwardOutputs(parameters, batch.features);
      const losses = stackedTaskLosses(outputs, strategy.taskLosses, batch);
      return tf.concat([losses, ...outputs.map((output) => tf.reshape(output, [-1]))]);
    });
    const data = (await packed.data()) as Float32Array;
    packed.dispose();
    const rows = batch.features.shape[0];
    // Outputs follow the losses, head by head: RUL [B], health [B × 3], then the extra tasks.
    const ends = config.headSizes.reduce<number[]>((acc, size) => [...acc, acc[acc.length - 1] + rows * size], [taskCount]);
    const outputs = config.headSizes.map((_, k) => data.slice(ends[k], ends[k + 1]));
    return {
      losses: Array.from(data.subarray(0, taskCount)),
      rulPredictions: outputs[0],
      healthLogits: outputs[1],
      extraOutputs: outputs.slice(2),
    };
  };

  const guard = (): void => {
    if (disposed) throw new Error('this trainer has been disposed');
    if (busy) throw new Error('a step is already running on this trainer; await it first');
  };

  return {
    parameters,
    strategy,
    optimiser: optimiserConfig,
    path,
    get stepCount() {
      return stepCount;
    },
    step: async (batch) => {
      guard();
      busy = true;
      try {
        return await takeStep(batch);
      } finally {
        busy = false;
      }
    },
    evaluate: (batch) => {
      guard();
      return evaluate(batch);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      disposeModelParameters(parameters);
      optimiser.dispose();
    },
  };
}
