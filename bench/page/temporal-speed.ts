/**
 * The temporal step's speed in Chromium (bench:temporal -- --browser): the GPU-resident temporal
 * trainer on webgpu against the fused trainer op by op (webgpu or wasm), GABA and Adam on the
 * synthetic fleet's 30-cycle windows, in the book's default temporal shape or the FD001 preset's.
 * Paths on one backend are timed in alternating blocks. The resident path enqueues a block of steps
 * and reads back once per block, as a lab does once per frame.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { prepareSyntheticFleetForLab } from '../../src/core/lab/fleet-data';
import { FD001_PRESET } from '../../src/core/lab/fd001-preset';
import { DEFAULT_TEMPORAL_MODEL_CONFIG, type ModelConfig } from '../../src/core/model';
import { DEFAULT_ADAM } from '../../src/core/optimiser-config';
import { createPoolBatcher, disposeBatch, type ArrayPool } from '../../src/core/trainer/batch';
import { createTrainer } from '../../src/core/trainer/trainer';
import { createTemporalResidentTrainer } from '../../src/core/webgpu/temporal-resident-trainer';
import { median } from '../timing';

export type TemporalPath = 'resident' | 'opByOp';
export interface TemporalSpeedRequest {
  readonly temporal: true;
  readonly backend: BackendName;
  readonly paths: readonly TemporalPath[];
  readonly shape: 'default' | 'fd001';
  readonly batch: number;
  readonly plan: { readonly warmupSteps: number; readonly stepsPerRepeat: number; readonly repeats: number };
  readonly wasmPaths?: string;
}
export interface TemporalPathSpeed {
  readonly path: TemporalPath;
  readonly medianStepsPerSecond: number;
  readonly runs: number[];
  /** GPU dispatches per step: the resident path's programs and readbacks; op by op, the kernels of one profiled step less those that only reshape. */
  readonly dispatchesPerStep: number;
}
export type TemporalSpeedResult = { readonly ok: true; readonly backend: string; readonly results: TemporalPathSpeed[] } | { readonly ok: false; readonly reason: string };

const FREE_KERNELS = new Set(['Reshape', 'Identity', 'ExpandDims', 'Squeeze']);

function modelOf(shape: TemporalSpeedRequest['shape']): ModelConfig {
  if (shape === 'default') return DEFAULT_TEMPORAL_MODEL_CONFIG;
  const { convolutions, hidden } = FD001_PRESET.temporalShape;
  return { ...DEFAULT_TEMPORAL_MODEL_CONFIG, hidden, temporal: { windowLength: 30, convolutions } };
}

interface Contender {
  readonly path: TemporalPath;
  /** `steps` steps, finished (read back) before it resolves. */
  block(steps: number): Promise<void>;
  dispatchesPerStep(): Promise<number>;
  dispose(): void;
}

function residentContender(model: ModelConfig, pool: ArrayPool, batch: number): Contender {
  const trainer = createTemporalResidentTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM, pool, batchSize: batch, ringSize: 1024 });
  const counts = { steps: 0, dispatches: 0 };
  return {
    path: 'resident',
    async block(steps) {
      const [stepsBefore, dispatchesBefore] = [trainer.enqueuedSteps, trainer.dispatches];
      trainer.enqueue(steps);
      const readout = await trainer.read();
      if (readout.failure) throw readout.failure;
      counts.steps += trainer.enqueuedSteps - stepsBefore;
      counts.dispatches += trainer.dispatches - dispatchesBefore;
    },
    dispatchesPerStep: async () => counts.dispatches / counts.steps,
    dispose: () => trainer.dispose(),
  };
}

function opByOpContender(model: ModelConfig, pool: ArrayPool, batch: number): Contender {
  const trainer = createTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });
  const batcher = createPoolBatcher(pool, batch, { cutPatchesFor: model.temporal });
  let count = 0;
  const step = async () => {
    count += 1;
    const next = batcher.batchForStep(count);
    try {
      await trainer.step(next);
    } finally {
      disposeBatch(next);
    }
  };
  return {
    path: 'opByOp',
    async block(steps) {
      for (let i = 0; i < steps; i += 1) await step();
    },
    async dispatchesPerStep() {
      const profile = await tf.profile(async () => {
        await step();
        return [];
      });
      return profile.kernels.filter((kernel) => !FREE_KERNELS.has(kernel.name)).length;
    },
    dispose: () => {
      trainer.dispose();
      batcher.dispose();
    },
  };
}

export async function temporalSpeed(request: TemporalSpeedRequest): Promise<TemporalSpeedResult> {
  try {
    const choice = await selectBackend({ order: [request.backend], wasmPaths: request.wasmPaths });
    if (choice.name !== request.backend) throw new Error(`${request.backend} did not start`);
    const model = modelOf(request.shape);
    const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 0, engines: 20 });
    const pool: ArrayPool = { x: fleet.train.windows, rul: fleet.train.rul, health: fleet.train.health, featureCount: fleet.windowLength * fleet.featureCount };
    const contenders = request.paths.map((path) => (path === 'resident' ? residentContender : opByOpContender)(model, pool, request.batch));
    try {
      const { plan } = request;
      for (const c of contenders) await c.block(plan.warmupSteps);
      const runs = contenders.map((): number[] => []);
      for (let r = 0; r < plan.repeats; r += 1) {
        for (const [i, c] of contenders.entries()) {
          const started = performance.now();
          await c.block(plan.stepsPerRepeat);
          runs[i].push((plan.stepsPerRepeat * 1000) / (performance.now() - started));
        }
      }
      const results: TemporalPathSpeed[] = [];
      for (const [i, c] of contenders.entries()) {
        results.push({ path: c.path, medianStepsPerSecond: median(runs[i]), runs: runs[i], dispatchesPerStep: await c.dispatchesPerStep() });
      }
      return { ok: true, backend: choice.name, results };
    } finally {
      contenders.forEach((c) => c.dispose());
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
