/**
 * A lab's runs trained as one stacked program (sweep/batched-sweep.ts): what the λ sweep asks for,
 * N fixed-weight runs on the same batches from the same initial parameters. Every run must be a
 * fixed-weight strategy on the same task losses, on the dense backbone; anything else is refused
 * with the reason, rather than trained differently from what the lab says.
 */
import { createStrategy, strategyDefinition } from '../strategies/index';
import type { WeightingStrategy } from '../strategies/strategy';
import type { ExplicitParameters, ModelConfig } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import { createBatchedSweep } from '../sweep/batched-sweep';
import type { LabConfig, LabRuns, LabStepRecord, RunOutputs } from './types';

/**
 * The runs' strategies, or an error saying why these runs may not be stacked. Checked for every stacked
 * request, also one that trains as GPU-resident runs (lab-runs.ts), so a lab is refused alike on every backend.
 */
export function stackableStrategies(config: LabConfig, model: ModelConfig, optimiser: OptimiserConfig): WeightingStrategy[] {
  if (model.temporal) throw new Error('a stacked lab trains the dense backbone only');
  if (config.keepBest) throw new Error('keeping the best parameters needs separate runs, not a stacked lab');
  const strategies = config.runs.map((run) => createStrategy(run.strategy, { taskCount: 2, optimiser }));
  // Only the methods whose definition says 'stackable' (fixed weights that never move) fit one program.
  const moving = config.runs.findIndex((run) => strategyDefinition(run.strategy.name).kind !== 'stackable');
  if (moving >= 0) throw new Error(`a stacked lab trains fixed weights only, and ${config.runs[moving].label} is ${strategies[moving].label}`);
  const taskLosses = strategies[0].taskLosses;
  if (strategies.some((strategy) => strategy.taskLosses.join() !== taskLosses.join())) {
    throw new Error('the runs of a stacked lab must share their task losses');
  }
  return strategies;
}

/** `reason` says why this lab stacks (lab-runs.ts decides). */
export function createStackedRuns(config: LabConfig, model: ModelConfig, initial: ExplicitParameters, optimiser: OptimiserConfig, reason: string): LabRuns {
  const strategies = stackableStrategies(config, model, optimiser);
  const taskLosses = strategies[0].taskLosses;
  const weights = strategies.map((strategy) => strategy.currentWeights());
  const sweep = createBatchedSweep({
    model,
    weights,
    parameters: config.runs.map(() => ({ values: initial })),
    optimiser,
    taskLosses,
    onNonFinite: 'stop',
  });
  const reported = new Set<number>();
  const live = () => config.runs.flatMap((run, n) => (sweep.stopped.includes(n) ? [] : [{ run, n }]));

  const paths = Object.fromEntries(config.runs.map((run) => [run.id, { path: 'stacked', reason } as const]));
  return {
    paths,
    async step(batch) {
      const losses = await sweep.step(batch);
      const records: Record<string, LabStepRecord> = {};
      const failures: Record<string, string> = {};
      for (const n of sweep.stopped) {
        if (reported.has(n)) continue;
        reported.add(n);
        const task = losses[n].findIndex((loss) => !Number.isFinite(loss));
        failures[config.runs[n].id] = `${config.runs[n].label} stopped: task ${task} loss is ${losses[n][task]} at step ${sweep.stepCount}`;
      }
      for (const { run, n } of live()) records[run.id] = { step: sweep.stepCount, losses: losses[n], gradNorms: [], cosine: NaN, weights: weights[n].slice() };
      return { records, failures };
    },
    async outputs(batch) {
      const outputs = await sweep.evaluate(batch.features);
      return new Map<string, RunOutputs>(live().map(({ run, n }) => [run.id, { rulPredictions: outputs[n][0], healthLogits: outputs[n][1] }]));
    },
    retune() {
      throw new Error('a stacked lab trains fixed weights compiled into one program; new weights need a new run');
    },
    dispose: () => sweep.dispose(),
  };
}
