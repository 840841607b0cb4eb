import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteError } from '../errors';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, drawInitialParameters, exportParameters, type ExplicitParameters } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createPoolBatcher } from '../trainer/batch';
import { flattenParameters, toyBatch } from '../trainer/test-helpers';
import { createTrainer } from '../trainer/trainer';
import { createBatchedSweep } from './batched-sweep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const flatten = flattenParameters;

/** The sweep's nine λ_rul values 0.1 … 0.9, health weight 1 − λ. */
const SWEEP_WEIGHTS = Array.from({ length: 9 }, (_, i) => [(i + 1) / 10, 1 - (i + 1) / 10]);

async function separateTrainers(weights: number[][], optimiser: OptimiserConfig, steps: number, name: 'fixed' | 'amnl' = 'fixed', model = DEFAULT_MODEL_CONFIG) {
  const batcher = createPoolBatcher(toyPool(), 32);
  const results: number[][] = [];
  const losses: number[][] = [];
  for (const [n, w] of weights.entries()) {
    const strategy = name === 'fixed' ? { name, hyper: { weights: w } } : { name };
    const trainer = createTrainer({ model, parameters: { seed: 10 + n }, strategy, optimiser });
    for (let step = 1; step <= steps; step += 1) {
      const batch = batcher.batchForStep(step);
      const record = await trainer.step(batch);
      if (step === steps) losses.push(record.losses);
      tf.dispose([batch.features, batch.rul, batch.health]);
    }
    results.push(flatten(await exportParameters(trainer.parameters)));
    trainer.dispose();
  }
  batcher.dispose();
  return { results, losses };
}

function toyPool() {
  const batch = toyBatch(7, 96);
  const pool = { x: batch.features.arraySync().flat(), rul: batch.rul.arraySync(), health: batch.health.arraySync() };
  tf.dispose([batch.features, batch.rul, batch.health]);
  return { x: Float32Array.from(pool.x), rul: pool.rul, health: pool.health, featureCount: 14 };
}

async function batchedRun(weights: number[][], optimiser: OptimiserConfig, steps: number, taskLosses?: ('mse' | 'weightedMse' | 'crossEntropy')[], model = DEFAULT_MODEL_CONFIG) {
  const batcher = createPoolBatcher(toyPool(), 32);
  const sweep = createBatchedSweep({ model, weights, parameters: weights.map((_, n) => ({ seed: 10 + n })), optimiser, taskLosses });
  let last: number[][] = [];
  for (let step = 1; step <= steps; step += 1) {
    const batch = batcher.batchForStep(step);
    last = await sweep.step(batch);
    tf.dispose([batch.features, batch.rul, batch.health]);
  }
  const results = (await sweep.exportParameters()).map(flatten);
  sweep.dispose();
  batcher.dispose();
  return { results, losses: last };
}

function maxDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, n) => row.map((value, i) => Math.abs(value - b[n][i]))));
}

describe('the batched λ sweep', () => {
  for (const optimiser of [DEFAULT_ADAM, { kind: 'sgd', learningRate: 1e-3 } as const]) {
    it(`gives each of N = 9 models the parameters of its own fixed-weight trainer after 5 ${optimiser.kind} steps, within 1e-5`, async () => {
      const separate = await separateTrainers(SWEEP_WEIGHTS, optimiser, 5);
      const batched = await batchedRun(SWEEP_WEIGHTS, optimiser, 5);
      expect(batched.results).toHaveLength(9);
      expect(maxDifference(batched.results, separate.results)).toBeLessThan(1e-5);
      // The losses it reports are those of the last step, before its update, as the trainer's.
      expect(maxDifference(batched.losses, separate.losses)).toBeLessThan(1e-3);
      // Training moved every model.
      const before = await batchedRun(SWEEP_WEIGHTS, optimiser, 0);
      batched.results.forEach((row, n) => expect(maxDifference([row], [before.results[n]])).toBeGreaterThan(1e-4));
    });
  }

  for (const activation of ['tanh', 'elu'] as const) {
    it(`matches separate trainers with one ${activation} hidden layer`, async () => {
      const model = { ...DEFAULT_MODEL_CONFIG, hidden: [16], activation };
      const weights = [[0.2, 0.8], [0.7, 0.3], [1, 1]];
      const separate = await separateTrainers(weights, DEFAULT_ADAM, 5, 'fixed', model);
      const batched = await batchedRun(weights, DEFAULT_ADAM, 5, undefined, model);
      expect(maxDifference(batched.results, separate.results)).toBeLessThan(1e-5);
    });
  }

  it('matches AMNL (weighted MSE, 0.5 / 0.5) trained alone', async () => {
    const separate = await separateTrainers([[0.5, 0.5]], DEFAULT_ADAM, 4, 'amnl');
    const batched = await batchedRun([[0.5, 0.5]], DEFAULT_ADAM, 4, ['weightedMse', 'crossEntropy']);
    expect(maxDifference(batched.results, separate.results)).toBeLessThan(1e-5);
  });

  it('stacks each network\'s own initial values and reads them back unchanged (3 hidden layers, heads of 1 and 3)', async () => {
    const model = { ...DEFAULT_MODEL_CONFIG, hidden: [8, 6, 5] };
    const sweep = createBatchedSweep({ model, weights: [[1, 1], [0.5, 2], [2, 0.5]], parameters: [{ seed: 3 }, { seed: 4 }, { seed: 5 }] });
    const exported = await sweep.exportParameters();
    sweep.dispose();
    const asFloat32 = (values: ExplicitParameters) => flatten(values).map(Math.fround);
    expect(exported.map(flatten)).toEqual([3, 4, 5].map((seed) => asFloat32(drawInitialParameters(model, seed))));
  });

  it('refuses a temporal model instead of building the wrong network', () => {
    expect(() => createBatchedSweep({ model: DEFAULT_TEMPORAL_MODEL_CONFIG, weights: [[0.5, 0.5]], parameters: [{ seed: 0 }] }))
      .toThrow(/dense backbones only/);
  });

  it('leaks no tensors over 50 steps and releases everything on dispose', async () => {
    const start = tf.memory().numTensors;
    await batchedRun(SWEEP_WEIGHTS, DEFAULT_ADAM, 50);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('throws NonFiniteError on an infinite loss and applies nothing', async () => {
    const sweep = createBatchedSweep({ weights: [[1, 1]], parameters: [{ seed: 1 }] });
    const batch = toyBatch(1, 8);
    const bad = { ...batch, rul: tf.fill([8], Infinity) as tf.Tensor1D };
    const before = await sweep.exportParameters();
    await expect(sweep.step(bad)).rejects.toBeInstanceOf(NonFiniteError);
    expect(await sweep.exportParameters()).toEqual(before);
    expect(sweep.stepCount).toBe(0);
    sweep.dispose();
    tf.dispose([batch.features, batch.rul, batch.health, bad.rul]);
  });

  it('evaluates every model as its own trainer would, from one readback', async () => {
    const sweep = createBatchedSweep({ weights: SWEEP_WEIGHTS.slice(0, 3), parameters: [{ seed: 1 }, { seed: 2 }, { seed: 3 }] });
    const batch = toyBatch(2, 16);
    await sweep.step(batch);
    const outputs = await sweep.evaluate(batch.features);
    const exported = await sweep.exportParameters();
    for (const [n, values] of exported.entries()) {
      const trainer = createTrainer({ parameters: { values }, strategy: { name: 'fixed' } });
      const alone = await trainer.evaluate(batch);
      trainer.dispose();
      expect(maxDifference([Array.from(outputs[n][0])], [Array.from(alone.rulPredictions)])).toBeLessThan(1e-4);
      expect(maxDifference([Array.from(outputs[n][1])], [Array.from(alone.healthLogits)])).toBeLessThan(1e-4);
    }
    sweep.dispose();
    tf.dispose([batch.features, batch.rul, batch.health]);
  });

  it("with onNonFinite: 'stop', stops only the model whose loss is not finite and trains the others as before", async () => {
    const blowUp = (values: ExplicitParameters): ExplicitParameters => ({
      ...values,
      heads: [{ weight: values.heads[0].weight.map((row) => row.map(() => 1e30)), bias: values.heads[0].bias }, values.heads[1]],
    });
    const initial = [1, 2, 3].map((seed) => drawInitialParameters(DEFAULT_MODEL_CONFIG, seed));
    const run = async (parameters: ExplicitParameters[]) => {
      const sweep = createBatchedSweep({ weights: SWEEP_WEIGHTS.slice(0, 3), parameters: parameters.map((values) => ({ values })), onNonFinite: 'stop' });
      for (let step = 1; step <= 3; step += 1) {
        const batch = toyBatch(step, 16);
        await sweep.step(batch);
        tf.dispose([batch.features, batch.rul, batch.health]);
      }
      const result = { stopped: sweep.stopped, parameters: (await sweep.exportParameters()).map(flatten) };
      sweep.dispose();
      return result;
    };
    const healthy = await run(initial);
    const oneBad = await run([initial[0], blowUp(initial[1]), initial[2]]);
    expect(healthy.stopped).toEqual([]);
    expect(oneBad.stopped).toEqual([1]);
    expect(oneBad.parameters[0]).toEqual(healthy.parameters[0]);
    expect(oneBad.parameters[2]).toEqual(healthy.parameters[2]);
    // The stopped model was never moved: its updates were dropped from its first bad step.
    expect(oneBad.parameters[1]).toEqual(flatten(blowUp(initial[1])).map(Math.fround));
  });

  it('rejects weights of the wrong shape', () => {
    expect(() => createBatchedSweep({ weights: [[1]], parameters: [{ seed: 1 }] })).toThrow(/weights\[0\]/);
    expect(() => createBatchedSweep({ weights: [[1, 1]], parameters: [] })).toThrow(/parameters/);
  });
});
