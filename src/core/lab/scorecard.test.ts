import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLab } from './lab';
import { resolveLabData } from './lab-data';
import { runScorecard, scorecardGroups, type ScorecardConfig } from './scorecard';
import { summariseScorecard } from './scorecard-summary';
import { meanInterval, pairedDifference } from './seed-statistics';
import { cutBeforeFailure, prepareSyntheticFleetWithTest } from './synthetic-test-split';
import { createSyntheticFleet } from '../data/synthetic-fleet';
import type { LabRunSpec } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const runs: LabRunSpec[] = [
  { id: 'fixed', label: 'Fixed 0.5 / 0.5', strategy: { name: 'fixed' } },
  { id: 'fixed-rul', label: 'Fixed 0.9 / 0.1', strategy: { name: 'fixed', hyper: { weights: [0.9, 0.1] } } },
  { id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } },
];
const data = resolveLabData({ kind: 'toy', seed: 1, size: 512 }, new Map());
const config: ScorecardConfig = { runs, seeds: [0, 1, 2], steps: 12, data: { kind: 'toy', seed: 1, size: 512 }, baselineId: 'fixed' };

describe('runScorecard', () => {
  it('stacks the fixed-weight runs, trains the rest alone, and scores every run at every seed', async () => {
    expect(scorecardGroups(runs, 'dense')).toEqual({ stacked: [[runs[0], runs[1]]], separate: [runs[2]] });
    expect(scorecardGroups(runs, 'temporal').stacked).toEqual([]);
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const result = await runScorecard(config, data, { progressEvery: 6, onProgress: (p) => progress.push(p.modelSteps) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.split).toBe('validation');
    expect(result.stackedRunIds).toEqual(['fixed', 'fixed-rul']);
    expect(result.scores).toHaveLength(9);
    expect(progress.at(-1)).toBe(3 * 3 * 12);
    // Seeds change the run: the baseline's RMSE differs between seeds.
    const baseline = result.scores.filter((s) => s.runId === 'fixed').map((s) => s.rmse);
    expect(new Set(baseline).size).toBe(3);

    // A stacked run follows its own trainer: seed 1's Fixed 0.9 / 0.1 equals a lone lab at seed 1.
    const lone = createLab({ seed: 1, runs: [runs[1]], data: config.data }, data);
    for (let step = 0; step < 12; step += 1) await lone.step();
    const [alone] = await lone.evaluate('validation');
    lone.dispose();
    const stacked = result.scores.find((s) => s.runId === 'fixed-rul' && s.seed === 1)!;
    expect(stacked.rmse).toBeCloseTo(alone.rmse, 3);
    expect(stacked.healthAccuracy).toBeCloseTo(alone.healthAccuracy, 3);

    const rows = summariseScorecard(result, runs.map((r) => r.id), 'fixed');
    const gaba = result.scores.filter((s) => s.runId === 'gaba').map((s) => s.rmse);
    expect(rows[0].isBaseline).toBe(true);
    expect(rows[0].metrics.rmse.mark).toBeNull();
    expect(rows[2].metrics.rmse.interval).toEqual(meanInterval(gaba));
    expect(rows[2].metrics.rmse.difference).toEqual(pairedDifference(gaba, baseline));
    expect(['better', 'worse', 'within']).toContain(rows[2].metrics.rmse.mark);
  });

  it('refuses a scorecard without a spread or a baseline', async () => {
    await expect(runScorecard({ ...config, seeds: [0] }, data)).rejects.toThrow(/at least 2 seeds/);
    await expect(runScorecard({ ...config, seeds: [0, 0] }, data)).rejects.toThrow(/differ/);
    await expect(runScorecard({ ...config, baselineId: 'uncertainty' }, data)).rejects.toThrow(/baseline "uncertainty"/);
  });

  it('stops when cancelled and releases its tensors', async () => {
    const before = tf.memory().numTensors;
    await expect(runScorecard(config, data, { progressEvery: 2, cancelled: () => true })).rejects.toThrow(/stopped/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('summariseScorecard marks', () => {
  it('marks lower RMSE better and lower accuracy worse when the paired gap clears the spread', () => {
    const scores = [0, 1, 2].flatMap((seed) => [
      { runId: 'base', seed, rmse: 20 + 5 * seed, nasaScore: 100, healthAccuracy: 0.8 + 0.05 * seed },
      { runId: 'other', seed, rmse: 18 + 5 * seed + 0.1 * seed, nasaScore: 100 + seed, healthAccuracy: 0.7 + 0.05 * seed },
    ]);
    const [base, other] = summariseScorecard({ split: 'test', count: 100, stackedRunIds: [], scores }, ['base', 'other'], 'base');
    expect(base.metrics.healthAccuracy.mark).toBeNull();
    expect(other.metrics.rmse.mark).toBe('better');
    expect(other.metrics.healthAccuracy.mark).toBe('worse');
    expect(other.metrics.nasaScore.mark).toBe('within');
  });
});

describe('the synthetic fleet’s test split', () => {
  it('cuts each engine at a cycle it reached, at least 30 cycles in, and keeps the cycles it had left as truth', () => {
    const fleet = createSyntheticFleet({ seed: 3, engines: 6 });
    const { table, rul } = cutBeforeFailure(fleet, 3);
    expect(table.engineCount).toBe(6);
    for (let e = 0; e < 6; e += 1) {
      const kept = table.engineStarts[e + 1] - table.engineStarts[e];
      const lifetime = fleet.engineStarts[e + 1] - fleet.engineStarts[e];
      expect(kept).toBeGreaterThanOrEqual(30);
      expect(kept + rul[e]).toBe(lifetime);
      // The rows kept are the engine's first ones, unchanged.
      expect(table.sensors[table.engineStarts[e] * 21 + 1]).toBe(fleet.sensors[fleet.engineStarts[e] * 21 + 1]);
    }
    const arrays = prepareSyntheticFleetWithTest(3, 20);
    expect(arrays.test?.rul.length).toBe(20);
    expect(Math.max(...arrays.test!.rul)).toBeLessThanOrEqual(125);
  });
});
