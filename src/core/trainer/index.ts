/** The trainer's public surface: batches, the trainer itself, its step records and metrics. */
export {
  createBatchFromArrays,
  createPoolBatcher,
  disposeBatch,
  poolRowsForStep,
  type ArrayPool,
  type Batch,
  type PoolBatcher,
} from './batch';
export { activate, backboneForward, convolutionForward, forwardOutputs, headForward, replicaForward, temporalBackboneForward } from './forward';
export { perTaskGradients, type PendingStep } from './fused-step';
export type { PerTaskGradients } from './per-task-gradients';
export { findNonFinite, type Measurement } from './measurement';
export { createNetworkOptimiser, type NetworkOptimiser } from './optimiser';
export { scorePredictions, type PredictionMetrics } from './metrics';
export {
  createTrainer,
  type Evaluation,
  type GradientPath,
  type StepRecord,
  type Trainer,
  type TrainerOptions,
} from './trainer';
