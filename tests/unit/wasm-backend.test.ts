/**
 * The book trains on WASM (and WebGPU) but the PyTorch fixtures run on the cpu backend. Backends can
 * differ in what a kernel honours (tfjs-backend-wasm ignores oneHot's dtype, for one), so the same
 * seeded GABA run is replayed on wasm and compared with cpu, step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { createPoolBatcher, disposeBatch } from '../../src/core/trainer/batch';
import { flattenParameters } from '../../src/core/trainer/test-helpers';
import { createTrainer, type StepRecord } from '../../src/core/trainer/trainer';
import { createToyDataset } from '../../src/core/data/toy-dataset';
import { createBatchedSweep } from '../../src/core/sweep/batched-sweep';

async function run(backend: BackendName, path: 'fused' | 'naive', steps: number): Promise<StepRecord[]> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  const data = createToyDataset({ seed: 1, size: 512 });
  const batches = createPoolBatcher({ x: data.features, rul: data.rul, health: data.health, featureCount: 14 }, 64);
  const trainer = createTrainer({ parameters: { seed: 0 }, strategy: { name: 'gaba', hyper: { warmupSteps: 5 } }, path });
  const records: StepRecord[] = [];
  try {
    for (let step = 1; step <= steps; step += 1) {
      const batch = batches.batchForStep(step);
      records.push(await trainer.step(batch));
      disposeBatch(batch);
    }
  } finally {
    trainer.dispose();
    batches.dispose();
  }
  return records;
}

/** Nine fixed-weight networks trained as one stacked program: every loss of every step, then the parameters. */
async function sweep(backend: BackendName, steps: number): Promise<{ losses: number[]; parameters: number[] }> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  const data = createToyDataset({ seed: 2, size: 512 });
  const batches = createPoolBatcher({ x: data.features, rul: data.rul, health: data.health, featureCount: 14 }, 64);
  const weights = Array.from({ length: 9 }, (_, n) => [(n + 1) / 10, 1 - (n + 1) / 10]);
  const stacked = createBatchedSweep({ weights, parameters: weights.map((_, n) => ({ seed: n })) });
  const losses: number[] = [];
  try {
    for (let step = 1; step <= steps; step += 1) {
      const batch = batches.batchForStep(step);
      losses.push(...(await stacked.step(batch)).flat());
      disposeBatch(batch);
    }
    const parameters = (await stacked.exportParameters()).flatMap(flattenParameters);
    return { losses, parameters };
  } finally {
    stacked.dispose();
    batches.dispose();
  }
}

const relativeGap = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-6, Math.abs(b));

describe('training on the wasm backend', () => {
  for (const path of ['fused', 'naive'] as const) {
    it(`gives the cpu backend's losses, gradient norms and weights (${path} step, 30 GABA steps)`, async () => {
      const reference = await run('cpu', path, 30);
      const wasm = await run('wasm', path, 30);
      expect(tf.getBackend()).toBe('wasm');
      let worst = 0;
      wasm.forEach((record, i) => {
        record.losses.forEach((loss, k) => { worst = Math.max(worst, relativeGap(loss, reference[i].losses[k])); });
        record.gradNorms.forEach((norm, k) => { worst = Math.max(worst, relativeGap(norm, reference[i].gradNorms[k])); });
        record.weights.forEach((weight, k) => { worst = Math.max(worst, relativeGap(weight, reference[i].weights[k])); });
      });
      // float32 on two backends: rounding differences only (a wrong kernel shows up as O(1)).
      expect(worst).toBeLessThan(1e-3);
      await selectBackend({ order: ['cpu'] });
    }, 60_000);
  }

  it("trains the stacked λ sweep as the cpu backend does (9 networks, 30 steps; per-network XNNPACK products)", async () => {
    const reference = await sweep('cpu', 30);
    const wasm = await sweep('wasm', 30);
    expect(tf.getBackend()).toBe('wasm');
    expect(wasm.losses).toHaveLength(9 * 2 * 30);
    const worstLoss = Math.max(...wasm.losses.map((loss, i) => relativeGap(loss, reference.losses[i])));
    const worstParameter = Math.max(...wasm.parameters.map((value, i) => Math.abs(value - reference.parameters[i])));
    expect(worstLoss).toBeLessThan(1e-3);
    expect(worstParameter).toBeLessThan(1e-4);
    await selectBackend({ order: ['cpu'] });
  }, 60_000);
});
