import { describe, expect, it } from 'vitest';
import { computeExplorer, describeChange, GABA_EXPLORER_SCHEMA, liveLabConfig, liveTunables, warmupLocked, type GabaExplorerState } from './model';
import { parseState, serializeState } from '../shared/url-state';

const base: GabaExplorerState = {
  normRul: 1, normHealth: 1, beta: 0.99, warmupSteps: 100, minWeight: 0.05, steps: 400, mode: 'static', seed: 0,
};

describe('the GABA explorer model', () => {
  it('gives 0.5 / 0.5 for equal norms, raw and after smoothing', () => {
    const numbers = computeExplorer(base);
    expect(numbers.raw[0]).toBeCloseTo(0.5, 12);
    expect(numbers.raw[1]).toBeCloseTo(0.5, 12);
    expect(numbers.finalWeights[0]).toBeCloseTo(0.5, 12);
  });

  it('reproduces the source numbers: norms 5 and 0.01 give raw weights 0.0020 / 0.9980', () => {
    const { raw } = computeExplorer({ ...base, normRul: 5, normHealth: 0.01 });
    expect(raw[0]).toBeCloseTo(0.002, 4);
    expect(raw[1]).toBeCloseTo(0.998, 4);
  });

  it('holds 1/K through warm-up, then moves the RUL weight down by (1 − β) per step at first', () => {
    const { trace } = computeExplorer({ ...base, normRul: 100, normHealth: 0.001 });
    expect(trace[99].weights).toEqual([0.5, 0.5]);
    expect(trace[100].ema[0]).toBeCloseTo(0.99 * 0.5 + 0.01 * (0.001 / 100.001), 10);
  });

  it('pins the RUL weight at the floor for a 100 : 0.001 ratio', () => {
    const { finalWeights } = computeExplorer({ ...base, normRul: 100, normHealth: 0.001, steps: 2000 });
    // The EMA of RUL falls below the 0.05 floor; renormalising max(ema, 0.05) leaves it just under 0.05.
    expect(finalWeights[0]).toBeGreaterThan(0.045);
    expect(finalWeights[0]).toBeLessThan(0.0501);
    expect(finalWeights[0] + finalWeights[1]).toBeCloseTo(1, 12);
  });

  it('clamps absurd URL values into the sliders’ ranges', () => {
    const state = parseState(new URLSearchParams('g.normRul=1e9&g.beta=-3&g.steps=abc&g.mode=evil'), 'g', GABA_EXPLORER_SCHEMA);
    expect(state.normRul).toBe(100);
    expect(state.beta).toBe(0);
    expect(state.steps).toBe(400);
    expect(state.mode).toBe('static');
    const again = parseState(serializeState(new URLSearchParams(), 'g', GABA_EXPLORER_SCHEMA, state), 'g', GABA_EXPLORER_SCHEMA);
    expect(again).toEqual(state);
  });
});

describe('GABA explorer live settings', () => {
  const state: GabaExplorerState = { ...parseState(new URLSearchParams(), 'g', GABA_EXPLORER_SCHEMA), mode: 'live', beta: 0.9, warmupSteps: 50 };

  it('keeps β, the floor and the warm-up out of the lab config, as tunables a running lab takes', () => {
    expect(liveLabConfig(state).runs[0].strategy).toEqual({ name: 'gaba' });
    expect(liveLabConfig({ ...state, beta: 0.5 })).toEqual(liveLabConfig(state));
    expect(liveTunables(state)).toEqual({ gaba: { beta: 0.9, minWeight: 0.05, warmupSteps: 50 } });
  });

  it('locks the warm-up once a run is past it, and labels a change for the chart', () => {
    expect(warmupLocked(state, 0)).toBe(false);
    expect(warmupLocked(state, 49)).toBe(false);
    expect(warmupLocked(state, 50)).toBe(true);
    expect(describeChange({ runId: 'gaba', step: 120, hyper: { beta: 0.5, minWeight: 0.1 } })).toBe('β 0.500, floor 0.100');
  });
});
