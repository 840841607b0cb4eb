/**
 * The temporal backbone's hand-written backward pass on the wasm backend, where its products take
 * explicit transposes and XNNPACK, against the taped replica trick on the cpu backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend, type BackendName } from '../../src/core/backend';
import { createModelParameters, DEFAULT_TEMPORAL_MODEL_CONFIG, disposeModelParameters } from '../../src/core/model';
import { disposeBatch } from '../../src/core/trainer/batch';
import { perTaskGradients } from '../../src/core/trainer/fused-step';
import type { PerTaskGradients } from '../../src/core/trainer/per-task-gradients';
import { temporalPerTaskGradients } from '../../src/core/trainer/temporal-gradients';
import { windowBatch } from '../../src/core/trainer/test-helpers';

async function gradientsOn(backend: BackendName, compute: typeof perTaskGradients): Promise<number[][]> {
  await selectBackend({ order: [backend], wasmPaths: nodeWasmPaths() });
  const params = createModelParameters(DEFAULT_TEMPORAL_MODEL_CONFIG, { seed: 4 });
  const batch = windowBatch(6, 64);
  const before = tf.memory().numTensors;
  const gradients: PerTaskGradients = compute(params, batch, ['mse', 'crossEntropy']);
  const all = [gradients.losses, ...gradients.sharedGradients, ...gradients.headGradients];
  const values = await Promise.all(all.map(async (tensor) => Array.from(await tensor.data())));
  tf.dispose(all);
  expect(tf.memory().numTensors).toBe(before);
  disposeBatch(batch);
  disposeModelParameters(params);
  return values;
}

describe('the temporal closed-form gradients on wasm', () => {
  it('equal the taped replica trick on cpu within 1e-5 relative per tensor (default model, batch 64)', async () => {
    const taped = await gradientsOn('cpu', perTaskGradients);
    const closed = await gradientsOn('wasm', temporalPerTaskGradients);
    expect(tf.getBackend()).toBe('wasm');
    const worst = Math.max(...closed.map((tensor, i) => {
      const scale = Math.max(1e-12, ...taped[i].map(Math.abs));
      return Math.max(...tensor.map((value, j) => Math.abs(value - taped[i][j]))) / scale;
    }));
    expect(worst).toBeLessThan(1e-5);
    await selectBackend({ order: ['cpu'] });
  }, 60_000);
});
