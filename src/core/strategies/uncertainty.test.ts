import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAM } from '../optimiser-config';
import { observationFromNorms } from './testing';
import { createUncertaintyStrategy, uncertaintyFactors, uncertaintyLogVarianceGradient } from './uncertainty';

describe('uncertainty factors', () => {
  it('are ½e^{−s} for regression and e^{−s} for classification in the paper form: s = (0, ln 2) gives (0.5, 0.5)', () => {
    const factors = uncertaintyFactors([0, Math.log(2)], ['mse', 'crossEntropy'], 'paper');
    expect(factors[0]).toBe(0.5);
    expect(factors[1]).toBeCloseTo(0.5, 15);
  });

  it('are ½e^{−s} for every task in the LibMTL form: s = (0, ln 2) gives (0.5, 0.25)', () => {
    const factors = uncertaintyFactors([0, Math.log(2)], ['mse', 'crossEntropy'], 'libmtl');
    expect(factors[1]).toBeCloseTo(0.25, 15);
  });

  it('give ∂/∂s = −f·L + ½: f = (0.5, 1), L = (25.75, 0.9) gives (−12.375, −0.4)', () => {
    const gradient = uncertaintyLogVarianceGradient([0.5, 1], [25.75, 0.9]);
    expect(gradient[0]).toBeCloseTo(-12.375, 12);
    expect(gradient[1]).toBeCloseTo(-0.4, 12);
  });

  it('have a gradient that matches central differences of f(s)·L + ½s', () => {
    const loss = 3.7;
    const objective = (s: number): number => Math.exp(-s) * loss + 0.5 * s;
    const s = 0.3;
    const numeric = (objective(s + 1e-6) - objective(s - 1e-6)) / 2e-6;
    expect(uncertaintyLogVarianceGradient([Math.exp(-s)], [loss])[0]).toBeCloseTo(numeric, 6);
  });
});

describe('uncertainty strategy', () => {
  it('uses the factors before the update, then moves each s by −lr·sign(grad) on the first Adam step', () => {
    const strategy = createUncertaintyStrategy({ form: 'paper', initialLogVariance: 0 }, 2, DEFAULT_ADAM);
    const plan = strategy.plan(observationFromNorms(1, [25.75, 0.9], [1, 1]));
    expect(plan.sharedCoefficients).toEqual([0.5, 1]);
    expect(plan.weights).toEqual([0.5, 1]);
    const { logVariances } = strategy.snapshot() as { logVariances: number[] };
    // Both gradients are negative (losses above the equilibrium f·L = ½), so both s grow by lr.
    expect(logVariances[0]).toBeCloseTo(1e-3, 9);
    expect(logVariances[1]).toBeCloseTo(1e-3, 9);
    const next = strategy.plan(observationFromNorms(2, [25.75, 0.9], [1, 1]));
    expect(next.sharedCoefficients[0]).toBeCloseTo(0.5 * Math.exp(-1e-3), 9);
  });

  it('steps s with SGD when the trainer uses SGD: s ← s − lr·(−f·L + ½)', () => {
    const strategy = createUncertaintyStrategy({ form: 'paper', initialLogVariance: 0 }, 2, { kind: 'sgd', learningRate: 0.01 });
    strategy.plan(observationFromNorms(1, [25.75, 0.9], [1, 1]));
    const { logVariances } = strategy.snapshot() as { logVariances: number[] };
    expect(logVariances[0]).toBeCloseTo(0.12375, 12);
    expect(logVariances[1]).toBeCloseTo(0.004, 12);
  });

  it('returns to its initial log-variance on reset', () => {
    const strategy = createUncertaintyStrategy({ form: 'libmtl', initialLogVariance: -1 }, 2, DEFAULT_ADAM);
    strategy.plan(observationFromNorms(1, [10, 1], [1, 1]));
    strategy.reset();
    expect(strategy.snapshot()).toEqual({ step: 0, logVariances: [-1, -1], factors: [0.5 * Math.E, 0.5 * Math.E] });
  });
});
