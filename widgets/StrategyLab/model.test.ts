import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION, LEGACY_BITMASK_ORDER, parseSelection, resultRows, selectedStrategies, selectionOf, strategyLabConfig, toggleStrategy, waitsForFiles, STRATEGY_LAB_SCHEMA } from './model';
import { serializeState } from '../shared/url-state';
import { parseState } from '../shared/url-state';
import { STRATEGY_NAMES } from '../../src/core/strategies/index';

describe('the strategy lab model', () => {
  it('starts with fixed, AMNL, Uncertainty and GABA selected', () => {
    expect(selectedStrategies(DEFAULT_SELECTION)).toEqual(['fixed', 'amnl', 'uncertainty', 'gaba']);
  });

  it('toggles one strategy in and out of the set', () => {
    const withPcgrad = toggleStrategy(DEFAULT_SELECTION, 'pcgrad');
    expect(selectedStrategies(withPcgrad)).toContain('pcgrad');
    expect(toggleStrategy(withPcgrad, 'pcgrad')).toBe(DEFAULT_SELECTION);
  });

  it('builds one run per selected strategy, all on the same seed and data', () => {
    const config = strategyLabConfig({ selection: selectionOf(STRATEGY_NAMES), steps: 500, seed: 7, data: 'toy', backbone: 'dense' }, null)!;
    expect(config.runs.map((r) => r.id)).toEqual([...STRATEGY_NAMES]);
    expect(config.seed).toBe(7);
    expect(config.data).toEqual({ kind: 'toy', seed: 8 });
    expect(strategyLabConfig({ selection: '', steps: 500, seed: 7, data: 'toy', backbone: 'dense' }, null)).toBeNull();
  });

  it('runs no lab when "your files" is chosen before any file is loaded, instead of training on other data', () => {
    const state = { selection: DEFAULT_SELECTION, steps: 500, seed: 1, data: 'loaded', backbone: 'dense' } as const;
    expect(waitsForFiles(state, null)).toBe(true);
    expect(strategyLabConfig(state, null)).toBeNull();
    expect(waitsForFiles(state, 'fd001')).toBe(false);
    expect(waitsForFiles({ data: 'fleet' }, null)).toBe(false);
    expect(strategyLabConfig({ selection: DEFAULT_SELECTION, steps: 500, seed: 1, data: 'loaded', backbone: 'dense' }, 'fd001')!.data).toEqual({ kind: 'loaded', datasetId: 'fd001' });
  });

  it('trains the chosen backbone on the fleet and loaded files, and the dense one on the toy cycles, which have no windows', () => {
    const state = { selection: DEFAULT_SELECTION, steps: 500, seed: 1, backbone: 'temporal' } as const;
    expect(strategyLabConfig({ ...state, data: 'fleet' }, null)!.backbone).toBe('temporal');
    expect(strategyLabConfig({ ...state, data: 'loaded' }, 'fd001')!.backbone).toBe('temporal');
    expect(strategyLabConfig({ ...state, data: 'toy' }, null)!.backbone).toBe('dense');
    expect(strategyLabConfig({ ...state, data: 'fleet', backbone: 'dense' }, null)!.backbone).toBe('dense');
  });

  it('reads the backbone from the URL, falling back to dense for anything else', () => {
    expect(parseState(new URLSearchParams('s.backbone=temporal'), 's', STRATEGY_LAB_SCHEMA).backbone).toBe('temporal');
    expect(parseState(new URLSearchParams('s.backbone=lstm'), 's', STRATEGY_LAB_SCHEMA).backbone).toBe('dense');
  });

  it('writes the selection into the URL by name, so a new method in the registry cannot change an old link', () => {
    const state = { selection: toggleStrategy(DEFAULT_SELECTION, 'mgda'), steps: 800, seed: 0, data: 'toy', backbone: 'dense' } as const;
    const params = serializeState(new URLSearchParams(), 's', STRATEGY_LAB_SCHEMA, state);
    expect(params.get('s.selection')).toBe('fixed.amnl.uncertainty.gaba.mgda');
    expect(selectedStrategies(parseState(params, 's', STRATEGY_LAB_SCHEMA).selection)).toEqual(['fixed', 'amnl', 'uncertainty', 'gaba', 'mgda']);
    expect(parseSelection('gaba.nope.fixed.gaba')).toBe('fixed.gaba');
    expect(parseSelection('nope')).toBe(DEFAULT_SELECTION);
    expect(parseSelection('')).toBe('');
  });

  it('still reads the old bitmask links over the ten strategies the lab had then', () => {
    // The browser test's old link: fixed = bit 0, gaba = bit 7.
    expect(selectedStrategies(parseSelection(String((1 << 0) | (1 << 7))))).toEqual(['fixed', 'gaba']);
    expect(selectedStrategies(parseSelection('1023'))).toEqual([...LEGACY_BITMASK_ORDER]);
    // Bits past the tenth never meant anything: clamped as the old number field did.
    expect(parseState(new URLSearchParams('s.selection=999999&s.steps=-4'), 's', STRATEGY_LAB_SCHEMA)).toMatchObject({ selection: selectionOf(LEGACY_BITMASK_ORDER), steps: 100 });
  });

  it('tabulates the latest evaluation and record of each strategy', () => {
    const rows = resultRows(['gaba'], [
      { runId: 'gaba', step: 100, split: 'validation', count: 3800, rmse: 30, nasaScore: 900, healthAccuracy: 0.5, perClassRecall: [0.9, 0.2, 0.4] },
      { runId: 'gaba', step: 200, split: 'validation', count: 3800, rmse: 21, nasaScore: 500, healthAccuracy: 0.7, perClassRecall: [0.9, 0.5, 0.6] },
    ], { gaba: { step: 200, losses: [400, 0.6], gradNorms: [200, 0.5], cosine: 0.1, weights: [0.1, 0.9] } });
    expect(rows[0]).toMatchObject({ step: 200, rmse: 21, nasaScore: 500, validationWindows: 3800, healthAccuracy: 0.7, criticalRecall: 0.6, normRatio: 400, testEngines: 0 });
    expect(rows[0].lambdaRul).toBeCloseTo(0.1, 12);
    expect(Number.isNaN(rows[0].testRmse)).toBe(true);
  });

  it('keeps the per-engine test scores apart from the validation windows', () => {
    const rows = resultRows(['fixed'], [
      { runId: 'fixed', step: 800, split: 'validation', count: 3800, rmse: 18, nasaScore: 40000, healthAccuracy: 0.8, perClassRecall: [1, 0.7, 0.8] },
      { runId: 'fixed', step: 800, split: 'test', count: 100, rmse: 16.7, nasaScore: 590, healthAccuracy: 0.85, perClassRecall: [1, 0.8, 0.9] },
    ], {});
    expect(rows[0]).toMatchObject({ rmse: 18, nasaScore: 40000, validationWindows: 3800, healthAccuracy: 0.8, testRmse: 16.7, testNasaScore: 590, testEngines: 100 });
  });
});
