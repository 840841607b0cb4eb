/**
 * The strategy's plan as one WGSL function, `baPlan`, which the step program (resident-shader.ts)
 * and the plan harness (plan-harness.ts) both call, and the control block a fresh run starts from.
 */
import { CONTROL, CONTROL_SIZE } from '../resident-layout';
import type { ResidentPlan } from '../resident-plan';
import { dualProjPlan } from './dualproj';
import { dwaPlan } from './dwa';
import { fixedPlan } from './fixed';
import { gabaPlan } from './gaba';
import { gradNormPlan } from './gradnorm';
import { lossNormalisedPlan } from './loss-normalised';
import { mgdaPlan } from './mgda';
import { pcgradPlan } from './pcgrad';
import type { PlanSource } from './plan-source';
import { uncertaintyPlan } from './uncertainty';
import { upgradPlan } from './upgrad';

/** The plan source of `plan` for a control block at `control`. */
export function planSource(plan: ResidentPlan, control: number): PlanSource {
  const c = plan.coefficients;
  switch (c.kind) {
    case 'fixed':
      return fixedPlan();
    case 'lossNormalised':
      return lossNormalisedPlan();
    case 'gaba':
      return gabaPlan(c.rule, c.hyper, control);
    case 'uncertainty':
      return uncertaintyPlan(c.hyper, plan.optimiser, control);
    case 'dwa':
      return dwaPlan(c.hyper, control);
    case 'pcgrad':
      return pcgradPlan();
    case 'mgda':
      return mgdaPlan();
    case 'upgrad':
      return upgradPlan();
    case 'dualProj':
      return dualProjPlan();
    case 'gradnorm':
      return gradNormPlan(c.hyper, plan.optimiser, control);
  }
}

/** `struct BaPlan` and `fn baPlan(...)`: shown weights, shared and head coefficients (and PCGrad's projections) of one step. */
export function planFunctionSource(plan: ResidentPlan, control: number): string {
  const source = planSource(plan, control);
  const heads = source.heads === 'unit' ? 'let h0 = 1.0; let h1 = 1.0;' : 'let h0 = k0; let h1 = k1;';
  return `
  struct BaPlan { w0: f32, w1: f32, k0: f32, k1: f32, h0: f32, h1: f32, projections: f32 }

  fn baPlan(t: i32, loss0: f32, loss1: f32, G00: f32, G01: f32, G11: f32, lastNorm0: f32, lastNorm1: f32) -> BaPlan {
    let n0 = sqrt(max(G00, 0.0));
    let n1 = sqrt(max(G11, 0.0));
    var w0 = 0.5; var w1 = 0.5; var k0 = 0.5; var k1 = 0.5; var projections = -1.0;
    ${source.body}
    ${heads}
    return BaPlan(w0, w1, k0, k1, h0, h1, projections);
  }
`;
}

/** The control block before the first step: GABA's EMA at 1/K, the plan's slots at their start. */
export function initialControl(plan: ResidentPlan): Float32Array {
  const control = new Float32Array(CONTROL_SIZE);
  control[CONTROL.ema0] = 0.5;
  control[CONTROL.ema1] = 0.5;
  control.set(planSource(plan, 0).initialState, CONTROL.planState);
  return control;
}
