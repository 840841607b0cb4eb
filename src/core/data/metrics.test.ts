import { describe, expect, it } from 'vitest';
import { constantPredictorBaseline, healthAccuracy, nasaScore, perClassRecall, rmse, scorePredictions } from './metrics';

describe('metrics', () => {
  it('nasaScore charges e − 1 for 13 cycles early and e − 1 for 10 cycles late', () => {
    expect(nasaScore([87], [100])).toBeCloseTo(Math.E - 1, 12);
    expect(nasaScore([110], [100])).toBeCloseTo(Math.E - 1, 12);
    expect(nasaScore([100, 87, 110], [100, 100, 100])).toBeCloseTo(2 * (Math.E - 1), 12);
    expect(nasaScore([80], [100])).toBeLessThan(nasaScore([120], [100]));
  });

  it('rmse clips negative predictions at 0 before scoring', () => {
    expect(rmse([-20, 10], [0, 10])).toBe(0);
    expect(rmse([3, 14], [0, 10])).toBeCloseTo(Math.sqrt((9 + 16) / 2), 12);
  });

  it('health accuracy and per-class recall read the largest logit of each row', () => {
    const logits = Float32Array.of(2, 0, 0, 0, 1, 0, 0, 3, 1, 0, 0, 5);
    const labels = Int32Array.of(0, 1, 2, 2);
    expect(healthAccuracy(logits, labels)).toBe(0.75);
    expect(Array.from(perClassRecall(logits, labels))).toEqual([1, 1, 0.5]);
    expect(Number.isNaN(perClassRecall(logits, Int32Array.of(0, 0, 0, 0))[2])).toBe(true);
  });

  it('the constant baseline predicts the mean training RUL', () => {
    const baseline = constantPredictorBaseline([50, 100, 150], [100, 110]);
    expect(baseline.prediction).toBe(100);
    expect(baseline.rmse).toBeCloseTo(Math.sqrt(50), 12);
    expect(baseline.nasaScore).toBeCloseTo(Math.exp(10 / 13) - 1, 12);
  });
});

describe('the one scoring rule', () => {
  it('clips predictions at 0 for both RMSE and the NASA score: [−20, 50] against [10, 40]', () => {
    const early = Math.exp(10 / 13) - 1;
    const late = Math.E - 1;
    expect(nasaScore([-20, 50], [10, 40])).toBeCloseTo(early + late, 12);
    expect(nasaScore([-20, 50], [10, 40])).toBeCloseTo(2.876, 3);
    expect(rmse([-20, 50], [10, 40])).toBeCloseTo(10, 12);
  });

  it('scorePredictions reports the same numbers as the single functions', () => {
    const logits = Float32Array.of(2, 0, 0, 0, 0, 3);
    const scores = scorePredictions([-20, 50], logits, [10, 40], Int32Array.of(0, 1));
    expect(scores.rmse).toBe(rmse([-20, 50], [10, 40]));
    expect(scores.nasaScore).toBe(nasaScore([-20, 50], [10, 40]));
    expect(scores.accuracy).toBe(0.5);
    expect(Number.isNaN(scores.criticalRecall)).toBe(true);
  });
});
