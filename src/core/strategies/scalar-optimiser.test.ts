import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createScalarOptimiser } from './scalar-optimiser';

describe('createScalarOptimiser', () => {
  it('moves every parameter by lr on Adam’s first step, whatever the gradient’s size (up to ε/|g|)', () => {
    const optimiser = createScalarOptimiser(DEFAULT_ADAM, 3);
    const next = optimiser.step([0, 1, 2], [5, -0.01, 1000]);
    expect(next[0]).toBeCloseTo(-1e-3, 9);
    expect(next[1]).toBeCloseTo(1 + 1e-3 * (0.01 / (0.01 + 1e-8)), 12);
    expect(next[2]).toBeCloseTo(2 - 1e-3, 9);
  });

  it('matches hand-computed bias-corrected Adam on the second step', () => {
    const optimiser = createScalarOptimiser(DEFAULT_ADAM, 1);
    const first = optimiser.step([0], [2]);
    const second = optimiser.step(first, [-1]);
    const m = 0.9 * (0.1 * 2) + 0.1 * -1;
    const v = 0.999 * (0.001 * 4) + 0.001 * 1;
    const mHat = m / (1 - 0.81);
    const vHat = v / (1 - 0.999 ** 2);
    expect(second[0]).toBeCloseTo(first[0] - (1e-3 * mHat) / (Math.sqrt(vHat) + 1e-8), 12);
    expect(optimiser.snapshot().step).toBe(2);
  });

  it('takes θ − lr·g with SGD and leaves its inputs untouched', () => {
    const optimiser = createScalarOptimiser({ kind: 'sgd', learningRate: 0.1 }, 2);
    const parameters = [1, 2];
    const next = optimiser.step(parameters, [3, -4]);
    expect(next[0]).toBeCloseTo(0.7, 12);
    expect(next[1]).toBeCloseTo(2.4, 12);
    expect(parameters).toEqual([1, 2]);
  });

  it('forgets its moments on reset, so the next step is again exactly lr', () => {
    const optimiser = createScalarOptimiser(DEFAULT_ADAM, 1);
    optimiser.step([0], [1]);
    optimiser.step([0], [-3]);
    optimiser.reset();
    expect(optimiser.snapshot()).toEqual({ step: 0, firstMoment: [0], secondMoment: [0] });
    expect(optimiser.step([0], [-3])[0]).toBeCloseTo(1e-3, 9);
  });

  it('rejects a gradient of the wrong length', () => {
    expect(() => createScalarOptimiser(DEFAULT_ADAM, 2).step([0, 0], [1])).toThrow(/expects 2/);
  });
});
