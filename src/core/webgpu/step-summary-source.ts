/**
 * What a resident step does once its losses and Gramian are summed: the non-finite check in the
 * order of measurement.ts's findNonFinite, the sticky failure flag, the strategy's plan (`baPlan`,
 * plans/index.ts) and the ring record, as one WGSL function, called by both the dense step program
 * (resident-shader.ts) and the temporal step's summary phase.
 */
import { CONTROL, RECORD_SIZE } from './resident-layout';

/**
 * `struct BaSummary` and `fn baSummarise(t, loss0, loss1, G00, G01, G11, q0, q1)` (q: the last
 * shared layer's squared norms). It marks the failure in the control block and returns applied = 0,
 * or writes record t and returns the plan with applied = 1. Needs `baPlan` and `baNonFinite` in scope.
 */
export function stepSummarySource(control: number, records: number, ring: number): string {
  return `
  struct BaSummary { applied: i32, plan: BaPlan }

  fn baSummarise(t: i32, loss0: f32, loss1: f32, G00: f32, G01: f32, G11: f32, q0: f32, q1: f32) -> BaSummary {
    let lastNorm0 = sqrt(q0);
    let lastNorm1 = sqrt(q1);
    var badTask = -1;
    var badQuantity = 0.0;
    if (baNonFinite(loss0)) { badTask = 0; } else if (baNonFinite(loss1)) { badTask = 1; }
    else if (baNonFinite(G00) || baNonFinite(lastNorm0)) { badTask = 0; badQuantity = 1.0; }
    else if (baNonFinite(G11) || baNonFinite(lastNorm1)) { badTask = 1; badQuantity = 1.0; }
    else if (baNonFinite(G01)) { badTask = 0; badQuantity = 1.0; }
    if (badTask >= 0) {
      result[${control + CONTROL.failed}] = 1.0;
      result[${control + CONTROL.failedStep}] = f32(t);
      result[${control + CONTROL.failedTask}] = f32(badTask);
      result[${control + CONTROL.failedQuantity}] = badQuantity;
      return BaSummary(0, BaPlan(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.0));
    }
    let n0 = sqrt(max(G00, 0.0));
    let n1 = sqrt(max(G11, 0.0));
    let planned = baPlan(t, loss0, loss1, G00, G01, G11, lastNorm0, lastNorm1);
    let denominator = n0 * n1;
    let record = ${records} + ((t - 1) % ${ring}) * ${RECORD_SIZE};
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
    return BaSummary(1, planned);
  }
`;
}
