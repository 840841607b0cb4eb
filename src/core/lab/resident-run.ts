/**
 * One lab run on the GPU-resident step (webgpu/resident-trainer.ts): it trains on the GPU from the
 * lab's shuffled pool by the pool's row rule, and keeps a copy of its parameters as ordinary model
 * variables, brought up to date before an evaluation, so validation, test and keepBest go through
 * the core's usual forward pass and best-parameter copies exactly as a fused run's do.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createModelParameters, disposeModelParameters, listVariables, type ExplicitParameters, type ModelConfig, type ModelParameters } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import { createStrategy, type StrategySpec } from '../strategies/index';
import type { ArrayPool, Batch } from '../trainer/batch';
import { forwardOutputs } from '../trainer/forward';
import type { StepRecord } from '../trainer/trainer';
import { createResidentTrainer, residentUnsupportedReason, type ResidentTrainer, type ResidentTrainerOptions } from '../webgpu/resident-trainer';
import { createTemporalResidentTrainer, temporalResidentUnsupportedReason } from '../webgpu/temporal-resident-trainer';
import { residentPlanFor } from '../webgpu/resident-plan';
import type { NonFiniteError } from '../errors';
import type { RunOutputs } from './types';

/** How a lab makes its resident trainers; tests on the cpu backend pass their own. */
export interface ResidentSupport {
  /** Why `model` at `batchSize` cannot train on the resident step here, or null when it can. */
  unsupportedReason(model: ModelConfig, batchSize: number): string | null;
  create(options: ResidentTrainerOptions): ResidentTrainer;
}

/** The WebGPU resident trainers: the temporal one for a temporal backbone, the dense one otherwise. */
export const WEBGPU_RESIDENT_SUPPORT: ResidentSupport = {
  unsupportedReason: (model, batchSize) => (model.temporal ? temporalResidentUnsupportedReason : residentUnsupportedReason)(model, batchSize),
  create: (options) => (options.model?.temporal ? createTemporalResidentTrainer : createResidentTrainer)(options),
};

/** Why this run cannot take the resident step, or null when it can. */
export function residentRunRefusal(support: ResidentSupport, model: ModelConfig, batchSize: number, strategy: StrategySpec, optimiser: OptimiserConfig): string | null {
  const unsupported = support.unsupportedReason(model, batchSize);
  if (unsupported !== null) return unsupported;
  const plan = residentPlanFor(createStrategy(strategy, { taskCount: model.headSizes.length, optimiser }), optimiser);
  return typeof plan === 'string' ? plan : null;
}

export interface ResidentRun {
  /** Take `count` steps; the records of the applied ones, and the failure that stopped the run, if any. */
  advance(count: number): Promise<{ records: StepRecord[]; failure: NonFiniteError | null }>;
  retune(hyper: Readonly<Record<string, unknown>>): void;
  /** Copy the GPU parameters into `parameters` if steps were taken since the last copy. */
  sync(): Promise<void>;
  /** The run's parameters as model variables (as of the last sync). */
  readonly parameters: ModelParameters;
  outputs(batch: Batch): Promise<RunOutputs>;
  dispose(): void;
}

export interface ResidentRunOptions {
  readonly model: ModelConfig;
  readonly initial: ExplicitParameters;
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly pool: ArrayPool;
  readonly batchSize: number;
}

const RING = 256;

export function createResidentRun(support: ResidentSupport, options: ResidentRunOptions): ResidentRun {
  const { model, initial } = options;
  const trainer = support.create({ ...options, parameters: { values: initial }, ringSize: RING });
  let parameters: ModelParameters;
  try {
    parameters = createModelParameters(model, { values: initial });
  } catch (error) {
    trainer.dispose();
    throw error;
  }
  let syncedAt = 0;
  return {
    parameters,
    async advance(count) {
      const records: StepRecord[] = [];
      // The ring holds RING records between readbacks; longer requests go in slices.
      for (let left = count; left > 0;) {
        const slice = Math.min(left, RING);
        trainer.enqueue(slice);
        const readout = await trainer.read();
        records.push(...readout.records);
        if (readout.failure) return { records, failure: readout.failure };
        left -= slice;
      }
      return { records, failure: null };
    },
    retune: (hyper) => trainer.retune(hyper),
    async sync() {
      if (syncedAt === trainer.enqueuedSteps) return;
      const values = await trainer.exportParameters();
      const flat = [...values.shared, ...values.heads];
      tf.tidy(() => {
        listVariables(parameters).forEach((variable, i) => {
          const layer = flat[Math.floor(i / 2)];
          variable.assign(i % 2 === 0 ? tf.tensor2d(layer.weight.flat(), [layer.weight.length, layer.bias.length]) : tf.tensor1d(layer.bias.slice()));
        });
      });
      syncedAt = trainer.enqueuedSteps;
    },
    async outputs(batch) {
      const packed = tf.tidy(() => tf.concat(forwardOutputs(parameters, batch.features).map((output) => tf.reshape(output, [-1]))));
      const data = (await packed.data()) as Float32Array;
      packed.dispose();
      const rows = batch.features.shape[0];
      return { rulPredictions: data.slice(0, rows), healthLogits: data.slice(rows, rows * (1 + model.headSizes[1])) };
    },
    dispose() {
      trainer.dispose();
      disposeModelParameters(parameters);
    },
  };
}
