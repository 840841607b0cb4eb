/**
 * How a lab's runs train, decided in one place. A stacked request means "stack where stacking is the
 * fast path": one stacked program beats N trainers on cpu and wasm, but on webgpu that program runs
 * kernel by kernel (about 2 lab steps/s on SwiftShader, docs/performance.md), while each run on the
 * GPU-resident step takes whole steps per dispatch. So when every run of a stacked lab can train on
 * the resident step, the lab trains them there, from the same initial parameters on the same rows
 * (the pool's row rule), and its paths say why; otherwise it stacks as asked.
 */
import { residentRunRefusal } from './resident-run';
import { createSeparateRuns, type SeparateRunsOptions } from './separate-runs';
import { createStackedRuns, stackableStrategies } from './stacked-runs';
import type { LabRuns } from './types';

/** What a lab's runs are made from: separate runs' options, less the reason only this file decides. */
export type LabRunsOptions = Omit<SeparateRunsOptions, 'residentReason'>;

/** A stacked request's outcome: one stacked program, or one GPU-resident run each; `reason` says why. */
export interface StackingDecision {
  readonly stack: boolean;
  readonly reason: string;
}

export const RESIDENT_INSTEAD_OF_STACKED =
  'asked to stack, but on webgpu every run can take the GPU-resident step, which is faster there than one stacked program run kernel by kernel';

/** How a stacked request trains; throws, as the stacked program would, when the runs may not be stacked. */
export function stackingDecision(options: LabRunsOptions): StackingDecision {
  const { config, model, optimiser, batchSize, resident } = options;
  stackableStrategies(config, model, optimiser);
  for (const run of config.runs) {
    const refusal = residentRunRefusal(resident, model, batchSize, run.strategy, optimiser);
    if (refusal !== null) return { stack: true, reason: `one stacked program trains every run, since ${run.label} cannot take the GPU-resident step: ${refusal}` };
  }
  return { stack: false, reason: RESIDENT_INSTEAD_OF_STACKED };
}

export function createLabRuns(options: LabRunsOptions): LabRuns {
  const { config, model, initial, optimiser } = options;
  if (!config.stacked) return createSeparateRuns(options);
  const decision = stackingDecision(options);
  return decision.stack
    ? createStackedRuns(config, model, initial, optimiser, decision.reason)
    : createSeparateRuns({ ...options, residentReason: decision.reason });
}
