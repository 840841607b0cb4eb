import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteError } from '../errors';
import { taskLoss } from '../losses';
import { createModelParameters, disposeModelParameters, exportParameters, listVariables } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createStrategy, STRATEGY_NAMES } from '../strategies';
import { disposeBatch, type PoolBatcher } from './batch';
import { batchTargets, forwardOutputs } from './forward';
import { perTaskGradients } from './fused-step';
import { constantStrategy, flattenParameters, toyBatcher, useCpuBackend, worstRelativeDifference } from './test-support';
import { createTrainer, type GradientPath, type Trainer } from './trainer';

const SGD: OptimiserConfig = { kind: 'sgd', learningRate: 1e-3 };
let batcher: PoolBatcher;

beforeAll(async () => {
  await useCpuBackend();
  batcher = toyBatcher(3, 256, 64);
});
afterAll(() => batcher.dispose());

async function trainSteps(trainer: Trainer, steps: number, firstStep = 1): Promise<number[][]> {
  const losses: number[][] = [];
  for (let step = firstStep; step < firstStep + steps; step += 1) {
    const batch = batcher.batchForStep(step);
    try {
      losses.push((await trainer.step(batch)).losses);
    } finally {
      disposeBatch(batch);
    }
  }
  return losses;
}

async function parametersAfter(path: GradientPath, optimiser: OptimiserConfig, steps: number) {
  const strategy = constantStrategy({ sharedCoefficients: [0.7, 0.2], headCoefficients: [0.3, 1.1] });
  const trainer = createTrainer({ parameters: { seed: 11 }, strategy, optimiser, path });
  await trainSteps(trainer, steps);
  const values = await exportParameters(trainer.parameters);
  trainer.dispose();
  return values;
}

describe('the fused step', () => {
  it.each([
    ['Adam', DEFAULT_ADAM],
    ['SGD', SGD],
  ] as const)('matches the naive three-pass step after 5 %s steps with c ≠ h, to 1e-5', async (_, optimiser) => {
    const fused = await parametersAfter('fused', optimiser, 5);
    const naive = await parametersAfter('naive', optimiser, 5);
    const moved = worstRelativeDifference(fused, await parametersAfter('fused', optimiser, 0));
    expect(worstRelativeDifference(fused, naive)).toBeLessThan(1e-5);
    // The comparison means something only if training moved the parameters.
    expect(moved).toBeGreaterThan(1e-4);
  });

  it('stacks per-task shared gradients equal to tf.variableGrads of each task loss alone', async () => {
    const params = createModelParameters({ inputSize: 14, hidden: [32, 32], activation: 'relu', headSizes: [1, 3] }, { seed: 5 });
    const batch = batcher.batchForStep(2);
    const kinds = ['weightedMse', 'crossEntropy'] as const;
    const shared = listVariables({ shared: params.shared, heads: [] });
    const stacked = perTaskGradients(params, batch, kinds);
    let worst = 0;
    let largest = 0;
    for (let k = 0; k < 2; k += 1) {
      const { value, grads } = tf.variableGrads(
        () => taskLoss(kinds[k], forwardOutputs(params, batch.features)[k], batchTargets(batch)[k]),
        shared,
      );
      for (const [i, variable] of shared.entries()) {
        const expected = await grads[variable.name].data();
        const slice = tf.tidy(() => tf.gather(stacked.sharedGradients[i], k));
        const actual = await slice.data();
        expected.forEach((e, j) => {
          worst = Math.max(worst, Math.abs(actual[j] - e));
          largest = Math.max(largest, Math.abs(e));
        });
        slice.dispose();
      }
      tf.dispose([value, ...Object.values(grads)]);
    }
    expect(worst / largest).toBeLessThan(1e-5);
    expect(largest).toBeGreaterThan(0);
    tf.dispose([stacked.losses, ...stacked.sharedGradients, ...stacked.headGradients]);
    disposeBatch(batch);
    disposeModelParameters(params);
  });
});

describe('a long run', () => {
  it.each(STRATEGY_NAMES)('with %s holds the tensor count constant between step 10 and step 500', async (name) => {
    const strategy = createStrategy({ name }, { taskCount: 2, optimiser: DEFAULT_ADAM });
    const trainer = createTrainer({ parameters: { seed: 0 }, strategy });
    await trainSteps(trainer, 10);
    const atStep10 = tf.memory().numTensors;
    await trainSteps(trainer, 490, 11);
    expect(trainer.stepCount).toBe(500);
    expect(tf.memory().numTensors).toBe(atStep10);
    trainer.dispose();
  });
});

describe('a non-finite step', () => {
  it('from a NaN feature throws NonFiniteError naming task 0 and step 3, parameters bit-identical', async () => {
    const trainer = createTrainer({ parameters: { seed: 1 }, strategy: createStrategy({ name: 'gaba' }, { taskCount: 2, optimiser: DEFAULT_ADAM }) });
    await trainSteps(trainer, 2);
    const before = flattenParameters(await exportParameters(trainer.parameters));
    const good = batcher.batchForStep(3);
    const poisoned = { ...good, features: tf.tidy(() => tf.concat([tf.fill([1, 14], Number.NaN), tf.slice(good.features, [1, 0], [-1, -1])])) as tf.Tensor2D };
    const error = await trainer.step(poisoned).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error).toMatchObject({ task: 0, step: 3, quantity: 'loss' });
    expect((error as Error).message).toBe('Non-finite loss for task 0 (RUL) at step 3; parameters left as they were before this step');
    expect(flattenParameters(await exportParameters(trainer.parameters))).toEqual(before);
    expect(trainer.stepCount).toBe(2);
    tf.dispose([poisoned.features]);
    disposeBatch(good);
    trainer.dispose();
  });

  it('from a poisoned health head names task 1 and leaves the optimiser state as if it never happened', async () => {
    const strategy = () => createStrategy({ name: 'fixed' }, { taskCount: 2, optimiser: DEFAULT_ADAM });
    const clean = createTrainer({ parameters: { seed: 2 }, strategy: strategy() });
    const hit = createTrainer({ parameters: { seed: 2 }, strategy: strategy() });
    await trainSteps(clean, 3);
    await trainSteps(hit, 2);
    const healthBias = hit.parameters.heads[1].bias;
    const saved = tf.clone(healthBias);
    healthBias.assign(tf.tidy(() => tf.fill([3], Number.POSITIVE_INFINITY)));
    const batch = batcher.batchForStep(3);
    await expect(hit.step(batch)).rejects.toMatchObject({ name: 'NonFiniteError', task: 1, step: 3 });
    disposeBatch(batch);
    healthBias.assign(saved);
    saved.dispose();
    await trainSteps(hit, 1, 3);
    const difference = worstRelativeDifference(await exportParameters(hit.parameters), await exportParameters(clean.parameters), 1e-12);
    expect(difference).toBe(0);
    clean.dispose();
    hit.dispose();
  });
});

describe('seeds', () => {
  async function lossesFor(seed: number): Promise<number[][]> {
    const trainer = createTrainer({ parameters: { seed }, strategy: createStrategy({ name: 'gaba' }, { taskCount: 2, optimiser: DEFAULT_ADAM }) });
    const losses = await trainSteps(trainer, 5);
    trainer.dispose();
    return losses;
  }

  it('give identical losses for the same seed and different losses for another', async () => {
    const first = await lossesFor(4);
    expect(await lossesFor(4)).toEqual(first);
    const other = await lossesFor(5);
    expect(other[0][0]).not.toBe(first[0][0]);
    expect(first[4][0]).toBeLessThan(first[0][0]);
  });
});
