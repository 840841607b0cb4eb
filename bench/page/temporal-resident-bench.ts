/**
 * The temporal GPU-resident trainer (webgpu/temporal-resident-trainer.ts) in Chromium: replayed
 * against the cpu backend's fused temporal trainer (parity), through resident-bench.ts's replay.
 */
import { inputWidth, type ModelConfig, type ParameterInit } from '../../src/core/model';
import type { OptimiserConfig } from '../../src/core/optimiser-config';
import type { StrategySpec } from '../../src/core/strategies/index';
import { replayBoth, type ParityResult } from './resident-bench';

/** A temporal case as reference/temporal/scenario.json holds one (the scenario parser takes dense models only). */
export interface TemporalCase {
  readonly name: string;
  readonly model: ModelConfig;
  readonly parameters: ParameterInit;
  readonly data: { readonly x: readonly (readonly number[])[]; readonly rul: readonly number[]; readonly health: readonly number[]; readonly batchSize: number };
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
}

/** Each case for `steps` steps on cpu and on the temporal resident path; the worst relative errors. */
export async function temporalResidentParity(cases: readonly TemporalCase[], steps: number): Promise<ParityResult[]> {
  const results: ParityResult[] = [];
  for (const entry of cases) {
    const { data, model } = entry;
    const pool = { x: Float32Array.from(data.x.flat()), rul: Float32Array.from(data.rul), health: Int32Array.from(data.health), featureCount: inputWidth(model) };
    results.push(await replayBoth(entry.name, { ...entry, pool, batchSize: data.batchSize }, steps));
  }
  return results;
}
