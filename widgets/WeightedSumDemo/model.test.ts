import { describe, expect, it } from 'vitest';
import { balancedWeight, contributions, parseState, serializeState } from './model';

describe('the weighted-sum demo model', () => {
  it('splits the total between the tasks by the weight', () => {
    expect(contributions(0.25, { rul: 400, health: 1 })).toEqual({ rul: 100, health: 0.75, total: 100.75 });
  });

  it('clamps weights outside [0, 1]', () => {
    expect(contributions(2, { rul: 10, health: 1 }).health).toBe(0);
  });

  it('finds the weight where both tasks contribute equally', () => {
    const w = balancedWeight({ rul: 399, health: 1 });
    const parts = contributions(w, { rul: 399, health: 1 });
    expect(parts.rul).toBeCloseTo(parts.health, 12);
  });

  it('round-trips its state through the URL under its id', () => {
    const params = new URLSearchParams(serializeState({ weight: 0.125 }, 'mix'));
    expect(parseState(params, 'mix')).toEqual({ weight: 0.125 });
    expect(parseState(new URLSearchParams('mix.w=7'), 'mix')).toEqual({ weight: 1 });
  });
});
