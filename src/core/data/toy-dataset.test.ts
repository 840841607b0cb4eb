import { describe, expect, it } from 'vitest';
import { createToyDataset } from './toy-dataset';

/** Least-squares fit of rul ≈ w·x + b by the normal equations, solved with partial pivoting. */
function linearFitRmse(features: Float32Array, target: Float32Array, featureCount: number): number {
  const n = target.length;
  const size = featureCount + 1;
  const normal = Array.from({ length: size }, () => new Float64Array(size + 1));
  const row = new Float64Array(size);
  for (let i = 0; i < n; i += 1) {
    for (let f = 0; f < featureCount; f += 1) row[f] = features[i * featureCount + f];
    row[featureCount] = 1;
    for (let a = 0; a < size; a += 1) {
      for (let b = 0; b < size; b += 1) normal[a][b] += row[a] * row[b];
      normal[a][size] += row[a] * target[i];
    }
  }
  for (let col = 0; col < size; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < size; r += 1) if (Math.abs(normal[r][col]) > Math.abs(normal[pivot][col])) pivot = r;
    [normal[col], normal[pivot]] = [normal[pivot], normal[col]];
    for (let r = 0; r < size; r += 1) {
      if (r === col) continue;
      const factor = normal[r][col] / normal[col][col];
      for (let c = col; c <= size; c += 1) normal[r][c] -= factor * normal[col][c];
    }
  }
  const weights = normal.map((r, i) => r[size] / r[i]);
  let squares = 0;
  for (let i = 0; i < n; i += 1) {
    let prediction = weights[featureCount];
    for (let f = 0; f < featureCount; f += 1) prediction += weights[f] * features[i * featureCount + f];
    squares += (prediction - target[i]) ** 2;
  }
  return Math.sqrt(squares / n);
}

function meanPredictorRmse(target: Float32Array): number {
  const mean = target.reduce((a, b) => a + b, 0) / target.length;
  return Math.sqrt(target.reduce((a, b) => a + (b - mean) ** 2, 0) / target.length);
}

describe('createToyDataset', () => {
  it('gives 14 z-scored features per row, RUL capped at 125 and labels consistent with the RUL', () => {
    const data = createToyDataset({ seed: 3, size: 2000 });
    expect(data.featureCount).toBe(14);
    expect(data.features.length).toBe(2000 * 14);
    expect(Math.max(...data.rul)).toBe(125);
    expect(Math.min(...data.rul)).toBe(0);
    for (let i = 0; i < data.rul.length; i += 1) {
      const expected = data.rul[i] <= 30 ? 2 : data.rul[i] <= 80 ? 1 : 0;
      expect(data.health[i]).toBe(expected);
    }
    const firstFeature = Array.from({ length: 2000 }, (_, i) => data.features[i * 14]);
    const mean = firstFeature.reduce((a, b) => a + b, 0) / 2000;
    const std = Math.sqrt(firstFeature.reduce((a, b) => a + (b - mean) ** 2, 0) / 2000);
    expect(Math.abs(mean)).toBeLessThan(0.1);
    expect(std).toBeGreaterThan(0.9);
    expect(std).toBeLessThan(1.1);
  });

  it('is identical for the same seed and differs for another seed', () => {
    const a = createToyDataset({ seed: 11, size: 500, engines: 20 });
    const b = createToyDataset({ seed: 11, size: 500, engines: 20 });
    const c = createToyDataset({ seed: 12, size: 500, engines: 20 });
    expect(Array.from(a.features)).toEqual(Array.from(b.features));
    expect(Array.from(a.rul)).toEqual(Array.from(b.rul));
    expect(Array.from(a.features)).not.toEqual(Array.from(c.features));
  });

  it('is learnable: a linear least-squares fit beats predicting the mean RUL by more than a third', () => {
    const data = createToyDataset({ seed: 5, size: 4000 });
    const linear = linearFitRmse(data.features, data.rul, 14);
    const baseline = meanPredictorRmse(data.rul);
    console.info(`toy dataset RMSE: mean predictor ${baseline.toFixed(2)}, linear fit ${linear.toFixed(2)}`);
    expect(baseline).toBeGreaterThan(30);
    expect(linear).toBeLessThan(0.66 * baseline);
  });
});
