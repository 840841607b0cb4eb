/**
 * One seed of the lab's "train a real model" preset, through the lab's own code path: validation RMSE
 * every `evaluateEvery` steps (keepBest keeps the best parameters), the test engines scored once at
 * the end. `npm run bench:fd001` runs it per seed and records chapter 6's preset table from it. Node
 * only: it reads the process's CPU time.
 */
import { presetLabConfig } from '../core/lab/fd001-preset';
import { createLab } from '../core/lab/lab';
import type { LabDatasetArrays } from '../core/lab/types';
import { describeStrategy, type StrategyName } from '../core/strategies/index';

export interface PresetSeedResult {
  readonly strategy: StrategyName;
  readonly seed: number;
  readonly bestValidation: number;
  /** The step whose parameters scored the test engines (best validation RMSE). */
  readonly scoredStep: number;
  readonly rmse: number;
  readonly nasa: number;
  readonly seconds: number;
  /** Process CPU time: on a shared machine the wall time measures the neighbours too. */
  readonly cpuSeconds: number;
}

export async function runPresetSeed(data: LabDatasetArrays, name: StrategyName, seed: number, steps: number): Promise<PresetSeedResult> {
  const config = presetLabConfig([{ id: name, label: describeStrategy(name).label, strategy: { name } }], seed, 'FD001', steps);
  const every = config.evaluateEvery ?? steps;
  const lab = createLab(config, data);
  try {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let bestValidation = Number.POSITIVE_INFINITY;
    for (let step = 1; step <= steps; step += 1) {
      await lab.step();
      if (step % every === 0 || step === steps) bestValidation = Math.min(bestValidation, (await lab.evaluate('validation'))[0].rmse);
    }
    const [scores] = await lab.evaluate('test');
    const cpu = process.cpuUsage(cpuStarted);
    return {
      strategy: name, seed, bestValidation, scoredStep: scores.scoredStep ?? steps, rmse: scores.rmse, nasa: scores.nasaScore,
      seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    lab.dispose();
  }
}
