import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../src/core/backend';
import { createToyDataset } from '../../src/core/data/toy-dataset';
import { createPoolBatcher } from '../../src/core/trainer/batch';
import { createTrainer } from '../../src/core/trainer/trainer';

describe('the README’s core API example', () => {
  it('runs as written and leaves no tensors behind', async () => {
    const backend = await selectBackend({ forced: 'cpu' });
    expect(backend.name).toBe('cpu');
    const before = tf.memory().numTensors;
    const data = createToyDataset({ seed: 1, size: 4096 });
    const batches = createPoolBatcher({ x: data.features, rul: data.rul, health: data.health, featureCount: 14 }, 64);
    const trainer = createTrainer({ parameters: { seed: 0 }, strategy: { name: 'gaba' } });
    let last = null as Awaited<ReturnType<typeof trainer.step>> | null;
    for (let step = 1; step <= 120; step += 1) {
      const batch = batches.batchForStep(step);
      last = await trainer.step(batch);
      batch.features.dispose(); batch.rul.dispose(); batch.health.dispose();
    }
    expect(last?.step).toBe(120);
    // After the 100-step warm-up GABA turns the louder RUL task down.
    expect(last!.weights[0]).toBeLessThan(0.5);
    expect(last!.gradNorms[0]).toBeGreaterThan(last!.gradNorms[1]);
    trainer.dispose(); batches.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
