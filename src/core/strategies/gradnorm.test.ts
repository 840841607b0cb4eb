import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createGradNormStrategy, gradNormTerms } from './gradnorm';
import { observationFromNorms } from './testing';

const sum = (values: readonly number[]): number => values.reduce((acc, v) => acc + v, 0);

describe('gradNormTerms', () => {
  it('computes G, r, T and sign(G − T)·n by hand: w = (1, 1), n = (2, 1), L/L0 = (0.5, 1), α = 1.5', () => {
    const terms = gradNormTerms([1, 1], [2, 1], [5, 3], [10, 3], 1.5);
    expect(terms.weightedNorms).toEqual([2, 1]);
    expect(terms.inverseRates[0]).toBeCloseTo(0.5 / 0.75, 12);
    expect(terms.inverseRates[1]).toBeCloseTo(1 / 0.75, 12);
    expect(terms.targets[0]).toBeCloseTo(1.5 * (2 / 3) ** 1.5, 12);
    expect(terms.targets[1]).toBeCloseTo(1.5 * (4 / 3) ** 1.5, 12);
    // G0 = 2 > T0 = 0.8165 pushes w0 down; G1 = 1 < T1 = 2.3094 pushes w1 up.
    expect(terms.gradient).toEqual([2, -1]);
  });

  it('treats a task whose first loss was 0 as training at the average rate', () => {
    const terms = gradNormTerms([1, 1], [1, 1], [0, 2], [0, 4], 1.5);
    expect(terms.inverseRates).toEqual([4 / 3, 2 / 3]);
  });
});

describe('GradNorm strategy', () => {
  it('starts at w = (1, 1), shown as (0.5, 0.5), and applies the weights from before its update', () => {
    const strategy = createGradNormStrategy({ alpha: 1.5, weightLr: null }, 2, DEFAULT_ADAM);
    expect(strategy.currentWeights()).toEqual([0.5, 0.5]);
    const plan = strategy.plan(observationFromNorms(1, [25.75, 0.9], [10, 0.1]));
    expect(plan.sharedCoefficients).toEqual([1, 1]);
    expect(plan.headCoefficients).toEqual([1, 1]);
    expect(plan.weights).toEqual([0.5, 0.5]);
    const { weights } = strategy.snapshot() as { weights: number[] };
    expect(weights[0]).toBeCloseTo(1 - 1e-3, 9);
    expect(weights[1]).toBeCloseTo(1 + 1e-3, 9);
  });

  it('keeps Σw = 2 and moves weight to the task with the smaller last-layer norm (10 vs 0.1)', () => {
    const strategy = createGradNormStrategy({ alpha: 1.5, weightLr: null }, 2, DEFAULT_ADAM);
    let plan = strategy.plan(observationFromNorms(1, [25.75, 0.9], [10, 0.1]));
    for (let step = 2; step <= 200; step += 1) {
      plan = strategy.plan(observationFromNorms(step, [25.75, 0.9], [10, 0.1]));
      expect(sum(plan.sharedCoefficients)).toBeCloseTo(2, 12);
    }
    expect(plan.sharedCoefficients[1]).toBeGreaterThan(1.15);
    expect(plan.weights[0]).toBeLessThan(0.45);
  });

  it('moves weight to the task that trains more slowly when the norms are equal', () => {
    const strategy = createGradNormStrategy({ alpha: 1.5, weightLr: 0.01 }, 2, DEFAULT_ADAM);
    strategy.plan(observationFromNorms(1, [20, 1], [1, 1]));
    // RUL's loss halves, health's stays: health is behind and should gain weight.
    strategy.plan(observationFromNorms(2, [10, 1], [1, 1]));
    // Step 2's plan used the weights from before its update; step 3 shows the move. Step 1's
    // gradient was 0, so Adam's second, bias-corrected step is lr·(0.1/0.19)/√(0.001/0.001999).
    const plan = strategy.plan(observationFromNorms(3, [10, 1], [1, 1]));
    const move = (0.01 * (0.1 / 0.19)) / (Math.sqrt(0.001 / (1 - 0.999 ** 2)) + 1e-8);
    expect(plan.sharedCoefficients[0]).toBeCloseTo(1 - move, 12);
    expect(plan.sharedCoefficients[1]).toBeCloseTo(1 + move, 12);
    expect(strategy.hyper).toEqual({ alpha: 1.5, weightLr: 0.01 });
  });

  it('takes the trainer’s learning rate when weightLr is null, and SGD when the trainer uses SGD', () => {
    const adam = createGradNormStrategy({ alpha: 1.5, weightLr: null }, 2, { ...DEFAULT_ADAM, learningRate: 0.02 });
    expect(adam.hyper.weightLr).toBe(0.02);
    const sgd = createGradNormStrategy({ alpha: 1.5, weightLr: null }, 2, { kind: 'sgd', learningRate: 0.01 });
    sgd.plan(observationFromNorms(1, [1, 1], [3, 1]));
    // gradient (3, −1) → w = (1 − 0.03, 1 + 0.01), renormalised to Σ = 2.
    const { weights } = sgd.snapshot() as { weights: number[] };
    expect(weights[0]).toBeCloseTo((2 * 0.97) / 1.98, 12);
    expect(weights[1]).toBeCloseTo((2 * 1.01) / 1.98, 12);
  });

  it('forgets its weights, its first losses and its moments on reset', () => {
    const strategy = createGradNormStrategy({ alpha: 1.5, weightLr: null }, 3, DEFAULT_ADAM);
    strategy.plan(observationFromNorms(1, [3, 2, 1], [1, 2, 3]));
    strategy.reset();
    expect(strategy.snapshot()).toEqual({ step: 0, weights: [1, 1, 1], initialLosses: [] });
    strategy.plan(observationFromNorms(1, [3, 2, 1], [1, 2, 3]));
    const { weights } = strategy.snapshot() as { weights: number[] };
    expect(sum(weights)).toBeCloseTo(3, 12);
    expect(weights[0]).toBeGreaterThan(1);
  });
});
