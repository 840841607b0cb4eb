/**
 * Phases 3 and 4 of the temporal resident step. The summary (one invocation): the batch's losses
 * from the rows' and the Gramian and last-layer norms from the gradient workgroups' partial sums,
 * then the check, the plan and the record (step-summary-source.ts); it leaves the coefficients in
 * the state and counts the step as applied. The update (one invocation per parameter): the combined
 * direction, shared Σ c_k·g_k and each head by its own coefficient, through the trainer's optimiser
 * at the step's scheduled rate (optimiser-source.ts).
 */
import { CONTROL } from './resident-layout';
import type { ResidentPlan } from './resident-plan';
import { TEMPORAL_WORKGROUP, type TemporalLayout } from './temporal-layout';
import { learningRateFunctionSource, optimiserStepPrelude, optimiserUpdateSource } from './optimiser-source';
import { planFunctionSource } from './plans/index';
import { f, WGSL_HELPERS } from './plans/wgsl';
import { stepSummarySource } from './step-summary-source';

/** The summary phase's user code (uniform `hyper`, the plan's retunable values). Dispatch: one workgroup of one. */
export function temporalSummarySource(L: TemporalLayout, plan: ResidentPlan): string {
  const ctl = L.control;
  return `
  ${WGSL_HELPERS}
  ${planFunctionSource(plan, ctl)}
  ${stepSummarySource(ctl, L.records, L.ring)}

  fn main(index: i32) {
    _ = uniforms.NAN;
    _ = poolX[0];
    _ = poolT[0];
    if (result[${ctl + CONTROL.failed}] != 0.0) { return; }
    let t = i32(result[${ctl + CONTROL.steps}]) + 1;
    var loss0 = 0.0; var loss1 = 0.0;
    for (var r = 0; r < ${L.batch}; r++) {
      loss0 += result[${L.rowLosses} + r * 2];
      loss1 += result[${L.rowLosses} + r * 2 + 1];
    }
    var sums = array<f32, 5>(0.0, 0.0, 0.0, 0.0, 0.0);
    for (var w = 0; w < ${L.gradientWorkgroups}; w++) {
      for (var q = 0; q < 5; q++) { sums[q] += result[${L.partials} + w * 5 + q]; }
    }
    let summary = baSummarise(t, loss0 * ${f(1 / L.batch)}, loss1 * ${f(1 / L.batch)}, sums[0], sums[1], sums[2], sums[3], sums[4]);
    if (summary.applied == 0) { return; }
    result[${L.coefficients}] = summary.plan.k0;
    result[${L.coefficients} + 1] = summary.plan.k1;
    result[${L.coefficients} + 2] = summary.plan.h0;
    result[${L.coefficients} + 3] = summary.plan.h1;
    result[${ctl + CONTROL.steps}] = f32(t);
  }
`;
}

/** The update phase's user code. Dispatch: ⌈P / TEMPORAL_WORKGROUP⌉ workgroups. */
export function temporalUpdateSource(L: TemporalLayout, plan: ResidentPlan): string {
  const ctl = L.control;
  const firstHeadEnd = L.headSlots[0].bias + L.headSlots[0].outputs;
  return `
  ${WGSL_HELPERS}
  ${learningRateFunctionSource(plan.optimiser)}

  fn main(index: i32) {
    _ = uniforms.NAN;
    _ = poolX[0];
    _ = poolT[0];
    let p = i32(workgroupId.x) * ${TEMPORAL_WORKGROUP} + i32(localIndex);
    // The summary phase has counted the step (t) unless a step failed, and then nothing moves.
    if (p >= ${L.parameterCount} || result[${ctl + CONTROL.failed}] != 0.0) { return; }
    let tf = result[${ctl + CONTROL.steps}];
    ${optimiserStepPrelude(plan.optimiser)}
    var d = 0.0;
    if (p < ${L.sharedSize}) {
      d = result[${L.coefficients}] * result[${L.sharedGradients} + p] + result[${L.coefficients} + 1] * result[${L.sharedGradients + L.sharedSize} + p];
    } else {
      d = select(result[${L.coefficients} + 3], result[${L.coefficients} + 2], p < ${firstHeadEnd}) * result[${L.headGradients - L.sharedSize} + p];
    }
    ${optimiserUpdateSource(plan.optimiser, { value: 'result[p]', firstMoment: `result[${L.firstMoment} + p]`, secondMoment: `result[${L.secondMoment} + p]` })}
  }
`;
}
