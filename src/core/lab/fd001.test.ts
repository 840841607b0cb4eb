import { existsSync, readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { constantPredictorBaseline } from '../data/metrics';
import { parseCmapssTable } from '../data/parse-cmapss';
import { parseRulFile } from '../data/parse-rul';
import { prepareCmapss } from '../data/prepare';
import { labArraysFromPrepared } from './fleet-data';
import { createLab } from './lab';

const folder = new URL('../../../../shared/cmapss/', import.meta.url);
const hasData = existsSync(new URL('train_FD001.txt', folder));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.skipIf(!hasData)('a short real training run on FD001', () => {
  it('beats the constant-mean predictor’s test RMSE by a clear margin with fixed weights and GABA', async () => {
    const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
    const train = parseCmapssTable(read('train_FD001.txt'), 'train_FD001.txt');
    const test = parseCmapssTable(read('test_FD001.txt'), 'test_FD001.txt');
    const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
    if (!train.ok || !test.ok || !rul.ok) throw new Error('FD001 did not parse');
    const data = labArraysFromPrepared(prepareCmapss({
      train: train.value, test: test.value, rul: rul.value, windowLength: 30, rulCap: 125, validationFraction: 0.2, seed: 0,
    }));
    const lab = createLab({
      seed: 0,
      data: { kind: 'loaded', datasetId: 'FD001' },
      runs: [
        { id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } },
        { id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } },
      ],
    }, data);
    for (let step = 0; step < 250; step += 1) await lab.step();
    const scores = await lab.evaluate('test');
    const baseline = constantPredictorBaseline(data.train.rul, data.test!.rul);
    expect(baseline.rmse).toBeCloseTo(40.42, 1);
    expect(lab.hasTest).toBe(true);
    expect(Math.max(...data.test!.rul)).toBe(125);
    for (const score of scores) {
      expect(score).toMatchObject({ split: 'test', count: 100 });
      expect(score.rmse).toBeLessThan(0.6 * baseline.rmse);
      expect(score.nasaScore).toBeLessThan(0.2 * baseline.nasaScore);
      expect(score.healthAccuracy).toBeGreaterThan(0.55);
    }
    lab.dispose();
  });
});
