import { describe, expect, it } from 'vitest';
import { runPathSummary } from './run-path-summary';

describe('runPathSummary', () => {
  it('names the one path every run takes, counts them when they differ, and says nothing before the lab has said', () => {
    expect(runPathSummary({})).toBeNull();
    expect(runPathSummary({ a: { path: 'stacked', reason: 'r' }, b: { path: 'stacked', reason: 'r' } })).toBe('stacked');
    expect(runPathSummary({ a: { path: 'gpuResident', reason: 'asked to stack' }, b: { path: 'gpuResident' } })).toBe('GPU-resident');
    expect(runPathSummary({ a: { path: 'gpuResident' }, b: { path: 'fused', reason: 'no plan' }, c: { path: 'gpuResident' } })).toBe('2 GPU-resident, 1 fused');
  });
});
