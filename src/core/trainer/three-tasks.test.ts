/**
 * The trainer with K = 3: RUL, health and a synthetic third task ("fewer than 50 cycles left", a
 * two-class head on the same backbone). The book's data has two tasks; this checks that nothing in
 * the step, the Gramian, the strategies or the evaluation assumes it.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createToyDataset } from '../data/toy-dataset';
import { DEFAULT_MODEL_CONFIG, exportParameters, type ModelConfig } from '../model';
import type { StrategyName } from '../strategies/registry';
import { createBatchFromArrays, disposeBatch, type Batch } from './batch';
import { flattenParameters } from './test-helpers';
import { createTrainer, type GradientPath } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const THREE_HEADS: ModelConfig = { ...DEFAULT_MODEL_CONFIG, headSizes: [1, 3, 2] };

function threeTaskBatch(seed: number, size: number): Batch {
  const toy = createToyDataset({ seed, size });
  const soon = Array.from(toy.rul, (rul) => (rul < 50 ? 1 : 0));
  return createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount, extraLabels: [soon] });
}

async function parametersAfter(name: StrategyName, path: GradientPath, steps: number): Promise<number[]> {
  const trainer = createTrainer({ model: THREE_HEADS, parameters: { seed: 4 }, strategy: { name }, path });
  const batch = threeTaskBatch(6, 32);
  for (let step = 0; step < steps; step += 1) await trainer.step(batch);
  const values = flattenParameters(await exportParameters(trainer.parameters));
  trainer.dispose();
  disposeBatch(batch);
  return values;
}

describe('three tasks', () => {
  it('takes the same steps on the fused and the naive path (UPGrad, unit heads; Nash-MTL, heads c_k), within 1e-6', async () => {
    for (const name of ['upgrad', 'nashMtl'] as const) {
      const fused = await parametersAfter(name, 'fused', 5);
      const naive = await parametersAfter(name, 'naive', 5);
      // 1668 parameters of the two-task model plus the third head (32 × 2 + 2).
      expect(fused).toHaveLength(1668 + 66);
      expect(Math.max(...fused.map((value, i) => Math.abs(value - naive[i])))).toBeLessThan(1e-6);
    }
  });

  it('records three losses, norms and coefficients per step for every kind of method, with tensor memory flat', async () => {
    const batch = threeTaskBatch(7, 48);
    const names: StrategyName[] = ['fixed', 'gaba', 'pcgrad', 'mgda', 'cagrad', 'upgrad', 'nashMtl', 'alignedMtl', 'gradVac', 'famoNextBatch', 'stch'];
    for (const name of names) {
      const trainer = createTrainer({ model: THREE_HEADS, parameters: { seed: 1 }, strategy: { name } });
      const first = await trainer.step(batch);
      const held = tf.memory().numTensors;
      let last = first;
      for (let step = 0; step < 20; step += 1) last = await trainer.step(batch);
      expect({ name, count: tf.memory().numTensors }).toEqual({ name, count: held });
      for (const field of [last.losses, last.gradNorms, last.sharedCoefficients, last.headCoefficients, last.weights]) {
        expect(field).toHaveLength(3);
        expect(field.every(Number.isFinite)).toBe(true);
      }
      if (name === 'mgda') {
        expect(last.sharedCoefficients.every((c) => c >= 0)).toBe(true);
        expect(last.sharedCoefficients.reduce((s, c) => s + c, 0)).toBeCloseTo(1, 12);
      }
      // The third task learns: its cross-entropy falls from about log 2.
      expect({ name, fell: last.losses[2] < first.losses[2] }).toEqual({ name, fell: true });
      trainer.dispose();
    }
    disposeBatch(batch);
  }, 120_000);

  it('evaluates every head, the third one as [B × 2] logits', async () => {
    const trainer = createTrainer({ model: THREE_HEADS, parameters: { seed: 2 }, strategy: { name: 'upgrad' } });
    const batch = threeTaskBatch(8, 10);
    const evaluation = await trainer.evaluate(batch);
    expect(evaluation.losses).toHaveLength(3);
    expect(evaluation.rulPredictions).toHaveLength(10);
    expect(evaluation.healthLogits).toHaveLength(30);
    expect(evaluation.extraOutputs.map((o) => o.length)).toEqual([20]);
    trainer.dispose();
    disposeBatch(batch);
  });

  it('refuses a strategy for another K, and a batch without the third task’s labels, saying why', async () => {
    const twoTask = await import('../strategies/index').then(({ createStrategy }) =>
      createStrategy({ name: 'mgda' }, { taskCount: 2, optimiser: { kind: 'sgd', learningRate: 0.01 } }),
    );
    expect(() => createTrainer({ model: THREE_HEADS, parameters: { seed: 0 }, strategy: twoTask })).toThrow(
      'the trainer needs one head per task and at least RUL and health; got 3 heads and a strategy for 2 tasks',
    );
    const trainer = createTrainer({ model: THREE_HEADS, parameters: { seed: 0 }, strategy: { name: 'mgda' } });
    const toy = createToyDataset({ seed: 1, size: 8 });
    const twoTargets = createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount });
    await expect(trainer.step(twoTargets)).rejects.toThrow('3 tasks need 3 targets; the batch has 2');
    expect(trainer.stepCount).toBe(0);
    trainer.dispose();
    disposeBatch(twoTargets);
  });
});
