import { describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../scenario';
import { normaliseToSum } from './common';
import { clampAtZero, createGradNormStrategy } from './gradnorm';
import { observationFromNorms } from './testing';

describe('GradNorm keeps its weights non-negative', () => {
  it('cuts a step that would go below 0 at 0, then renormalises to Σw = K', () => {
    expect(clampAtZero([-0.2, 1.4, 0.5])).toEqual([0, 1.4, 0.5]);
    // SGD at lr 1: gradient (3, −1) takes w = (1, 1) to (−2, 2); cut to (0, 2), already Σ = 2.
    const strategy = createGradNormStrategy({ alpha: 1.5, weightLr: 1 }, 2, { kind: 'sgd', learningRate: 1 });
    strategy.plan(observationFromNorms(1, [1, 1], [3, 1]));
    expect(strategy.currentWeights()).toEqual([0, 1]);
    // A task at weight 0 has G = 0 below its target, so the next step pushes it back up.
    const plan = strategy.plan(observationFromNorms(2, [1, 1], [3, 1]));
    expect(plan.sharedCoefficients).toEqual([0, 2]);
    expect(strategy.currentWeights()[0]).toBeGreaterThan(0);
  });

  it('falls back to uniform weights when every weight is cut to 0', () => {
    expect(normaliseToSum(clampAtZero([-1, -2]), 2)).toEqual([1, 1]);
  });

  it('shows no negative weight in 300 steps of the synthetic fleet at weightLr 0.05', async () => {
    const scenario = parseScenario({
      parameters: { seed: 0 },
      data: { kind: 'synthetic', seed: 0, batchSize: 64 },
      strategy: { name: 'gradnorm', hyper: { weightLr: 0.05 } },
      steps: 300,
    });
    const rulWeights: number[] = [];
    await runScenario(scenario, (record) => rulWeights.push(record.weights[0]), { exportParameters: false });
    expect(rulWeights).toHaveLength(300);
    expect(rulWeights.filter((w) => w < 0)).toEqual([]);
    // The cut is exercised: some steps reach the floor rather than the run never coming near it.
    expect(Math.min(...rulWeights)).toBeLessThan(0.05);
  }, 60_000);
});
