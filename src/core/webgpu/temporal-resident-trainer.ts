/**
 * The GPU-resident trainer for the temporal backbone on the WebGPU backend: any convolution stack,
 * dense layers and activation of a temporal ModelConfig, heads [1, 3], batches of 1 to 256. A step
 * is four programs (rows, gradients, summary, update: temporal-*-source.ts) over one state tensor
 * laid out by temporal-layout.ts; k steps are 4k dispatches queued with no readback, and the host
 * side (readback, failure, retune, export) is the dense trainer's (resident-host.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../model';
import { convolutionShapes } from '../temporal';
import { createResidentHost, type ResidentTrainer, type ResidentTrainerOptions } from './resident-host';
import type { ResidentPlan } from './resident-plan';
import { initialState, prepareResident, sourceKey } from './resident-setup';
import { TEMPORAL_WORKGROUP, temporalLayout, type TemporalLayout } from './temporal-layout';
import { temporalGradientsSource } from './temporal-gradients-source';
import { temporalRowsSource } from './temporal-rows-source';
import { temporalSummarySource, temporalUpdateSource } from './temporal-update-source';
import type { WebGPUBackendLike, WebGPUProgramLike } from './webgpu-program';

/** WebGPU's default limit on one storage buffer binding (128 MiB), in float32 values. */
const MAX_BINDING_VALUES = (128 * 1024 * 1024) / 4;

/** Why `model` at `batchSize` cannot train on the temporal resident step, or null when it can (backend aside). */
export function temporalShapeRefusal(model: ModelConfig, batchSize: number): string | null {
  if (model.temporal === undefined) return 'the temporal GPU-resident step trains temporal models only';
  if (model.headSizes.length !== 2 || model.headSizes[0] !== 1 || model.headSizes[1] !== 3) {
    return `the GPU-resident step trains heads of 1 and 3 outputs, not ${model.headSizes.join(' and ')}`;
  }
  if (!['relu', 'tanh', 'elu'].includes(model.activation)) return `the GPU-resident step has no activation ${String(model.activation)}`;
  if (!model.hidden.every((width) => Number.isInteger(width) && width >= 1)) return 'the dense widths after the convolutions must be positive integers';
  try {
    convolutionShapes(model.inputSize, model.temporal);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 256) return `the GPU-resident step takes batches of 1 to 256 rows, got ${batchSize}`;
  if (temporalLayout(model, batchSize, 256).size > MAX_BINDING_VALUES) return 'this network and batch need more GPU scratch than one storage buffer may hold (128 MiB)';
  return null;
}

/** Why this temporal configuration cannot train on the resident path here, or null when it can. */
export function temporalResidentUnsupportedReason(model: ModelConfig, batchSize: number): string | null {
  const shape = temporalShapeRefusal(model, batchSize);
  if (shape !== null) return shape;
  if (tf.getBackend() !== 'webgpu') return `the GPU-resident step needs the webgpu backend, not ${tf.getBackend()}`;
  return null;
}

interface PhaseProgram {
  readonly source: string;
  readonly key: string;
  readonly workgroups: number;
  readonly workgroupSize: number;
  readonly uniforms?: string;
}

function phases(layout: TemporalLayout, setup: { plan: ResidentPlan; rows: number }): PhaseProgram[] {
  const updateGroups = Math.ceil(layout.parameterCount / TEMPORAL_WORKGROUP);
  const list = [
    { name: 'Rows', source: temporalRowsSource(layout, setup.plan, setup.rows), workgroups: layout.batch, workgroupSize: TEMPORAL_WORKGROUP },
    { name: 'Gradients', source: temporalGradientsSource(layout, setup.rows), workgroups: layout.gradientWorkgroups, workgroupSize: TEMPORAL_WORKGROUP },
    { name: 'Summary', source: temporalSummarySource(layout, setup.plan), workgroups: 1, workgroupSize: 1, uniforms: 'hyper : vec4<f32>,' },
    { name: 'Update', source: temporalUpdateSource(layout, setup.plan), workgroups: updateGroups, workgroupSize: TEMPORAL_WORKGROUP },
  ];
  return list.map(({ name, ...phase }) => ({ ...phase, key: `baTemporal${name}_${sourceKey(phase.source)}` }));
}

/** Build a temporal resident trainer; throws with the reason when the model, batch, strategy, pool or backend does not fit. */
export function createTemporalResidentTrainer(options: ResidentTrainerOptions): ResidentTrainer {
  const model = options.model;
  if (model === undefined) throw new Error('the temporal GPU-resident step needs the model configuration');
  const unsupported = temporalResidentUnsupportedReason(model, options.batchSize);
  if (unsupported !== null) throw new Error(unsupported);
  const layout = temporalLayout(model, options.batchSize, options.ringSize ?? 256);
  const setup = prepareResident(options, model, layout.rowWidth);
  if (setup.features.length > MAX_BINDING_VALUES) throw new Error('the pool is larger than one GPU storage buffer may hold (128 MiB)');
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  const poolX = tf.tensor1d(setup.features);
  const poolT = tf.tensor1d(setup.targets);
  const state = tf.tensor1d(initialState(layout.size, layout.control, setup.values, setup.plan));
  const programs = phases(layout, setup);
  // A fresh object per dispatch: tfjs extends `shaderKey` in place with the shapes (resident-trainer.ts).
  const program = (phase: PhaseProgram): WebGPUProgramLike => ({
    variableNames: ['poolX', 'poolT'],
    outputShape: [layout.size],
    shaderKey: phase.key,
    dispatchLayout: { x: [0] },
    dispatch: [phase.workgroups, 1, 1],
    workgroupSize: [phase.workgroupSize, 1, 1],
    ...(phase.uniforms ? { uniforms: phase.uniforms } : {}),
    getUserCode: () => phase.source,
  });
  return createResidentHost(setup, {
    state,
    owned: [poolX, poolT],
    control: layout.control,
    ring: layout.ring,
    parameterCount: layout.parameterCount,
    submit(steps, hyper) {
      for (let s = 0; s < steps; s += 1) {
        for (const phase of programs) {
          const uniforms = phase.uniforms ? [{ type: 'float32', data: [...hyper] }] : [];
          backend.runWebGPUProgram(program(phase), [poolX, poolT], 'float32', uniforms, state);
        }
      }
      return steps * programs.length;
    },
  });
}
