import { describe, expect, it } from 'vitest';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createStrategy, describeStrategy, STRATEGY_DEFINITIONS, STRATEGY_NAMES, type StrategySpec } from './index';
import { observationFromNorms } from './testing';

const context = { taskCount: 2, optimiser: DEFAULT_ADAM };
const build = (spec: StrategySpec) => () => createStrategy(spec, context);

describe('createStrategy', () => {
  it('builds every named strategy with the published defaults', () => {
    // The first ten of the book and the thirteen of the Gramian family (at least: a new method needs
    // no edit here).
    expect(STRATEGY_NAMES.length).toBeGreaterThanOrEqual(23);
    expect(new Set(STRATEGY_NAMES).size).toBe(STRATEGY_NAMES.length);
    for (const definition of STRATEGY_DEFINITIONS) {
      const strategy = createStrategy({ name: definition.name }, context);
      expect(strategy.name).toBe(definition.name);
      expect(strategy.label).toBe(definition.label);
      expect(strategy.taskCount).toBe(2);
    }
    expect(createStrategy({ name: 'gaba' }, context).hyper).toEqual({ beta: 0.99, warmupSteps: 100, minWeight: 0.05, epsilon: 1e-12 });
    expect(createStrategy({ name: 'gradnorm' }, context).hyper).toEqual({ alpha: 1.5, weightLr: 1e-3 });
    expect(createStrategy({ name: 'dwa' }, context).hyper).toEqual({ temperature: 2, blockSize: 50 });
    expect(createStrategy({ name: 'fixed' }, context).hyper).toEqual({ weights: [0.5, 0.5] });
    expect(createStrategy({ name: 'amnlNormalised' }, context).hyper).toEqual({ weights: [0.5, 0.5], floors: [1, 0.1] });
  });

  it('overrides only the given hyperparameters', () => {
    const strategy = createStrategy({ name: 'gaba', hyper: { warmupSteps: 0 } }, context);
    expect(strategy.hyper).toEqual({ beta: 0.99, warmupSteps: 0, minWeight: 0.05, epsilon: 1e-12 });
    expect(createStrategy({ name: 'fixed', hyper: { weights: [0.9, 0.1] } }, context).currentWeights()).toEqual([0.9, 0.1]);
  });

  it('rejects out-of-range values with a message that names the field', () => {
    expect(build({ name: 'gaba', hyper: { beta: 1.5 } })).toThrow('strategy.hyper.beta must be in [0, 1), got 1.5');
    expect(build({ name: 'gaba', hyper: { beta: 1 } })).toThrow('strategy.hyper.beta must be in [0, 1), got 1');
    expect(build({ name: 'gaba', hyper: { minWeight: 0.6 } })).toThrow(
      'strategy.hyper.minWeight must be at most 1/K = 0.5 for K = 2 tasks, got 0.6',
    );
    expect(build({ name: 'dwa', hyper: { temperature: -1 } })).toThrow('strategy.hyper.temperature must be > 0, got -1');
    expect(build({ name: 'dwa', hyper: { blockSize: 2.5 } })).toThrow('strategy.hyper.blockSize must be an integer, got 2.5');
    expect(build({ name: 'gaba', hyper: { warmupSteps: -1 } })).toThrow('strategy.hyper.warmupSteps must be >= 0, got -1');
    expect(build({ name: 'fixed', hyper: { weights: [0.5, -0.5] } })).toThrow('strategy.hyper.weights[1] must be >= 0, got -0.5');
    expect(build({ name: 'gradnorm', hyper: { weightLr: 0 } })).toThrow('strategy.hyper.weightLr must be > 0, got 0');
    expect(build({ name: 'gaba', hyper: { beta: Number.NaN } })).toThrow(/strategy\.hyper\.beta/);
  });

  it('rejects unknown keys and wrong types with a message that names the field', () => {
    expect(build({ name: 'gaba', hyper: { gamma: 1 } })).toThrow(
      'strategy.hyper.gamma is not a hyperparameter of gaba (known: beta, warmupSteps, minWeight, epsilon)',
    );
    expect(build({ name: 'gaba', hyper: { beta: '0.9' } })).toThrow('strategy.hyper.beta must be a number, got string');
    expect(build({ name: 'fixed', hyper: { weights: [1, 0, 0] } })).toThrow(
      'strategy.hyper.weights must be an array of 2 numbers (one per task), got 3 entries',
    );
    expect(build({ name: 'uncertainty', hyper: { form: 'kendall' } })).toThrow(
      'strategy.hyper.form must be one of "paper", "libmtl", got "kendall"',
    );
    expect(build({ name: 'gradnorm', hyper: { weightLr: 'fast' } })).toThrow('strategy.hyper.weightLr must be a number or null, got string');
    expect(build({ name: 'nope' as 'gaba' })).toThrow(/strategy\.name must be one of/);
  });

  it('accepts GradNorm’s weightLr as null or a positive number', () => {
    expect(createStrategy({ name: 'gradnorm', hyper: { weightLr: null } }, context).hyper.weightLr).toBe(1e-3);
    expect(createStrategy({ name: 'gradnorm', hyper: { weightLr: 0.05 } }, context).hyper.weightLr).toBe(0.05);
  });

  it('rejects a task count below 2 and scales the floor limit with K: minWeight 0.3 fails for K = 4', () => {
    expect(() => createStrategy({ name: 'gaba' }, { taskCount: 1, optimiser: DEFAULT_ADAM })).toThrow(/context\.taskCount/);
    expect(() => createStrategy({ name: 'gaba', hyper: { minWeight: 0.3 } }, { taskCount: 4, optimiser: DEFAULT_ADAM })).toThrow(
      'strategy.hyper.minWeight must be at most 1/K = 0.25 for K = 4 tasks, got 0.3',
    );
    expect(createStrategy({ name: 'fixed' }, { taskCount: 4, optimiser: DEFAULT_ADAM }).currentWeights()).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('returns every strategy to its freshly built state on reset', () => {
    for (const name of STRATEGY_NAMES) {
      const strategy = createStrategy({ name, hyper: name.startsWith('ga') || name === 'grace' ? { warmupSteps: 0 } : {} }, context);
      const fresh = { snapshot: strategy.snapshot(), weights: strategy.currentWeights() };
      const steps = [1, 2, 3].map((step) => observationFromNorms(step, [25.75 / step, 0.9], [5, 0.01], { cosine: -0.5 }));
      const firstRun = steps.map((observation) => strategy.plan(observation));
      strategy.reset();
      expect({ snapshot: strategy.snapshot(), weights: strategy.currentWeights() }).toEqual(fresh);
      expect(steps.map((observation) => strategy.plan(observation))).toEqual(firstRun);
    }
  });
});

describe('the registry', () => {
  it('marks exactly the fixed-weight methods stackable, so the stacked sweep takes only those', () => {
    expect(STRATEGY_DEFINITIONS.filter((d) => d.kind === 'stackable').map((d) => d.name)).toEqual(['fixed', 'amnl']);
  });

  it('validates a new method’s hyperparameters from its own schema, once', () => {
    expect(build({ name: 'cagrad', hyper: { kappa: -1 } })).toThrow('strategy.hyper.kappa must be >= 0, got -1');
    expect(build({ name: 'mgda', hyper: { kappa: 1 } })).toThrow('strategy.hyper.kappa is not a hyperparameter of mgda (it has none)');
    expect(build({ name: 'gradVac', hyper: { targetUpdate: 'sometimes' } })).toThrow(/strategy\.hyper\.targetUpdate must be one of/);
    expect(createStrategy({ name: 'stch', hyper: { warmupSteps: 5 } }, context).hyper).toEqual({ mu: 1, warmupSteps: 5 });
  });
});

describe('describeStrategy', () => {
  it('gives the label, a one-line summary and the default hyperparameters', () => {
    const gaba = describeStrategy('gaba');
    expect(gaba.label).toBe('GABA');
    expect(gaba.summary.length).toBeGreaterThan(10);
    expect(gaba.defaultHyper).toEqual({ beta: 0.99, warmupSteps: 100, minWeight: 0.05, epsilon: 1e-12 });
    expect(describeStrategy('gradnorm').defaultHyper).toEqual({ alpha: 1.5, weightLr: null });
    expect(describeStrategy('fixed', 3).defaultHyper).toEqual({ weights: [1 / 3, 1 / 3, 1 / 3] });
    expect(describeStrategy('grace').taskLosses).toEqual(['weightedMse', 'crossEntropy']);
    expect(describeStrategy('dwa').usesGradients).toBe(false);
  });
});
