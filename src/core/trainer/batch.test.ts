import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModelParameters, DEFAULT_TEMPORAL_MODEL_CONFIG, disposeModelParameters, inputWidth } from '../model';
import { DEFAULT_TEMPORAL_CONFIG } from '../temporal';
import { createPoolBatcher, disposeBatch, poolRowsForStep, poolRunsForStep, type Batch } from './batch';
import { temporalPerTaskGradients } from './temporal-gradients';
import { unfoldWindows } from './time-patches';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('pool batches by slices', () => {
  it('cover the rows poolRowsForStep names, in its order, as contiguous runs', () => {
    for (const [batchSize, poolSize] of [[4, 10], [64, 64], [64, 10], [3, 7], [1, 1]]) {
      for (let step = 1; step <= 12; step += 1) {
        const fromRuns = poolRunsForStep(step, batchSize, poolSize).flatMap(([first, count]) => Array.from({ length: count }, (_, i) => first + i));
        expect(fromRuns, `B ${batchSize}, N ${poolSize}, step ${step}`).toEqual(Array.from(poolRowsForStep(step, batchSize, poolSize)));
      }
    }
  });

  it('hand out the same rows as a gather would, wrapping round the pool, and leave no tensor behind', async () => {
    const poolSize = 7;
    const featureCount = 3;
    const x = Float32Array.from({ length: poolSize * featureCount }, (_, i) => i + 0.5);
    const pool = { x, rul: Array.from({ length: poolSize }, (_, i) => 100 + i), health: Array.from({ length: poolSize }, (_, i) => i % 3), featureCount, extraLabels: [Array.from({ length: poolSize }, (_, i) => (i * 2) % 5)] };
    const batcher = createPoolBatcher(pool, 5);
    const before = tf.memory().numTensors;
    for (let step = 1; step <= 4; step += 1) {
      const rows = Array.from(poolRowsForStep(step, 5, poolSize));
      const batch = batcher.batchForStep(step);
      expect(await batch.features.array()).toEqual(rows.map((r) => Array.from(x.slice(r * featureCount, (r + 1) * featureCount))));
      expect(Array.from(await batch.rul.data())).toEqual(rows.map((r) => pool.rul[r]));
      expect(Array.from(await batch.health.data())).toEqual(rows.map((r) => pool.health[r]));
      expect(batch.health.dtype).toBe('int32');
      expect(Array.from(await (batch.extraLabels?.[0] as tf.Tensor).data())).toEqual(rows.map((r) => pool.extraLabels[0][r]));
      disposeBatch(batch);
      expect(tf.memory().numTensors).toBe(before);
    }
    batcher.dispose();
  });

  it('carry the first convolution patches cut once for the pool: equal to cutting the batch, same gradients', async () => {
    const poolSize = 70;
    const width = inputWidth(DEFAULT_TEMPORAL_MODEL_CONFIG);
    const x = Float32Array.from({ length: poolSize * width }, (_, i) => Math.sin(i * 0.37));
    const pool = { x, rul: Array.from({ length: poolSize }, (_, i) => i * 2), health: Array.from({ length: poolSize }, (_, i) => i % 3), featureCount: width };
    const batcher = createPoolBatcher(pool, 32, { cutPatchesFor: DEFAULT_TEMPORAL_CONFIG });
    const params = createModelParameters(DEFAULT_TEMPORAL_MODEL_CONFIG, { seed: 3 });
    const { windowLength, convolutions } = DEFAULT_TEMPORAL_CONFIG;
    const before = tf.memory().numTensors;
    // Step 3 wraps round the end of the 70-row pool.
    for (const step of [1, 3]) {
      const batch = batcher.batchForStep(step);
      const cutNow = tf.tidy(() => unfoldWindows(batch.features, windowLength, convolutions[0].kernel, convolutions[0].stride));
      expect(await batch.windowPatches?.patches.array()).toEqual(await cutNow.array());
      const withoutPatches: Batch = { features: batch.features, rul: batch.rul, health: batch.health };
      const [fromPool, fromBatch] = [batch, withoutPatches].map((b) => temporalPerTaskGradients(params, b, ['mse', 'crossEntropy']));
      const flat = async (g: typeof fromPool) => Promise.all([g.losses, ...g.sharedGradients, ...g.headGradients].map(async (t) => Array.from(await t.data())));
      expect(await flat(fromPool)).toEqual(await flat(fromBatch));
      tf.dispose([cutNow, fromPool.losses, ...fromPool.sharedGradients, ...fromPool.headGradients, fromBatch.losses, ...fromBatch.sharedGradients, ...fromBatch.headGradients]);
      disposeBatch(batch);
      expect(tf.memory().numTensors).toBe(before);
    }
    disposeModelParameters(params);
    batcher.dispose();
    const overBudget = createPoolBatcher(pool, 32, { cutPatchesFor: DEFAULT_TEMPORAL_CONFIG, patchBudgetBytes: 13 * 70 * poolSize * 4 - 1 });
    const uncut = overBudget.batchForStep(1);
    expect(uncut.windowPatches).toBeUndefined();
    disposeBatch(uncut);
    overBudget.dispose();
  });
});
