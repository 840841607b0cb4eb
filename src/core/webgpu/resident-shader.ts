/**
 * The whole training step of the dense toy network as one WGSL program, run by one workgroup with
 * one invocation per batch row: forward, both tasks' losses and output errors, the per-task backward
 * pass on the shared backbone, the Gramian and last-layer norms, the strategy's coefficients, the
 * combined direction and Adam (or SGD). Several steps run in one dispatch; the step record goes to a
 * ring in the state buffer. The formulas are those of docs/step-semantics.md, in float32.
 *
 * Scratch lives in the state buffer (storage) rather than workgroup memory, which is too small for
 * 64 rows of activations and deltas; one workgroup makes storageBarrier enough to order it.
 */
import { CLASSES, CONTROL, FEATURES, HEAD_SIZE, PARAM, PARAMETER_COUNT, RECORD_SIZE, SHARED_SIZE, WIDTH, type StateLayout } from './resident-layout';
import type { ResidentPlan } from './resident-plan';
import { planFunctionSource } from './plans/index';
import { f, WGSL_HELPERS } from './plans/wgsl';
import { learningRateFunctionSource, optimiserStepPrelude, optimiserUpdateSource } from './optimiser-source';

export interface ResidentShaderOptions {
  readonly plan: ResidentPlan;
  readonly layout: StateLayout;
  /** Rows in the pool. */
  readonly poolRows: number;
}

/** The user code of the step program (tfjs adds the bindings: `result` = state, `poolX`, `poolT`, uniforms `steps` and `hyper`). */
export function residentStepSource({ plan, layout, poolRows }: ResidentShaderOptions): string {
  const B = layout.batch;
  const L = layout;
  const ctl = layout.control;
  const rulWeight = plan.rulLoss === 'weightedMse' ? '(2.0 - min(rul, 125.0) * 0.008)' : '1.0';
  return `
  var<workgroup> baReduce: array<f32, ${B * 7}>;
  var<workgroup> baCoefficients: array<f32, 4>;
  var<workgroup> baGo: i32;

  ${WGSL_HELPERS}
  ${learningRateFunctionSource(plan.optimiser)}
  ${planFunctionSource(plan, ctl)}
  fn baRow(t: i32, sample: i32) -> i32 {
    return ((t - 1) * ${B} + sample) % ${poolRows};
  }

  fn baStep(b: i32) {
    storageBarrier();
    if (b == 0) { baGo = select(1, 0, result[${ctl + CONTROL.failed}] != 0.0); }
    if (workgroupUniformLoad(&baGo) == 0) { return; }
    let t = i32(result[${ctl + CONTROL.steps}]) + 1;

    // Forward for row b, losses and output errors.
    let row = baRow(t, b);
    var x: array<f32, ${FEATURES}>;
    for (var i = 0; i < ${FEATURES}; i++) { x[i] = poolX[row * ${FEATURES} + i]; }
    let rul = poolT[row * 2];
    let label = i32(poolT[row * 2 + 1]);
    var h1: array<f32, ${WIDTH}>;
    for (var j = 0; j < ${WIDTH}; j++) {
      var a = 0.0;
      for (var i = 0; i < ${FEATURES}; i++) { a += x[i] * result[${PARAM.w0} + i * ${WIDTH} + j]; }
      h1[j] = max(a + result[${PARAM.b0} + j], 0.0);
      result[${L.hidden1} + b * ${WIDTH} + j] = h1[j];
    }
    var h2: array<f32, ${WIDTH}>;
    for (var j = 0; j < ${WIDTH}; j++) {
      var a = 0.0;
      for (var i = 0; i < ${WIDTH}; i++) { a += h1[i] * result[${PARAM.w1} + i * ${WIDTH} + j]; }
      h2[j] = max(a + result[${PARAM.b1} + j], 0.0);
      result[${L.hidden2} + b * ${WIDTH} + j] = h2[j];
    }
    var y = 0.0;
    var z: array<f32, ${CLASSES}>;
    for (var i = 0; i < ${WIDTH}; i++) { y += h2[i] * result[${PARAM.v0} + i]; }
    y += result[${PARAM.c0}];
    for (var c = 0; c < ${CLASSES}; c++) {
      var a = 0.0;
      for (var i = 0; i < ${WIDTH}; i++) { a += h2[i] * result[${PARAM.v1} + i * ${CLASSES} + c]; }
      z[c] = a + result[${PARAM.c1} + c];
    }
    let error = y - rul;
    let weighted = ${rulWeight} * error;
    let dy = weighted * ${f(2 / B)};
    let zMax = max(z[0], max(z[1], z[2]));
    var e: array<f32, ${CLASSES}>;
    var eTotal = 0.0;
    for (var c = 0; c < ${CLASSES}; c++) { e[c] = exp(z[c] - zMax); eTotal += e[c]; }
    baReduce[b * 2] = weighted * error;
    baReduce[b * 2 + 1] = log(eTotal) - (z[label] - zMax);
    var dz: array<f32, ${CLASSES}>;
    for (var c = 0; c < ${CLASSES}; c++) {
      dz[c] = (e[c] / eTotal - select(0.0, 1.0, c == label)) * ${f(1 / B)};
      result[${L.outputErrors} + b * 4 + 1 + c] = dz[c];
    }
    result[${L.outputErrors} + b * 4] = dy;

    // Per-task deltas through the shared layers (task 0 through the RUL head, task 1 through health).
    var d20: array<f32, ${WIDTH}>;
    var d21: array<f32, ${WIDTH}>;
    for (var j = 0; j < ${WIDTH}; j++) {
      let on = select(0.0, 1.0, h2[j] > 0.0);
      d20[j] = dy * result[${PARAM.v0} + j] * on;
      var s = 0.0;
      for (var c = 0; c < ${CLASSES}; c++) { s += dz[c] * result[${PARAM.v1} + j * ${CLASSES} + c]; }
      d21[j] = s * on;
      result[${L.delta2} + b * ${WIDTH} + j] = d20[j];
      result[${L.delta2} + (${B} + b) * ${WIDTH} + j] = d21[j];
    }
    for (var i = 0; i < ${WIDTH}; i++) {
      let on = select(0.0, 1.0, h1[i] > 0.0);
      var s0 = 0.0;
      var s1 = 0.0;
      for (var j = 0; j < ${WIDTH}; j++) {
        let w = result[${PARAM.w1} + i * ${WIDTH} + j];
        s0 += d20[j] * w;
        s1 += d21[j] * w;
      }
      result[${L.delta1} + b * ${WIDTH} + i] = s0 * on;
      result[${L.delta1} + (${B} + b) * ${WIDTH} + i] = s1 * on;
    }
    storageBarrier();

    // Gradients: every entry is a sum over the batch; invocation b takes entries b, b + B, …
    var g00 = 0.0; var g01 = 0.0; var g11 = 0.0; var last0 = 0.0; var last1 = 0.0;
    for (var entry = b; entry < ${SHARED_SIZE}; entry += ${B}) {
      var s0 = 0.0;
      var s1 = 0.0;
      if (entry < ${PARAM.b0}) {
        let i = entry / ${WIDTH};
        let j = entry % ${WIDTH};
        for (var r = 0; r < ${B}; r++) {
          let value = poolX[baRow(t, r) * ${FEATURES} + i];
          s0 += value * result[${L.delta1} + r * ${WIDTH} + j];
          s1 += value * result[${L.delta1} + (${B} + r) * ${WIDTH} + j];
        }
      } else if (entry < ${PARAM.w1}) {
        let j = entry - ${PARAM.b0};
        for (var r = 0; r < ${B}; r++) {
          s0 += result[${L.delta1} + r * ${WIDTH} + j];
          s1 += result[${L.delta1} + (${B} + r) * ${WIDTH} + j];
        }
      } else if (entry < ${PARAM.b1}) {
        let i = (entry - ${PARAM.w1}) / ${WIDTH};
        let j = (entry - ${PARAM.w1}) % ${WIDTH};
        for (var r = 0; r < ${B}; r++) {
          let value = result[${L.hidden1} + r * ${WIDTH} + i];
          s0 += value * result[${L.delta2} + r * ${WIDTH} + j];
          s1 += value * result[${L.delta2} + (${B} + r) * ${WIDTH} + j];
        }
        last0 += s0 * s0;
        last1 += s1 * s1;
      } else {
        let j = entry - ${PARAM.b1};
        for (var r = 0; r < ${B}; r++) {
          s0 += result[${L.delta2} + r * ${WIDTH} + j];
          s1 += result[${L.delta2} + (${B} + r) * ${WIDTH} + j];
        }
      }
      result[${L.sharedGradients} + entry] = s0;
      result[${L.sharedGradients} + ${SHARED_SIZE} + entry] = s1;
      g00 += s0 * s0; g01 += s0 * s1; g11 += s1 * s1;
    }
    for (var entry = b; entry < ${HEAD_SIZE}; entry += ${B}) {
      let k = entry + ${SHARED_SIZE};
      var s = 0.0;
      if (k < ${PARAM.c0}) {
        for (var r = 0; r < ${B}; r++) { s += result[${L.hidden2} + r * ${WIDTH} + k - ${PARAM.v0}] * result[${L.outputErrors} + r * 4]; }
      } else if (k == ${PARAM.c0}) {
        for (var r = 0; r < ${B}; r++) { s += result[${L.outputErrors} + r * 4]; }
      } else if (k < ${PARAM.c1}) {
        let i = (k - ${PARAM.v1}) / ${CLASSES};
        let c = (k - ${PARAM.v1}) % ${CLASSES};
        for (var r = 0; r < ${B}; r++) { s += result[${L.hidden2} + r * ${WIDTH} + i] * result[${L.outputErrors} + r * 4 + 1 + c]; }
      } else {
        let c = k - ${PARAM.c1};
        for (var r = 0; r < ${B}; r++) { s += result[${L.outputErrors} + r * 4 + 1 + c]; }
      }
      result[${L.headGradients} + entry] = s;
    }
    baReduce[${2 * B} + b * 5] = g00;
    baReduce[${2 * B} + b * 5 + 1] = g01;
    baReduce[${2 * B} + b * 5 + 2] = g11;
    baReduce[${2 * B} + b * 5 + 3] = last0;
    baReduce[${2 * B} + b * 5 + 4] = last1;
    workgroupBarrier();

    // Invocation 0: the step's summaries, the non-finite check, the plan and the record.
    if (b == 0) {
      var loss0 = 0.0; var loss1 = 0.0;
      var G00 = 0.0; var G01 = 0.0; var G11 = 0.0; var q0 = 0.0; var q1 = 0.0;
      for (var r = 0; r < ${B}; r++) {
        loss0 += baReduce[r * 2];
        loss1 += baReduce[r * 2 + 1];
        G00 += baReduce[${2 * B} + r * 5];
        G01 += baReduce[${2 * B} + r * 5 + 1];
        G11 += baReduce[${2 * B} + r * 5 + 2];
        q0 += baReduce[${2 * B} + r * 5 + 3];
        q1 += baReduce[${2 * B} + r * 5 + 4];
      }
      loss0 = loss0 * ${f(1 / B)};
      loss1 = loss1 * ${f(1 / B)};
      let lastNorm0 = sqrt(q0);
      let lastNorm1 = sqrt(q1);
      // The order of measurement.ts's findNonFinite: losses, then a task's own diagonal or norm, then cross terms.
      var badTask = -1;
      var badQuantity = 0.0;
      if (baNonFinite(loss0)) { badTask = 0; } else if (baNonFinite(loss1)) { badTask = 1; }
      else if (baNonFinite(G00) || baNonFinite(lastNorm0)) { badTask = 0; badQuantity = 1.0; }
      else if (baNonFinite(G11) || baNonFinite(lastNorm1)) { badTask = 1; badQuantity = 1.0; }
      else if (baNonFinite(G01)) { badTask = 0; badQuantity = 1.0; }
      if (badTask >= 0) {
        result[${ctl + CONTROL.failed}] = 1.0;
        result[${ctl + CONTROL.failedStep}] = f32(t);
        result[${ctl + CONTROL.failedTask}] = f32(badTask);
        result[${ctl + CONTROL.failedQuantity}] = badQuantity;
        baGo = 0;
      } else {
        let n0 = sqrt(max(G00, 0.0));
        let n1 = sqrt(max(G11, 0.0));
        let planned = baPlan(t, loss0, loss1, G00, G01, G11, lastNorm0, lastNorm1);
        baCoefficients[0] = planned.k0;
        baCoefficients[1] = planned.k1;
        baCoefficients[2] = planned.h0;
        baCoefficients[3] = planned.h1;
        let denominator = n0 * n1;
        let record = ${L.records} + ((t - 1) % ${L.ring}) * ${RECORD_SIZE};
        result[record] = f32(t);
        result[record + 1] = loss0;
        result[record + 2] = loss1;
        result[record + 3] = n0;
        result[record + 4] = n1;
        result[record + 5] = select(0.0, G01 / denominator, denominator > 0.0);
        result[record + 6] = planned.w0;
        result[record + 7] = planned.w1;
        result[record + 8] = lastNorm0;
        result[record + 9] = lastNorm1;
        result[record + 10] = planned.k0;
        result[record + 11] = planned.k1;
        result[record + 12] = planned.h0;
        result[record + 13] = planned.h1;
        result[record + 14] = planned.projections;
        baGo = 1;
      }
    }
    if (workgroupUniformLoad(&baGo) == 0) { return; }

    // The combined direction (shared Σ c_k g_k, head k scaled by its own coefficient) and the update.
    let c0 = baCoefficients[0];
    let c1 = baCoefficients[1];
    let head0 = baCoefficients[2];
    let head1 = baCoefficients[3];
    let tf = f32(t);
    ${optimiserStepPrelude(plan.optimiser)}
    for (var p = b; p < ${PARAMETER_COUNT}; p += ${B}) {
      var d = 0.0;
      if (p < ${SHARED_SIZE}) {
        d = c0 * result[${L.sharedGradients} + p] + c1 * result[${L.sharedGradients} + ${SHARED_SIZE} + p];
      } else {
        d = select(head1, head0, p <= ${PARAM.c0}) * result[${L.headGradients} + p - ${SHARED_SIZE}];
      }
      ${optimiserUpdateSource(plan.optimiser, { value: 'result[p]', firstMoment: `result[${layout.firstMoment} + p]`, secondMoment: `result[${layout.secondMoment} + p]` })}
    }
    storageBarrier();
    if (b == 0) { result[${ctl + CONTROL.steps}] = tf; }
  }

  fn main(index: i32) {
    for (var s = 0; s < uniforms.steps; s++) { baStep(i32(localIndex)); }
  }
`;
}

/** The user code of a copy of `length` values from `offset` of the state (the readback). */
export function residentCopySource(offset: number, length: number): string {
  return `
  fn main(index: i32) {
    // Touch the uniforms tfjs always binds, or the automatic layout leaves them out.
    _ = uniforms.NAN;
    if (index < ${length}) { result[index] = state[index + ${offset}]; }
  }
`;
}
