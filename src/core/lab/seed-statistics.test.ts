import { describe, expect, it } from 'vitest';
import { excludesZero, meanInterval, pairedDifference, tQuantile975 } from './seed-statistics';

describe('tQuantile975', () => {
  it('reads the standard table for small samples', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(2)).toBeCloseTo(4.303, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
  });

  it('errs wide between tabulated rows and tends to the normal quantile', () => {
    expect(tQuantile975(45)).toBeCloseTo(2.0211, 4); // df 40's entry
    expect(tQuantile975(500)).toBeCloseTo(1.9799, 4);
    expect(tQuantile975(5000)).toBe(1.96);
    // Quantiles fall as df grows.
    for (let df = 1; df < 200; df += 1) expect(tQuantile975(df + 1)).toBeLessThanOrEqual(tQuantile975(df));
  });

  it('refuses a degree of freedom that is not a positive integer', () => {
    expect(() => tQuantile975(0)).toThrow(/integer >= 1/);
    expect(() => tQuantile975(2.5)).toThrow(/integer >= 1/);
  });
});

describe('meanInterval', () => {
  it('matches a hand computation for 1 … 5', () => {
    // mean 3; sd = √(10/4) = 1.58114; se = sd/√5 = 0.70711; half-width = 2.7764 · 0.70711 = 1.96322.
    const interval = meanInterval([1, 2, 3, 4, 5]);
    expect(interval.count).toBe(5);
    expect(interval.mean).toBe(3);
    expect(interval.sd).toBeCloseTo(1.58114, 5);
    expect(interval.halfWidth).toBeCloseTo(1.96322, 4);
    expect(interval.lower).toBeCloseTo(1.03678, 4);
    expect(interval.upper).toBeCloseTo(4.96322, 4);
  });

  it('skips runs without a value and has no interval from one value', () => {
    const single = meanInterval([NaN, 7]);
    expect(single.count).toBe(1);
    expect(single.mean).toBe(7);
    expect(single.halfWidth).toBeNaN();
    expect(meanInterval([]).mean).toBeNaN();
  });
});

describe('pairedDifference', () => {
  it('marks a consistent gap that the seed spread would hide unpaired', () => {
    // Differences 1, 1.1, 0.9: mean 1, sd 0.1, half-width 4.3027 · 0.1/√3 = 0.24842.
    const strategy = [11, 21.1, 30.9];
    const baseline = [10, 20, 30];
    const paired = pairedDifference(strategy, baseline);
    expect(paired.mean).toBeCloseTo(1, 10);
    expect(paired.halfWidth).toBeCloseTo(0.24842, 4);
    expect(excludesZero(paired)).toBe(true);
    // Unpaired, each side's interval is about ±25 wide and they overlap almost completely.
    expect(meanInterval(strategy).halfWidth).toBeGreaterThan(20);
  });

  it('does not mark a gap within the spread', () => {
    // Differences 1, 2, 1: mean 4/3, sd √(1/3) = 0.57735, half-width 4.3027 · 0.33333 = 1.43423.
    const paired = pairedDifference([10, 12, 11], [9, 10, 10]);
    expect(paired.halfWidth).toBeCloseTo(1.43423, 4);
    expect(paired.lower).toBeLessThan(0);
    expect(excludesZero(paired)).toBe(false);
  });

  it('pairs only seeds where both runs have a value', () => {
    expect(pairedDifference([1, NaN, 3, 5], [0, 1, 1, 2]).count).toBe(3);
    expect(() => pairedDifference([1, 2], [1])).toThrow(/one per seed/);
  });
});
