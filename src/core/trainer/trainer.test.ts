import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createToyDataset } from '../data/toy-dataset';
import { NonFiniteError } from '../errors';
import { createModelParameters, DEFAULT_MODEL_CONFIG, disposeModelParameters, exportParameters, listVariables } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { STRATEGY_NAMES } from '../strategies';
import { taskLoss } from '../losses';
import { createPoolBatcher, disposeBatch } from './batch';
import { batchTargets, forwardOutputs } from './forward';
import { perTaskGradients } from './fused-step';
import { flattenParameters, parametersAfterFiveSteps, toyBatch } from './test-helpers';
import { createTrainer, type GradientPath } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const trainFiveSteps = (path: GradientPath, optimiser: OptimiserConfig): Promise<number[]> =>
  parametersAfterFiveSteps({ batch: () => toyBatch(5, 32), path, optimiser });

describe('the fused step', () => {
  for (const optimiser of [DEFAULT_ADAM, { kind: 'sgd', learningRate: 1e-3 } as const]) {
    it(`leaves the same parameters as the naive path after 5 ${optimiser.kind} steps with c = (0.7, 2) and h = (0.3, 1.5), within 1e-6`, async () => {
      const fused = await trainFiveSteps('fused', optimiser);
      const naive = await trainFiveSteps('naive', optimiser);
      const before = flattenParameters((await (async () => {
        const params = createModelParameters(DEFAULT_MODEL_CONFIG, { seed: 3 });
        const values = await exportParameters(params);
        disposeModelParameters(params);
        return values;
      })()));
      expect(fused).toHaveLength(1668);
      const largest = Math.max(...fused.map((value, i) => Math.abs(value - naive[i])));
      expect(largest).toBeLessThan(1e-6);
      // The comparison is not vacuous: the parameters moved.
      expect(Math.max(...fused.map((value, i) => Math.abs(value - before[i])))).toBeGreaterThan(1e-4);
    });
  }

  it('gives every task the same shared and head gradients as tf.variableGrads of that task’s loss alone, within 1e-5 relative', async () => {
    const params = createModelParameters(DEFAULT_MODEL_CONFIG, { seed: 11 });
    const batch = toyBatch(2, 48);
    const kinds = ['mse', 'crossEntropy'] as const;
    const fused = perTaskGradients(params, batch, kinds);
    const shared = listVariables({ shared: params.shared, heads: [] });
    for (let k = 0; k < 2; k += 1) {
      const own = [...shared, params.heads[k].weight, params.heads[k].bias];
      const { value, grads } = tf.variableGrads(
        () => taskLoss(kinds[k], forwardOutputs(params, batch.features)[k], batchTargets(batch, 2)[k]),
        own,
      );
      const expectedLoss = (await value.data())[0];
      expect((await fused.losses.data())[k]).toBeCloseTo(expectedLoss, 3);
      for (const [i, variable] of shared.entries()) {
        const mine = await tf.tidy(() => tf.squeeze(tf.slice(fused.sharedGradients[i], k, 1), [0])).data();
        const theirs = await grads[variable.name].data();
        const scale = Math.max(...Array.from(theirs, Math.abs));
        expect(scale).toBeGreaterThan(0);
        const error = Math.max(...Array.from(theirs, (g, j) => Math.abs(g - mine[j])));
        expect(error / scale).toBeLessThan(1e-5);
      }
      const headData = await fused.headGradients[2 * k].data();
      const expectedHead = await grads[params.heads[k].weight.name].data();
      expect(Math.max(...Array.from(expectedHead, (g, j) => Math.abs(g - headData[j])))).toBeLessThan(1e-4);
      tf.dispose([value, ...Object.values(grads)]);
    }
    tf.dispose([fused.losses, ...fused.sharedGradients, ...fused.headGradients]);
    disposeModelParameters(params);
    disposeBatch(batch);
  });
});

describe('tensor memory', () => {
  it('stays flat from step 10 to step 500 for every strategy', async () => {
    const toy = createToyDataset({ seed: 4, size: 64 });
    const batcher = createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: 14 }, 16);
    const start = tf.memory().numTensors;
    for (const name of STRATEGY_NAMES) {
      const trainer = createTrainer({ parameters: { seed: 1 }, strategy: { name } });
      let atStep10 = 0;
      for (let step = 1; step <= 500; step += 1) {
        const batch = batcher.batchForStep(step);
        await trainer.step(batch);
        disposeBatch(batch);
        if (step === 10) atStep10 = tf.memory().numTensors;
      }
      // Pool, parameters and Adam's moments: the same count at step 500 as at step 10.
      expect({ name, count: tf.memory().numTensors }).toEqual({ name, count: atStep10 });
      // The parameters (8), Adam's two flat moment vectors and its 5 constant factors (β1, 1 − β1,
      // β2, 1 − β2, ε), as tf.memory() counts them.
      expect({ name, held: atStep10 - start }).toEqual({ name, held: 15 });
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
    }
    batcher.dispose();
  }, 600_000);
});

describe('non-finite values', () => {
  async function expectRejectedStep(poison: 'features' | 'head', expected: { task: number; quantity: string }): Promise<void> {
    const trainer = createTrainer({ parameters: { seed: 2 }, strategy: { name: 'gaba' } });
    const clean = toyBatch(6, 16);
    for (let step = 0; step < 3; step += 1) await trainer.step(clean);
    if (poison === 'head') trainer.parameters.heads[1].bias.assign(tf.tensor1d([0, Number.NaN, 0]));
    const before = await exportParameters(trainer.parameters);
    const features = tf.tidy(() => (poison === 'features' ? tf.mul(clean.features, tf.scalar(Number.NaN)) : tf.clone(clean.features))) as tf.Tensor2D;
    const error = await trainer.step({ ...clean, features }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect(error).toMatchObject({ ...expected, step: 4 });
    expect((error as Error).message).toContain(`task ${expected.task} (${expected.task === 0 ? 'RUL' : 'health'}) at step 4`);
    expect(trainer.stepCount).toBe(3);
    expect(await exportParameters(trainer.parameters)).toEqual(before);
    features.dispose();
    disposeBatch(clean);
    trainer.dispose();
  }

  it('reject a NaN in the features as a non-finite loss of task 0 at step 4, leaving every parameter bit-identical', async () => {
    await expectRejectedStep('features', { task: 0, quantity: 'loss' });
  });

  it('reject a poisoned health-head bias as a non-finite loss of task 1 at step 4, leaving every parameter bit-identical', async () => {
    await expectRejectedStep('head', { task: 1, quantity: 'loss' });
  });
});

describe('seeding', () => {
  async function run(seed: number): Promise<{ losses: number[][]; parameters: number[] }> {
    const trainer = createTrainer({ parameters: { seed }, strategy: { name: 'gaba' } });
    const batch = toyBatch(9, 32);
    const losses: number[][] = [];
    for (let step = 0; step < 4; step += 1) losses.push((await trainer.step(batch)).losses);
    const parameters = flattenParameters(await exportParameters(trainer.parameters));
    trainer.dispose();
    disposeBatch(batch);
    return { losses, parameters };
  }

  it('gives identical parameters and losses for the same seed, and different ones for another seed', async () => {
    const first = await run(0);
    const again = await run(0);
    const other = await run(1);
    expect(again).toEqual(first);
    expect(other.losses[0][0]).not.toBe(first.losses[0][0]);
    expect(other.parameters[0]).not.toBe(first.parameters[0]);
  });

  it('draws the first weight of shared layer 0 uniformly within ±1/√14 = ±0.267', async () => {
    const params = createModelParameters(DEFAULT_MODEL_CONFIG, { seed: 0 });
    const values = flattenParameters(await exportParameters(params));
    disposeModelParameters(params);
    expect(Math.max(...values.slice(0, 14 * 32).map(Math.abs))).toBeLessThan(1 / Math.sqrt(14));
    expect(Math.max(...values.slice(0, 14 * 32).map(Math.abs))).toBeGreaterThan(0.25);
  });
});
