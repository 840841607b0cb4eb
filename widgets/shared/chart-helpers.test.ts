import { describe, expect, it } from 'vitest';
import { linearDomain, logDomain } from './domain';
import { formatNumber, formatPercent, formatRatio, formatTick } from './format';
import { smoothPoints } from './smooth';

describe('formatNumber: numbers as people write them', () => {
  it('groups thousands and keeps three significant digits', () => {
    expect(formatRatio(1262.4)).toBe('1,260×');
    expect(formatNumber(31.6227)).toBe('31.6');
    expect(formatNumber(546.2)).toBe('546');
    expect(formatNumber(125000)).toBe('125,000');
    expect(formatNumber(0.00612)).toBe('0.00612');
    expect(formatNumber(-2.5)).toBe('−2.50');
    expect(formatNumber(0.00001)).toBe('0.0000100');
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(formatRatio(1)).toBe('1.00×');
  });
  it('writes axis ticks without trailing zeros', () => {
    expect(formatTick(0.25)).toBe('0.25');
    expect(formatTick(10000)).toBe('10,000');
    expect(formatTick(1e-8)).toBe('10⁻⁸');
    expect(formatTick(200)).toBe('200');
  });
  it('writes a power of ten only for very small or very large values, and names zero, NaN and infinity', () => {
    expect(formatNumber(6.12e-15)).toBe('6.12 × 10⁻¹⁵');
    expect(formatNumber(1e-7)).toBe('1.00 × 10⁻⁷');
    expect(formatNumber(3.2e9)).toBe('3.20 × 10⁹');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatRatio(Infinity)).toBe('∞');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.12345)).toBe('12.3%');
  });
});

describe('axis domains follow the data', () => {
  it('a log domain spans whole decades around every value, at least one decade', () => {
    expect(logDomain([378, 546], [1e-3, 1e2])).toEqual([100, 1000]);
    expect(logDomain([0.002, 546], [1, 10])).toEqual([0.001, 1000]);
    expect(logDomain([42], [1, 10])).toEqual([10, 100]);
    expect(logDomain([100], [1, 10])).toEqual([100, 1000]);
    expect(logDomain([NaN, 0, -1], [1, 1e4])).toEqual([1, 1e4]);
  });
  it('a linear domain holds every value with headroom, from zero for positive data', () => {
    const [low, high] = linearDomain([3.99, 2.83, 1.1], [0, 1]);
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(3.99);
    expect(linearDomain([0.7], [0, 1])).toEqual([0, 0.7 * 1.05]);
    expect(linearDomain([0, 0], [0, 1])).toEqual([0, 1]);
    expect(linearDomain([], [0, 60])).toEqual([0, 60]);
  });
});

describe('smoothPoints', () => {
  it('averages exponentially from the first point, and passes gaps through', () => {
    expect(smoothPoints([[1, 4], [2, 0], [3, NaN], [4, 2]], 0.5)).toEqual([[1, 4], [2, 2], [3, NaN], [4, 2]]);
    expect(smoothPoints([[1, 4], [2, 0]], 0)).toEqual([[1, 4], [2, 0]]);
  });
});

describe('the chart cursor', async () => {
  const { cursorSteps, nearestIndex, valueAtStep } = await import('./chart-cursor');
  it('moves through every step any series has, and reads each series at that step', () => {
    const a = [[1, 10], [2, 20], [4, 40]] as const;
    const b = [[2, 5], [3, 6]] as const;
    const steps = cursorSteps([a, b]);
    expect(steps).toEqual([1, 2, 3, 4]);
    expect(nearestIndex(steps, 2.4)).toBe(1);
    expect(nearestIndex(steps, 2.6)).toBe(2);
    expect(nearestIndex(steps, 99)).toBe(3);
    expect(nearestIndex([], 1)).toBe(-1);
    expect(valueAtStep(a, 3)).toEqual([2, 20]);
    expect(valueAtStep(b, 1)).toBeNull();
  });
});
