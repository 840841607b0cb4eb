import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportParameters } from '../model';
import { learningRateAt, DEFAULT_ADAM } from '../optimiser-config';
import { createBestParameters } from './best-parameters';
import { FD001_PRESET, presetLabConfig, presetOptimiser } from './fd001-preset';
import { prepareSyntheticFleetForLab } from './fleet-data';
import { createLab, labModelConfig, withRulBias } from './lab';
import { createTrainer } from '../trainer/trainer';
import { createBatchFromArrays, disposeBatch } from '../trainer/batch';
import { drawInitialParameters, inputWidth } from '../model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the learning-rate schedule', () => {
  const config = { ...DEFAULT_ADAM, learningRate: 0.01, schedule: { warmupSteps: 10, totalSteps: 110, finalFraction: 0.1 } };
  it('warms up linearly, peaks, then follows a half cosine down to the final share and stays there', () => {
    expect(learningRateAt(config, 1)).toBeCloseTo(0.001, 12);
    expect(learningRateAt(config, 10)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(config, 60)).toBeCloseTo(0.01 * (0.1 + 0.9 * 0.5), 12);
    expect(learningRateAt(config, 110)).toBeCloseTo(0.001, 12);
    expect(learningRateAt(config, 500)).toBeCloseTo(0.001, 12);
    expect(learningRateAt(DEFAULT_ADAM, 7)).toBe(DEFAULT_ADAM.learningRate);
  });

  it('compresses the preset’s warm-up for a shortened run', () => {
    expect(presetOptimiser(FD001_PRESET.steps).schedule?.warmupSteps).toBe(FD001_PRESET.warmupSteps);
    expect(presetOptimiser(100).schedule).toEqual({ warmupSteps: 25, totalSteps: 100, finalFraction: FD001_PRESET.finalFraction });
  });
});

describe('the preset’s network and its kept parameters', () => {
  const data = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 5, engines: 20 });

  it('builds the preset’s convolutions, the last spanning what is left of the window', () => {
    const model = labModelConfig('temporal', data, FD001_PRESET.temporalShape);
    expect(model.temporal?.convolutions.map((c) => c.kernel)).toEqual([10, 10, 12]);
    expect(model.hidden).toEqual([64]);
    expect(inputWidth(model)).toBe(30 * 14);
  });

  it('puts back the parameters offered at the best score, and ignores worse and non-finite ones', async () => {
    const model = labModelConfig('temporal', data, FD001_PRESET.temporalShape);
    const trainer = createTrainer({ model, parameters: { values: drawInitialParameters(model, 1) }, strategy: { name: 'fixed' } });
    const batch = createBatchFromArrays({ x: data.train.windows.subarray(0, 32 * inputWidth(model)), rul: data.train.rul.subarray(0, 32), health: data.train.health.subarray(0, 32), featureCount: inputWidth(model) });
    const best = createBestParameters();
    await trainer.step(batch);
    best.offer('a', trainer.parameters, 10, 1);
    const kept = await exportParameters(trainer.parameters);
    await trainer.step(batch);
    best.offer('a', trainer.parameters, 11, 2);
    best.offer('a', trainer.parameters, Number.NaN, 2);
    const before = tf.memory().numTensors;
    best.restore(() => trainer.parameters);
    expect(tf.memory().numTensors).toBe(before);
    expect(best.bestStep('a')).toBe(1);
    expect(await exportParameters(trainer.parameters)).toEqual(kept);
    best.dispose();
    disposeBatch(batch);
    trainer.dispose();
  });

  it('runs as a lab: a shortened preset trains and evaluates with finite scores, and leaks no tensors per step', async () => {
    // A batch of 16 instead of the preset's 256 keeps this test quick on the cpu backend.
    const config = presetLabConfig([{ id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } }], 0, 'fleet', 4);
    const lab = createLab({ ...config, batchSize: 16, data: { kind: 'syntheticFleet', seed: 5, engines: 20 } }, data);
    await lab.step();
    const before = tf.memory().numTensors;
    await lab.step();
    expect(tf.memory().numTensors).toBe(before);
    await lab.step();
    const [validation] = await lab.evaluate('validation');
    expect(Number.isFinite(validation.rmse)).toBe(true);
    lab.dispose();
  });
});

describe('the RUL head started at the training mean', () => {
  const data = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 5, engines: 20 });

  it('replaces only the RUL head’s bias', () => {
    const model = labModelConfig('temporal', data, FD001_PRESET.temporalShape);
    const drawn = drawInitialParameters(model, 3);
    const moved = withRulBias(drawn, 80);
    expect(moved.heads[0].bias).toEqual([80]);
    expect(moved.heads[0].weight).toEqual(drawn.heads[0].weight);
    expect(moved.heads[1]).toEqual(drawn.heads[1]);
    expect(moved.shared).toEqual(drawn.shared);
  });

  it('scores the untrained network near the spread of the targets, not near their mean', async () => {
    const runs = [{ id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' as const } }];
    const config = { ...presetLabConfig(runs, 0, 'fleet', 4), data: { kind: 'syntheticFleet' as const, seed: 5, engines: 20 } };
    const rmseAtStart = async (rulBiasAtTrainingMean: boolean) => {
      const lab = createLab({ ...config, rulBiasAtTrainingMean }, data);
      const [scores] = await lab.evaluate('validation');
      lab.dispose();
      return scores.rmse;
    };
    const mean = data.train.rul.reduce((sum, value) => sum + value, 0) / data.train.rul.length;
    const [started, drawn] = [await rmseAtStart(true), await rmseAtStart(false)];
    expect(started).toBeLessThan(0.6 * mean);
    expect(drawn).toBeGreaterThan(0.8 * mean);
  });
});
