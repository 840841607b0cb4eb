import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { taskLoss } from '../losses';
import {
  createModelParameters,
  DEFAULT_TEMPORAL_MODEL_CONFIG,
  disposeModelParameters,
  exportParameters,
  listVariables,
} from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { disposeBatch } from './batch';
import { batchTargets, forwardOutputs } from './forward';
import { perTaskGradients } from './fused-step';
import { flattenParameters, parametersAfterFiveSteps, toyBatch, windowBatch } from './test-helpers';
import { createTrainer, type GradientPath } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const model = DEFAULT_TEMPORAL_MODEL_CONFIG;
const trainFiveSteps = (path: GradientPath, optimiser: OptimiserConfig): Promise<number[]> =>
  parametersAfterFiveSteps({ model, batch: () => windowBatch(5, 32), path, optimiser });

describe('the fused step on the temporal backbone', () => {
  for (const optimiser of [DEFAULT_ADAM, { kind: 'sgd', learningRate: 1e-4 } as const]) {
    it(`leaves the same parameters as the naive path after 5 ${optimiser.kind} steps with c = (0.7, 2) and h = (0.3, 1.5), within 1e-6`, async () => {
      const fused = await trainFiveSteps('fused', optimiser);
      const naive = await trainFiveSteps('naive', optimiser);
      const params = createModelParameters(model, { seed: 3 });
      const before = flattenParameters(await exportParameters(params));
      disposeModelParameters(params);
      expect(fused).toHaveLength(2596);
      const largest = Math.max(...fused.map((value, i) => Math.abs(value - naive[i])));
      expect(largest).toBeLessThan(1e-6);
      // The comparison is not vacuous: the convolutions' parameters moved too.
      expect(Math.max(...fused.slice(0, 70 * 16).map((value, i) => Math.abs(value - before[i])))).toBeGreaterThan(1e-4);
    });
  }

  it('gives every task the same shared gradients, convolutions included, as tf.variableGrads of that task’s loss alone, within 1e-5 relative', async () => {
    const params = createModelParameters(model, { seed: 11 });
    const batch = windowBatch(2, 48);
    const kinds = ['mse', 'crossEntropy'] as const;
    const fused = perTaskGradients(params, batch, kinds);
    const shared = listVariables({ shared: params.shared, heads: [] });
    expect(shared).toHaveLength(6);
    for (let k = 0; k < 2; k += 1) {
      const { value, grads } = tf.variableGrads(
        () => taskLoss(kinds[k], forwardOutputs(params, batch.features)[k], batchTargets(batch, 2)[k]),
        shared,
      );
      expect((await fused.losses.data())[k]).toBeCloseTo((await value.data())[0], 3);
      for (const [i, variable] of shared.entries()) {
        const mine = await tf.tidy(() => tf.squeeze(tf.slice(fused.sharedGradients[i], k, 1), [0])).data();
        const theirs = await grads[variable.name].data();
        const scale = Math.max(...Array.from(theirs, Math.abs));
        expect(scale).toBeGreaterThan(0);
        expect(Math.max(...Array.from(theirs, (g, j) => Math.abs(g - mine[j]))) / scale).toBeLessThan(1e-5);
      }
      tf.dispose([value, ...Object.values(grads)]);
    }
    tf.dispose([fused.losses, ...fused.sharedGradients, ...fused.headGradients]);
    disposeModelParameters(params);
    disposeBatch(batch);
  });

  it('says what width a batch row needs when it is given single cycles', async () => {
    const trainer = createTrainer({ model, parameters: { seed: 0 }, strategy: { name: 'gaba' } });
    const cycles = toyBatch(1, 8);
    await expect(trainer.step(cycles)).rejects.toThrow('a temporal model over 30 cycles of 14 features needs rows of 420 values, got 14');
    expect(trainer.stepCount).toBe(0);
    disposeBatch(cycles);
    trainer.dispose();
  });
});

describe('tensor memory on the temporal backbone', () => {
  // The naive path is for tests only, so a shorter run covers it.
  for (const [path, steps] of [['fused', 200], ['naive', 60]] as const) {
    it(`stays flat from step 10 to step ${steps} of GABA on the ${path} path and is released on dispose`, async () => {
      const batch = windowBatch(4, 16);
      const start = tf.memory().numTensors;
      const trainer = createTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba', hyper: { warmupSteps: 20 } }, path });
      let atStep10 = 0;
      for (let step = 1; step <= steps; step += 1) {
        await trainer.step(batch);
        if (step === 10) atStep10 = tf.memory().numTensors;
      }
      expect(tf.memory().numTensors).toBe(atStep10);
      // The parameters (10: three shared layers and two heads), Adam's two flat moment vectors and
      // its 5 constant factors.
      expect(atStep10 - start).toBe(17);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(start);
      disposeBatch(batch);
    }, 120_000);
  }
});
