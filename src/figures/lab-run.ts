/** Runs a lab to its end and keeps what the figures need: every step's records and the last evaluation. */
import { createLab } from '../core/lab/lab';
import { resolveLabData } from '../core/lab/lab-data';
import { prepareSyntheticFleetForLab } from '../core/lab/fleet-data';
import type { LabConfig, LabDatasetArrays, LabEvaluation, LabStepRecord } from '../core/lab/types';

export interface FinishedLab {
  readonly records: Readonly<Record<string, readonly LabStepRecord[]>>;
  readonly validation: readonly LabEvaluation[];
  readonly test: readonly LabEvaluation[] | null;
  readonly seconds: number;
}

export async function runLab(config: LabConfig, steps: number, data?: LabDatasetArrays): Promise<FinishedLab> {
  const arrays = data ?? resolveLabData(config.data, new Map(), prepareSyntheticFleetForLab);
  const lab = createLab(config, arrays);
  const records: Record<string, LabStepRecord[]> = Object.fromEntries(config.runs.map((run) => [run.id, []]));
  try {
    const started = performance.now();
    for (let step = 0; step < steps; step += 1) {
      const result = await lab.step();
      for (const [id, record] of Object.entries(result.records)) records[id]?.push(record);
    }
    const seconds = (performance.now() - started) / 1000;
    return { records, validation: await lab.evaluate('validation'), test: arrays.test ? await lab.evaluate('test') : null, seconds };
  } finally {
    lab.dispose();
  }
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}
