import { describe, expect, it } from 'vitest';
import { createGabaStrategy, GABA_VARIANTS } from './gaba';
import { DEFAULT_GABA_HYPER, gabaRawWeights } from './gaba-controller';
import { observationFromNorms } from './testing';

describe('GABA strategy', () => {
  it('reads the norms from the Gramian diagonal and uses 1/K through the 100-step warm-up', () => {
    const strategy = createGabaStrategy(DEFAULT_GABA_HYPER, 2);
    for (let step = 1; step <= 100; step += 1) {
      const plan = strategy.plan(observationFromNorms(step, [25.75, 0.9], [5, 0.01], { cosine: -0.3 }));
      expect(plan.sharedCoefficients).toEqual([0.5, 0.5]);
    }
    expect(strategy.snapshot()).toEqual({ step: 100, ema: [0.5, 0.5], weights: [0.5, 0.5] });
    const plan = strategy.plan(observationFromNorms(101, [25.75, 0.9], [5, 0.01]));
    const raw = gabaRawWeights([5, 0.01]);
    expect(plan.sharedCoefficients[0]).toBeCloseTo(0.99 * 0.5 + 0.01 * raw[0], 12);
    expect(plan.headCoefficients).toEqual(plan.sharedCoefficients);
    expect(plan.weights).toEqual(plan.sharedCoefficients);
  });

  it('gives the RUL weights 0.495, 0.49005, 0.4851495 over three adaptive steps from raw ≈ (0, 1)', () => {
    const strategy = createGabaStrategy({ ...DEFAULT_GABA_HYPER, warmupSteps: 0 }, 2);
    const weights = [1, 2, 3].map((step) => strategy.plan(observationFromNorms(step, [1, 1], [1, 1e-9])).weights[0]);
    [0.495, 0.49005, 0.4851495].forEach((expected, i) => expect(weights[i]).toBeCloseTo(expected, 8));
  });

  it('offers gabaInverseNorm, which equalises λ_k‖g_k‖ for K = 3 (β = 0, so the EMA is the raw rule)', () => {
    const hyper = { ...DEFAULT_GABA_HYPER, warmupSteps: 0, beta: 0, minWeight: 0 };
    const inverse = createGabaStrategy(hyper, 3, GABA_VARIANTS.gabaInverseNorm);
    const paper = createGabaStrategy(hyper, 3);
    const norms = [1, 2, 4];
    const contributions = (weights: readonly number[]): number[] => weights.map((w, k) => w * norms[k]);
    const inverseParts = contributions(inverse.plan(observationFromNorms(1, [1, 1, 1], norms)).weights);
    const paperParts = contributions(paper.plan(observationFromNorms(1, [1, 1, 1], norms)).weights);
    inverseParts.forEach((v) => expect(v).toBeCloseTo(4 / 7, 12));
    expect(paperParts[2] / paperParts[0]).toBeCloseTo(2, 12);
  });

  it('names its variants and their losses: GRACE trains RUL on the weighted MSE', () => {
    expect(createGabaStrategy(DEFAULT_GABA_HYPER, 2).taskLosses).toEqual(['mse', 'crossEntropy']);
    const grace = createGabaStrategy(DEFAULT_GABA_HYPER, 2, GABA_VARIANTS.grace);
    expect([grace.name, grace.label]).toEqual(['grace', 'GRACE']);
    expect(grace.taskLosses).toEqual(['weightedMse', 'crossEntropy']);
    expect(grace.usesGradients).toBe(true);
  });

  it('goes back to step 0 and EMA 1/K on reset', () => {
    const strategy = createGabaStrategy({ ...DEFAULT_GABA_HYPER, warmupSteps: 0 }, 2);
    strategy.plan(observationFromNorms(1, [1, 1], [3, 1]));
    strategy.reset();
    expect(strategy.snapshot()).toEqual({ step: 0, ema: [0.5, 0.5], weights: [0.5, 0.5] });
  });
});
