import { describe, expect, it } from 'vitest';
import { createAmnlNormalisedStrategy } from './amnl-normalised';
import { observationFromNorms } from './testing';

describe('AMNL-normalised', () => {
  const strategy = createAmnlNormalisedStrategy({ weights: [0.5, 0.5], floors: [1.0, 0.1] });

  it('divides each weight by its own loss: L = (25.75, 0.90) gives c = (0.019417, 0.555556), shown (0.033771, 0.966229)', () => {
    const plan = strategy.plan(observationFromNorms(1, [25.75, 0.9], [1, 1]));
    expect(plan.sharedCoefficients[0]).toBeCloseTo(0.5 / 25.75, 12);
    expect(plan.sharedCoefficients[1]).toBeCloseTo(0.5 / 0.9, 12);
    expect(plan.headCoefficients).toEqual(plan.sharedCoefficients);
    const sum = 0.5 / 25.75 + 0.5 / 0.9;
    expect(plan.weights[0]).toBeCloseTo(0.5 / 25.75 / sum, 12);
    expect(plan.weights[0]).toBeCloseTo(0.033771, 6);
    // Each normalised term c_k·L_k is 0.5, whatever the loss scale.
    expect(plan.sharedCoefficients[0] * 25.75).toBeCloseTo(0.5, 12);
  });

  it('applies the floors 1.0 and 0.1 to small losses: L = (0.4, 0.02) gives c = (0.5, 5)', () => {
    const plan = strategy.plan(observationFromNorms(2, [0.4, 0.02], [1, 1]));
    expect(plan.sharedCoefficients).toEqual([0.5, 5]);
  });

  it('trains on the weighted MSE and forgets its last coefficients on reset', () => {
    expect(strategy.taskLosses).toEqual(['weightedMse', 'crossEntropy']);
    strategy.reset();
    expect(strategy.snapshot()).toEqual({ coefficients: [] });
    expect(strategy.currentWeights()).toEqual([0.5, 0.5]);
  });
});
