/** The trainer's public surface: batches, the trainer itself and its step records (scores live in data/metrics). */
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
export { perTaskGradients, type PendingStep, type PerTaskGradients } from './fused-step';
export { findNonFinite, type Measurement } from './measurement';
export { createNetworkOptimiser, type NetworkOptimiser } from './optimiser';
export {
  createTrainer,
  type Evaluation,
  type GradientPath,
  type StepRecord,
  type Trainer,
  type TrainerOptions,
} from './trainer';
