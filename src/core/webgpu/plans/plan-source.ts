/**
 * What one strategy's GPU plan contributes to the step program: WGSL statements that turn the
 * step's losses and Gramian into the shown weights and the coefficients, reading and writing the
 * plan's own slots of the control block. Each plan file in this folder writes one strategy's
 * TypeScript definition (src/core/strategies/) again in WGSL; tests/browser/resident-plans.test.mjs
 * holds them together.
 */
import { CONTROL, CONTROL_SIZE } from '../resident-layout';

/**
 * The statements run inside `baPlan` (plans/index.ts) with these in scope: `t` (the 1-based step,
 * i32), `loss0`, `loss1`, `G00`, `G01`, `G11` (the shared Gramian), `n0`, `n1` (its diagonal's
 * square roots), `lastNorm0`, `lastNorm1`; they set the vars `w0`, `w1` (shown weights) and `k0`,
 * `k1` (shared coefficients), which start at 0.5, and may set `projections` (PCGrad's count, −1 = none).
 */
export interface PlanSource {
  readonly body: string;
  /** 'coefficients': head k moves by k_k·∇L_k; 'unit': every head keeps its own gradient (×1). */
  readonly heads: 'coefficients' | 'unit';
  /** Starting values of the plan's own slots (planSlot(control, 0), …). */
  readonly initialState: readonly number[];
}


const PLAN_STATE_SIZE = CONTROL_SIZE - CONTROL.planState;

/** The WGSL lvalue of slot `index` of the plan state, for a control block at `control`. */
export function planSlot(control: number, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= PLAN_STATE_SIZE) throw new Error(`plan state slot ${index} is out of range`);
  return `result[${control + CONTROL.planState + index}]`;
}
