/**
 * The whole training step of the dense toy network as one WGSL program run by one workgroup:
 * forward, both tasks' losses and output errors, the per-task backward pass on the shared backbone,
 * the Gramian and last-layer norms, the strategy's coefficients, the combined direction and Adam (or
 * SGD). Several steps run in one dispatch; the step record goes to a ring in the state buffer. The
 * formulas are those of docs/step-semantics.md, in float32.
 *
 * Lanes stand for hidden units, not rows (resident-passes.ts): a lane owns `laneColumns` units of
 * both tasks, keeps their weights and gradient sums in private arrays, and the batch goes through in
 * chunks of CHUNK_ROWS rows whose inputs, activations, output errors and deltas sit in workgroup
 * memory. Per step: the lane's weights are read, each chunk runs forward (inputs, first layer,
 * second layer, heads with one row per lane), then both tasks' deltas with the W1, b1 and head sums,
 * then the first-layer deltas with the W0 and b0 sums; the lanes' Gramian terms go to invocation 0,
 * which checks for non-finite values, plans and writes the record; each lane then updates its own
 * units' parameters. On SwiftShader 4 lanes of 8 units (one vector of 4 lanes on one CPU thread) run
 * 4.3–5.8× the steps per second of the one-invocation-per-row program this replaced
 * (docs/performance.md); a hardware GPU gets 32 lanes of one unit.
 */
import { CONTROL, type StateLayout } from './resident-layout';
import { chunkLayout, lanePasses, SOFTWARE_LANE_COLUMNS } from './resident-passes';
import type { ResidentPlan } from './resident-plan';
import { planFunctionSource } from './plans/index';
import { stepSummarySource } from './step-summary-source';
import { f, WGSL_HELPERS } from './plans/wgsl';
import { learningRateFunctionSource, optimiserStepPrelude, optimiserUpdateSource } from './optimiser-source';

/** Rows per chunk: the chunk's inputs, activations, output errors and deltas take 9.3 KiB of workgroup memory. */
const CHUNK_ROWS = 16;

export interface ResidentShaderOptions {
  readonly plan: ResidentPlan;
  readonly layout: StateLayout;
  /** Rows in the pool. */
  readonly poolRows: number;
  /** Hidden units per lane (resident-passes.ts's laneColumnsFor); default the software adapter's. */
  readonly laneColumns?: number;
}

/** The user code of the step program (tfjs adds the bindings: `result` = state, `poolX`, `poolT`, uniforms `steps` and `hyper`). */
export function residentStepSource({ plan, layout, poolRows, laneColumns = SOFTWARE_LANE_COLUMNS }: ResidentShaderOptions): string {
  const B = layout.batch;
  const L = layout;
  const ctl = layout.control;
  const passes = lanePasses(laneColumns);
  const W = passes.workgroup;
  const chunk = chunkLayout(Math.min(B, CHUNK_ROWS));
  const rulWeight = plan.rulLoss === 'weightedMse' ? '(2.0 - min(rul, 125.0) * 0.008)' : '1.0';
  const update = optimiserUpdateSource(plan.optimiser, { value: 'result[p]', firstMoment: `result[${layout.firstMoment} + p]`, secondMoment: `result[${layout.secondMoment} + p]` });
  return `
  var<workgroup> baScratch: array<f32, ${chunk.size}>;
  var<workgroup> baReduce: array<f32, ${W * 7}>;
  var<workgroup> baCoefficients: array<f32, 4>;
  var<workgroup> baGo: i32;

  ${WGSL_HELPERS}
  ${learningRateFunctionSource(plan.optimiser)}
  ${planFunctionSource(plan, ctl)}
  ${stepSummarySource(ctl, L.records, L.ring)}
  fn baRow(t: i32, sample: i32) -> i32 {
    return ((t - 1) * ${B} + sample) % ${poolRows};
  }

  fn baStep(b: i32) {
    storageBarrier();
    if (b == 0) { baGo = select(1, 0, result[${ctl + CONTROL.failed}] != 0.0); }
    if (workgroupUniformLoad(&baGo) == 0) { return; }
    let t = i32(result[${ctl + CONTROL.steps}]) + 1;
    ${passes.laneWeightsSource()}
    var lossSum0 = 0.0;
    var lossSum1 = 0.0;
    for (var first = 0; first < ${B}; first += ${chunk.capacity}) {
      let rows = min(${chunk.capacity}, ${B} - first);
      ${passes.chunkSource(chunk, rulWeight, B)}
    }
    ${passes.gramianTermsSource()}
    baReduce[b * 7] = lossSum0;
    baReduce[b * 7 + 1] = lossSum1;
    baReduce[b * 7 + 2] = own0;
    baReduce[b * 7 + 3] = cross;
    baReduce[b * 7 + 4] = own1;
    baReduce[b * 7 + 5] = last0;
    baReduce[b * 7 + 6] = last1;
    workgroupBarrier();

    // Invocation 0: the step's summaries, the non-finite check, the plan and the record.
    if (b == 0) {
      var loss0 = 0.0; var loss1 = 0.0;
      var G00 = 0.0; var G01 = 0.0; var G11 = 0.0; var q0 = 0.0; var q1 = 0.0;
      for (var r = 0; r < ${W}; r++) {
        loss0 += baReduce[r * 7];
        loss1 += baReduce[r * 7 + 1];
        G00 += baReduce[r * 7 + 2];
        G01 += baReduce[r * 7 + 3];
        G11 += baReduce[r * 7 + 4];
        q0 += baReduce[r * 7 + 5];
        q1 += baReduce[r * 7 + 6];
      }
      loss0 = loss0 * ${f(1 / B)};
      loss1 = loss1 * ${f(1 / B)};
      let summary = baSummarise(t, loss0, loss1, G00, G01, G11, q0, q1);
      baGo = summary.applied;
      baCoefficients[0] = summary.plan.k0;
      baCoefficients[1] = summary.plan.k1;
      baCoefficients[2] = summary.plan.h0;
      baCoefficients[3] = summary.plan.h1;
    }
    if (workgroupUniformLoad(&baGo) == 0) { return; }

    // The combined direction (shared Σ c_k g_k, head k scaled by its own coefficient) and the update.
    let c0 = baCoefficients[0];
    let c1 = baCoefficients[1];
    let head0 = baCoefficients[2];
    let head1 = baCoefficients[3];
    let tf = f32(t);
    ${optimiserStepPrelude(plan.optimiser)}
    ${passes.laneUpdateSource(update)}
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
