/**
 * The GPU-resident trainer for the dense toy network on the WebGPU backend. Parameters, Adam's
 * moments, the strategy's state and a ring of step records live in one WebGPU tensor; the pool
 * lives in two more. `enqueue(k)` submits k whole steps as one dispatch of the step program
 * (resident-shader.ts) and uploads nothing; `read()` brings the new records back in one round trip
 * (resident-host.ts, shared with the temporal trainer). A step that meets a NaN or ±∞ applies nothing
 * and raises a sticky flag; every later step applies nothing either, and `read()` reports the
 * NonFiniteError with the parameters as before that step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from '../model';
import { CLASSES, FEATURES, WIDTH, stateLayout } from './resident-layout';
import { createResidentHost, type ResidentTrainer, type ResidentTrainerOptions } from './resident-host';
import { initialState, prepareResident, sourceKey } from './resident-setup';
import { residentStepSource } from './resident-shader';
import { laneColumnsFor } from './resident-passes';
import type { WebGPUBackendLike, WebGPUProgramLike } from './webgpu-program';

export type { ResidentReadout, ResidentTrainer, ResidentTrainerOptions } from './resident-host';

/** Why this configuration cannot train on the resident path, or null when it can. */
export function residentUnsupportedReason(model: ModelConfig, batchSize: number): string | null {
  const dense = DEFAULT_MODEL_CONFIG;
  const same = model.temporal === undefined && model.inputSize === FEATURES && model.activation === 'relu'
    && model.hidden.length === 2 && model.hidden.every((width) => width === WIDTH)
    && model.headSizes.length === 2 && model.headSizes[0] === dense.headSizes[0] && model.headSizes[1] === CLASSES;
  if (!same) return 'the GPU-resident step is written for the dense 14 → 32 → 32 ReLU network with heads 1 and 3';
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 256) return `the GPU-resident step takes batches of 1 to 256 rows, got ${batchSize}`;
  if (tf.getBackend() !== 'webgpu') return `the GPU-resident step needs the webgpu backend, not ${tf.getBackend()}`;
  return null;
}

/** Build a resident trainer; throws with the reason when the model, batch, strategy or backend does not fit. */
export function createResidentTrainer(options: ResidentTrainerOptions): ResidentTrainer {
  const model = options.model ?? DEFAULT_MODEL_CONFIG;
  const unsupported = residentUnsupportedReason(model, options.batchSize);
  if (unsupported !== null) throw new Error(unsupported);
  const setup = prepareResident(options, model, FEATURES);
  const { batchSize } = options;
  const layout = stateLayout(batchSize, options.ringSize ?? 256);
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  const poolX = tf.tensor1d(setup.features);
  const poolT = tf.tensor1d(setup.targets);
  const state = tf.tensor1d(initialState(layout.size, layout.control, setup.values, setup.plan));
  const laneColumns = laneColumnsFor(backend);
  const stepSource = residentStepSource({ plan: setup.plan, layout, poolRows: setup.rows, laneColumns });
  const stepKey = `baResidentStep_${sourceKey(stepSource)}`;
  // A fresh object per dispatch: tfjs extends `shaderKey` in place with the shapes, so a reused
  // program would get a new key, and a new compilation, at every call.
  const stepProgram = (): WebGPUProgramLike => ({
    variableNames: ['poolX', 'poolT'],
    outputShape: [layout.size],
    shaderKey: stepKey,
    dispatchLayout: { x: [0] },
    dispatch: [1, 1, 1],
    workgroupSize: [WIDTH / laneColumns, 1, 1],
    uniforms: 'steps : i32, hyper : vec4<f32>,',
    getUserCode: () => stepSource,
  });
  return createResidentHost(setup, {
    state,
    owned: [poolX, poolT],
    control: layout.control,
    ring: layout.ring,
    parameterCount: layout.firstMoment,
    submit(steps, hyper) {
      const uniforms = [{ type: 'int32', data: [steps] }, { type: 'float32', data: [...hyper] }];
      backend.runWebGPUProgram(stepProgram(), [poolX, poolT], 'float32', uniforms, state);
      return 1;
    },
  });
}
