import { describe, expect, it } from 'vitest';
import { resolveLabData } from './lab-data';
import type { LabDatasetArrays } from './types';

const split = (rows: number) => ({ lastFeatures: new Float32Array(rows * 2), windows: new Float32Array(0), rul: new Float32Array(rows), health: new Int32Array(rows) });
const dataset = (train: number, validation: number): LabDatasetArrays => ({ featureCount: 2, windowLength: 1, train: split(train), validation: split(validation) });

describe('resolveLabData', () => {
  it('refuses data without a training or a validation row with a message that says so', () => {
    const datasets = new Map([['empty-validation', dataset(40, 0)], ['ok', dataset(40, 8)]]);
    expect(() => resolveLabData({ kind: 'loaded', datasetId: 'empty-validation' }, datasets)).toThrow(
      "the lab's data hold 40 training and 0 validation rows; a lab needs at least one of each",
    );
    expect(resolveLabData({ kind: 'loaded', datasetId: 'ok' }, datasets).train.rul.length).toBe(40);
    expect(() => resolveLabData({ kind: 'loaded', datasetId: 'gone' }, datasets)).toThrow(/no dataset "gone" was loaded/);
  });
});
