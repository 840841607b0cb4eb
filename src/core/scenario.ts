/**
 * Running a scenario: build the strategy, the trainer and the data pool it describes, take its
 * steps on the active tfjs backend, and summarise. Parsing lives in scenario-parse.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, type BackendOptions } from './backend';
import { createToyDataset } from './data/toy-dataset';
import { exportParameters, type ExplicitParameters } from './model';
import type { Scenario } from './scenario-parse';
import type { StrategyName } from './strategies/registry';
import { createBatchFromArrays, createPoolBatcher, disposeBatch, type ArrayPool } from './trainer/batch';
import { scorePredictions, type PredictionMetrics } from './data/metrics';
import { createTrainer, type GradientPath, type StepRecord, type Trainer } from './trainer/trainer';

export * from './scenario-parse';

/** Rows of the held-out synthetic set that synthetic scenarios are scored on. */
export const SYNTHETIC_VALIDATION_SIZE = 1024;

/** Options of {@link runScenario}. */
export interface RunOptions {
  /** Gradient path (default 'fused'). */
  readonly path?: GradientPath;
  /** Read the final parameters back into the summary (default true). */
  readonly exportParameters?: boolean;
  /**
   * Select a backend first with these options. Without them the active backend is used, and if
   * none is active yet, cpu: the backend the PyTorch fixtures are compared on, available everywhere.
   */
  readonly backend?: BackendOptions;
}

/** What a finished run reports. */
export interface RunSummary {
  readonly name?: string;
  readonly strategy: StrategyName;
  /** The tfjs backend the run used. */
  readonly backend: string;
  readonly steps: number;
  /** Losses and shown weights of the last step. */
  readonly finalLosses: number[];
  readonly finalWeights: number[];
  /** Wall time per step, including its readback, in milliseconds. */
  readonly meanStepMs: number;
  /** Final parameters (unless `exportParameters: false`). */
  readonly parameters?: ExplicitParameters;
  /** Synthetic data only: scores on a held-out set drawn from a fleet with the next seed. */
  readonly validation?: PredictionMetrics;
}

/** The training pool a scenario describes. */
export function scenarioPool(scenario: Scenario): ArrayPool {
  const { data } = scenario;
  if (data.kind === 'explicit') {
    return { x: data.x, rul: data.rul, health: data.health, featureCount: scenario.model.inputSize };
  }
  const toy = createToyDataset({ seed: data.seed, size: data.poolSize });
  return { x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount };
}

async function validate(trainer: Trainer, seed: number): Promise<PredictionMetrics> {
  const toy = createToyDataset({ seed: seed + 1, size: SYNTHETIC_VALIDATION_SIZE });
  const batch = createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount });
  try {
    const evaluation = await trainer.evaluate(batch);
    return scorePredictions(evaluation.rulPredictions, evaluation.healthLogits, toy.rul, toy.health);
  } finally {
    disposeBatch(batch);
  }
}

/**
 * Take every step of `scenario`, calling `onStep` after each. Everything the run allocates is
 * disposed before it resolves, also when a step throws (e.g. NonFiniteError).
 */
export async function runScenario(
  scenario: Scenario,
  onStep?: (record: StepRecord) => void,
  options: RunOptions = {},
): Promise<RunSummary> {
  if (options.backend !== undefined || !tf.engine().backendName) await selectBackend(options.backend ?? { order: ['cpu'] });
  const batcher = createPoolBatcher(scenarioPool(scenario), scenario.data.batchSize);
  const trainer = createTrainer({
    model: scenario.model,
    parameters: scenario.parameters,
    strategy: scenario.strategy,
    optimiser: scenario.optimiser,
    path: options.path,
  });
  try {
    let last: StepRecord | undefined;
    const started = performance.now();
    for (let step = 1; step <= scenario.steps; step += 1) {
      const batch = batcher.batchForStep(step);
      try {
        last = await trainer.step(batch);
      } finally {
        disposeBatch(batch);
      }
      onStep?.(last);
    }
    const meanStepMs = (performance.now() - started) / scenario.steps;
    const summary: RunSummary = {
      ...(scenario.name === undefined ? {} : { name: scenario.name }),
      strategy: scenario.strategy.name,
      backend: tf.getBackend(),
      steps: scenario.steps,
      finalLosses: last?.losses ?? [],
      finalWeights: last?.weights ?? [],
      meanStepMs,
    };
    const parameters = options.exportParameters === false ? undefined : await exportParameters(trainer.parameters);
    const validation = scenario.data.kind === 'synthetic' ? await validate(trainer, scenario.data.seed) : undefined;
    return { ...summary, ...(parameters && { parameters }), ...(validation && { validation }) };
  } finally {
    trainer.dispose();
    batcher.dispose();
  }
}
