import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG, drawInitialParameters } from '../model';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createStrategy } from '../strategies/index';
import { STRATEGY_NAMES } from '../strategies/registry';
import { initialControl } from './plans/index';
import { planSlot } from './plans/plan-source';
import { CONTROL, CONTROL_SIZE, PARAM, PARAMETER_COUNT, SHARED_SIZE, stateLayout } from './resident-layout';
import { residentHyperUniform, residentPlanFor, type ResidentPlan } from './resident-plan';
import { residentStepSource } from './resident-shader';

const plan = (spec: Parameters<typeof createStrategy>[0]) => residentPlanFor(createStrategy(spec, { taskCount: 2, optimiser: DEFAULT_ADAM }), DEFAULT_ADAM);

describe('the GPU-resident step plans', () => {
  it('lay the parameters out in listVariables order for the dense toy network', () => {
    const values = drawInitialParameters(DEFAULT_MODEL_CONFIG, 1);
    const sizes = [...values.shared, ...values.heads].flatMap((layer) => [layer.weight.flat().length, layer.bias.length]);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(PARAMETER_COUNT);
    const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((sum, size) => sum + size, 0));
    expect(starts).toEqual([PARAM.w0, PARAM.b0, PARAM.w1, PARAM.b1, PARAM.v0, PARAM.c0, PARAM.v1, PARAM.c1]);
    expect(SHARED_SIZE).toBe(starts[4]);
  });

  it('take the strategy hyperparameters and losses the TypeScript strategies resolve', () => {
    expect(plan({ name: 'fixed', hyper: { weights: [0.75, 0.25] } })).toMatchObject({ rulLoss: 'mse', coefficients: { kind: 'fixed', weights: [0.75, 0.25] } });
    expect(plan({ name: 'amnl' })).toMatchObject({ rulLoss: 'weightedMse', coefficients: { kind: 'fixed', weights: [0.5, 0.5] } });
    expect(plan({ name: 'amnlNormalised' })).toMatchObject({ rulLoss: 'weightedMse', coefficients: { kind: 'lossNormalised', floors: [1, 0.1] } });
    expect(plan({ name: 'gaba', hyper: { warmupSteps: 20 } })).toMatchObject({
      rulLoss: 'mse',
      coefficients: { kind: 'gaba', rule: 'paper', hyper: { beta: 0.99, warmupSteps: 20, minWeight: 0.05, epsilon: 1e-12 } },
    });
    expect(plan({ name: 'gabaInverseNorm' })).toMatchObject({ coefficients: { kind: 'gaba', rule: 'inverseNorm' } });
    expect(plan({ name: 'grace' })).toMatchObject({ rulLoss: 'weightedMse', coefficients: { kind: 'gaba', rule: 'paper' } });
  });

  it('plan the learned, loss-rate and projection strategies on the GPU with their resolved hyperparameters', () => {
    expect(plan({ name: 'uncertainty', hyper: { form: 'libmtl' } })).toMatchObject({ rulLoss: 'mse', coefficients: { kind: 'uncertainty', hyper: { form: 'libmtl', initialLogVariance: 0 } } });
    expect(plan({ name: 'dwa', hyper: { blockSize: 20 } })).toMatchObject({ coefficients: { kind: 'dwa', hyper: { blockSize: 20, temperature: 2 } } });
    expect(plan({ name: 'pcgrad' })).toMatchObject({ coefficients: { kind: 'pcgrad' } });
    // GradNorm's weight learning rate defaults to the trainer's.
    expect(plan({ name: 'gradnorm' })).toMatchObject({ coefficients: { kind: 'gradnorm', hyper: { alpha: 1.5, weightLr: DEFAULT_ADAM.learningRate } } });
  });

  it('name, for every registered strategy without a GPU plan, why it keeps the fused path', () => {
    const planned = new Set(['fixed', 'amnl', 'amnlNormalised', 'uncertainty', 'gradnorm', 'dwa', 'pcgrad', 'gaba', 'gabaInverseNorm', 'grace', 'mgda', 'upgrad', 'dualProj']);
    for (const name of STRATEGY_NAMES) {
      const result = plan({ name });
      if (planned.has(name)) expect(typeof result, name).toBe('object');
      else expect(result, name).toMatch(/trains on the fused path$/);
    }
  });

  it('give every plan its own slots within the control block, and the EMA and plan state their starting values', () => {
    const control = initialControl(plan({ name: 'uncertainty', hyper: { initialLogVariance: 0.5 } }) as ResidentPlan);
    expect(control.length).toBe(CONTROL_SIZE);
    expect(Array.from(control.subarray(CONTROL.planState, CONTROL.planState + 2))).toEqual([0.5, 0.5]);
    expect([control[CONTROL.ema0], control[CONTROL.ema1]]).toEqual([0.5, 0.5]);
    expect(Array.from(initialControl(plan({ name: 'gradnorm' }) as ResidentPlan).subarray(CONTROL.planState, CONTROL.planState + 2))).toEqual([1, 1]);
    expect(() => planSlot(0, CONTROL_SIZE - CONTROL.planState)).toThrow(/out of range/);
  });

  it('pass the retunable values as the hyper uniform, so a retune compiles no new program', () => {
    const source = (p: ResidentPlan) => residentStepSource({ plan: p, layout: stateLayout(64, 256), poolRows: 1000 });
    const gaba = plan({ name: 'gaba' }) as ResidentPlan;
    const retuned = plan({ name: 'gaba', hyper: { beta: 0.5, minWeight: 0.3, warmupSteps: 7 } }) as ResidentPlan;
    expect(source(retuned)).toBe(source(gaba));
    expect(residentHyperUniform(retuned)).toEqual([0.5, 0.5, 0.3, 7]);
    const fixed = plan({ name: 'fixed', hyper: { weights: [0.8, 0.2] } }) as ResidentPlan;
    expect(source(fixed)).toBe(source(plan({ name: 'fixed' }) as ResidentPlan));
    expect(residentHyperUniform(fixed)).toEqual([0.8, 0.2, 0, 0]);
    expect(residentHyperUniform(plan({ name: 'amnlNormalised' }) as ResidentPlan)).toHaveLength(4);
  });
});
