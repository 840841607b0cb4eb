/** What GABA's floor does to the update: the ratio it can still balance, and the share it leaves health. */
import { describe, expect, it } from 'vitest';
import { updateShares } from '../gramian';
import { createGabaController, largestBalancedRatio } from './gaba-controller';

function settle(norms: readonly number[], minWeight: number): number[] {
  const controller = createGabaController({ taskCount: 2, minWeight, warmupSteps: 0, beta: 0.9 });
  let weights: number[] = [];
  for (let step = 0; step < 500; step += 1) weights = [...controller.update(norms).weights];
  return weights;
}

describe("GABA's floor", () => {
  it('caps the balanced ratio at 1/m', () => {
    expect(largestBalancedRatio(0.05)).toBeCloseTo(20, 12);
    expect(largestBalancedRatio(0.5)).toBeCloseTo(2, 12);
    expect(largestBalancedRatio(0)).toBe(Infinity);
  });

  it('balances the two terms below the cap: at 15× each task gets half of the summed term lengths', () => {
    const weights = settle([15, 1], 0.05);
    expect(updateShares(weights, [15, 1])[1]).toBeCloseTo(0.5, 3);
  });

  it('leaves health about 4 % at 500× with m = 0.05: the weights settle near fixed 0.048/0.952', () => {
    const weights = settle([500, 1], 0.05);
    // EMA → raw ≈ (1/501, 500/501); floored: 0.05/(0.05 + 500/501) and the rest.
    const ema = 500 / 501;
    expect(weights[0]).toBeCloseTo(0.05 / (0.05 + ema), 6);
    expect(updateShares(weights, [500, 1])[1]).toBeCloseTo(ema / (500 * 0.05 + ema), 6);
    expect(updateShares(weights, [500, 1])[1]).toBeLessThan(0.04);
  });

  it('lets a lower floor balance a larger ratio', () => {
    expect(updateShares(settle([500, 1], 0.001), [500, 1])[1]).toBeCloseTo(0.5, 2);
  });
});
