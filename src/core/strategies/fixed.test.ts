import { describe, expect, it } from 'vitest';
import { createAmnlStrategy } from './amnl';
import { createFixedStrategy, FIXED_PRESETS, fixedSumWarning } from './fixed';
import { observationFromNorms } from './testing';

const losses = [25.75, 0.9];
const total = (coefficients: readonly number[]): number =>
  coefficients.reduce((acc, c, k) => acc + c * losses[k], 0);

describe('fixed weights', () => {
  it('take new weights from the next plan on retune, and refuse anything else', () => {
    const strategy = createFixedStrategy({ weights: [0.5, 0.5] });
    strategy.retune?.({ weights: [0.8, 0.2] });
    expect(strategy.plan(observationFromNorms(1, [1, 1], [1, 1])).weights).toEqual([0.8, 0.2]);
    expect(strategy.hyper.weights).toEqual([0.8, 0.2]);
    expect(() => strategy.retune?.({ weights: [0.8, -1] })).toThrow(/weights must be an array of 2 numbers >= 0/);
    expect(() => strategy.retune?.({ beta: 0.5 })).toThrow(/only the hyperparameter "weights"/);
    expect(strategy.hyper.weights).toEqual([0.8, 0.2]);
  });

  it('give totals 13.325, 15.81, 19.5375, 23.265 for L = (25.75, 0.90) at 0.5/0.5, 0.6/0.4, 0.75/0.25, 0.9/0.1', () => {
    const settings = [[0.5, 0.5], [0.6, 0.4], [0.75, 0.25], [0.9, 0.1]];
    const totals = settings.map((weights) => {
      const plan = createFixedStrategy({ weights }).plan(observationFromNorms(1, losses, [1, 1]));
      return total(plan.sharedCoefficients);
    });
    [13.325, 15.81, 19.5375, 23.265].forEach((expected, i) => expect(totals[i]).toBeCloseTo(expected, 10));
  });

  it('use the same weights for the shared part, the heads and the display, every step', () => {
    const strategy = createFixedStrategy({ weights: [0.75, 0.25] });
    for (let step = 1; step <= 3; step += 1) {
      const plan = strategy.plan(observationFromNorms(step, losses, [3, 0.1]));
      expect(plan).toEqual({ sharedCoefficients: [0.75, 0.25], headCoefficients: [0.75, 0.25], weights: [0.75, 0.25] });
    }
    expect(strategy.taskLosses).toEqual(['mse', 'crossEntropy']);
    expect(strategy.usesGradients).toBe(false);
  });

  it('raise sumWarning for 0.6/0.6 but not for 0.6/0.4 or the presets', () => {
    expect(createFixedStrategy({ weights: [0.6, 0.6] }).sumWarning).toBe(true);
    expect(createFixedStrategy({ weights: [0.6, 0.4] }).sumWarning).toBe(false);
    FIXED_PRESETS.forEach((preset) => expect(fixedSumWarning(preset.weights)).toBe(false));
  });

  it('offer the presets 0.5/0.5, 0.75/0.25, 0.9/0.1 and 1/0', () => {
    expect(FIXED_PRESETS.map((preset) => preset.weights)).toEqual([[0.5, 0.5], [0.75, 0.25], [0.9, 0.1], [1, 0]]);
  });

  it('reject an observation with the wrong number of losses', () => {
    expect(() => createFixedStrategy({ weights: [0.5, 0.5] }).plan(observationFromNorms(1, [1], [1]))).toThrow(
      /expected 2 losses/,
    );
  });
});

describe('AMNL', () => {
  it('is fixed 0.5/0.5 on the weighted MSE and cross-entropy', () => {
    const strategy = createAmnlStrategy({ weights: [0.5, 0.5] });
    expect(strategy.name).toBe('amnl');
    expect(strategy.taskLosses).toEqual(['weightedMse', 'crossEntropy']);
    expect(total(strategy.plan(observationFromNorms(1, losses, [1, 1])).sharedCoefficients)).toBeCloseTo(13.325, 10);
  });
});
