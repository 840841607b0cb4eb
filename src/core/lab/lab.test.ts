import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { constantPredictorBaseline } from '../data/metrics';
import { createLab } from './lab';
import { resolveLabData } from './lab-data';
import { prepareSyntheticFleetForLab } from './fleet-data';
import type { LabConfig } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const toy = resolveLabData({ kind: 'toy', seed: 11, size: 1024 }, new Map());
const config = (runs: LabConfig['runs'], seed = 3): LabConfig => ({ seed, data: { kind: 'toy', seed: 11, size: 1024 }, runs });

describe('a lab of runs side by side', () => {
  it('gives identical records to two runs with identical strategies (same initial parameters, same batches)', async () => {
    const lab = createLab(config([
      { id: 'a', label: 'A', strategy: { name: 'gaba', hyper: { warmupSteps: 2 } } },
      { id: 'b', label: 'B', strategy: { name: 'gaba', hyper: { warmupSteps: 2 } } },
    ]), toy);
    for (let i = 0; i < 5; i += 1) {
      const { records } = await lab.step();
      expect(records.a.losses).toEqual(records.b.losses);
      expect(records.a.weights).toEqual(records.b.weights);
    }
    lab.dispose();
  });

  it('gives different strategies the same first losses, since they start from the same parameters', async () => {
    const lab = createLab(config([
      { id: 'even', label: 'Fixed 0.5/0.5', strategy: { name: 'fixed' } },
      { id: 'rul', label: 'Fixed 0.9/0.1', strategy: { name: 'fixed', hyper: { weights: [0.9, 0.1] } } },
    ]), toy);
    const { records } = await lab.step();
    expect(records.even.losses).toEqual(records.rul.losses);
    const second = await lab.step();
    expect(second.records.even.losses).not.toEqual(second.records.rul.losses);
    lab.dispose();
  });

  it('trains a stacked lab of fixed weights exactly as separate trainers would, losses and evaluations alike', async () => {
    const runs: LabConfig['runs'] = [
      { id: 'low', label: 'λ_rul = 0.1', strategy: { name: 'fixed', hyper: { weights: [0.1, 0.9] } } },
      { id: 'mid', label: 'λ_rul = 0.5', strategy: { name: 'fixed' } },
      { id: 'high', label: 'λ_rul = 0.9', strategy: { name: 'fixed', hyper: { weights: [0.9, 0.1] } } },
    ];
    const separate = createLab(config(runs), toy);
    const stacked = createLab({ ...config(runs), stacked: true }, toy);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i += 1) {
      const [a, b] = [await separate.step(), await stacked.step()];
      for (const run of runs) {
        a.records[run.id].losses.forEach((loss, k) => expect(Math.abs(b.records[run.id].losses[k] - loss) / Math.abs(loss)).toBeLessThan(1e-5));
        expect(b.records[run.id].weights).toEqual(a.records[run.id].weights);
        expect(b.records[run.id].step).toBe(a.records[run.id].step);
      }
    }
    const [a, b] = [await separate.evaluate(), await stacked.evaluate()];
    expect(b.map((e) => e.runId)).toEqual(runs.map((run) => run.id));
    b.forEach((evaluation, i) => {
      expect(Math.abs(evaluation.rmse - a[i].rmse) / a[i].rmse).toBeLessThan(1e-5);
      expect(evaluation.healthAccuracy).toBeCloseTo(a[i].healthAccuracy, 5);
    });
    // The stacked lab holds no more tensors after 20 steps and an evaluation than after its first step.
    expect(tf.memory().numTensors).toBe(before);
    separate.dispose();
    stacked.dispose();
  });

  it('refuses to stack runs whose weights move, naming the run', () => {
    const runs: LabConfig['runs'] = [
      { id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } },
      { id: 'gaba', label: 'GABA run', strategy: { name: 'gaba' } },
    ];
    expect(() => createLab({ ...config(runs), stacked: true }, toy)).toThrow(/fixed weights only, and GABA run is/);
    expect(() => createLab({ ...config([runs[0], { id: 'amnl', label: 'AMNL', strategy: { name: 'amnl' } }]), stacked: true }, toy)).toThrow(/share their task losses/);
  });

  it('keeps the tensor count flat over 200 lab steps and releases everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const lab = createLab(config([
      { id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } },
      { id: 'uncertainty', label: 'Uncertainty', strategy: { name: 'uncertainty' } },
    ]), toy);
    for (let i = 0; i < 10; i += 1) await lab.step();
    await lab.evaluate();
    const afterWarmup = tf.memory().numTensors;
    for (let i = 0; i < 190; i += 1) await lab.step();
    await lab.evaluate();
    expect(tf.memory().numTensors).toBe(afterWarmup);
    lab.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('beats the constant-mean predictor on validation RMSE after 300 steps of fixed 0.5/0.5', async () => {
    const lab = createLab(config([{ id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } }]), toy);
    for (let i = 0; i < 300; i += 1) await lab.step();
    const [evaluation] = await lab.evaluate();
    const baseline = constantPredictorBaseline(toy.train.rul, toy.validation.rul);
    expect(evaluation.rmse).toBeLessThan(0.75 * baseline.rmse);
    expect(evaluation.healthAccuracy).toBeGreaterThan(0.6);
    expect(Number.isFinite(evaluation.nasaScore)).toBe(true);
    lab.dispose();
  });

  it('trains on the synthetic fleet through the C-MAPSS pipeline', async () => {
    const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 5, engines: 40 });
    expect(fleet.windowLength).toBe(30);
    const lab = createLab({ seed: 1, data: { kind: 'syntheticFleet', seed: 5 }, runs: [{ id: 'g', label: 'GABA', strategy: { name: 'gaba' } }] }, fleet);
    const { records } = await lab.step();
    expect(records.g.losses.every(Number.isFinite)).toBe(true);
    lab.dispose();
  });

  it('refuses the temporal backbone on single-cycle data, saying which backbone or data to choose', () => {
    expect(() => createLab({ ...config([{ id: 'g', label: 'GABA', strategy: { name: 'gaba' } }]), backbone: 'temporal' }, toy)).toThrow(
      'the temporal backbone needs windows of cycles, and this data has single cycles only; choose the dense backbone or the synthetic fleet',
    );
  });

  it('trains the temporal backbone on the synthetic fleet’s windows: validation RMSE falls by a third in 150 steps', async () => {
    const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 5, engines: 40 });
    const lab = createLab({
      seed: 1, data: { kind: 'syntheticFleet', seed: 5 }, backbone: 'temporal', runs: [{ id: 'g', label: 'GABA', strategy: { name: 'gaba' } }],
    }, fleet);
    const [first] = await lab.evaluate();
    for (let i = 0; i < 150; i += 1) await lab.step();
    const [trained] = await lab.evaluate();
    expect(trained.rmse).toBeLessThan(0.67 * first.rmse);
    expect(trained.rmse).toBeLessThan(constantPredictorBaseline(fleet.train.rul, fleet.validation.rul).rmse);
    lab.dispose();
  }, 120_000);

  it('refuses a loaded dataset that was never registered, with a message saying what to do', () => {
    expect(() => resolveLabData({ kind: 'loaded', datasetId: 'fd001-x' }, new Map())).toThrow('no dataset "fd001-x" was loaded; load the files again');
  });
});
