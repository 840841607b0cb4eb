/**
 * A lab: several runs trained side by side, each with its own weighting strategy but the same initial
 * parameters and the same batches, so any difference between them is the strategy's doing.
 */
import { rmse, nasaScore, healthAccuracy, perClassRecall } from '../data/metrics';
import { NonFiniteError } from '../errors';
import { drawInitialParameters, DEFAULT_MODEL_CONFIG, type ModelConfig } from '../model';
import { DEFAULT_ADAM, type OptimiserConfig } from '../optimiser-config';
import { createRandom, shuffledIndices } from '../random';
import { createStrategy, type StrategySpec } from '../strategies/index';
import { createPoolBatcher, type PoolBatcher } from '../trainer/batch';
import { createTrainer, type StepRecord, type Trainer } from '../trainer/trainer';
import type { LabConfig, LabDatasetArrays, LabEvaluation, LabSplit } from './types';

export interface Lab {
  readonly runIds: readonly string[];
  /** One step of every run still alive. A run whose step is not finite stops; the others go on. */
  step(): Promise<{ records: Record<string, StepRecord>; failures: Record<string, string> }>;
  /** Metrics of every live run on the validation split (default) or the test split. */
  evaluate(split?: 'validation' | 'test'): Promise<LabEvaluation[]>;
  readonly stepCount: number;
  dispose(): void;
}

const DEFAULT_BATCH = 64;
/**
 * The lab trains in cycles, so the RUL head must grow from about 0 to about 60; at Adam's usual 1e-3
 * that takes thousands of steps, longer than a reader waits. 1e-2 gets there in a few hundred.
 */
export const LAB_LEARNING_RATE = 1e-2;

/** Shuffles the training rows once, by the lab's seed, so consecutive batches mix engines and ages. */
function shuffledSplit(split: LabSplit, featureCount: number, seed: number): LabSplit {
  const count = split.rul.length;
  const order = shuffledIndices(count, createRandom(seed));
  const lastFeatures = new Float32Array(split.lastFeatures.length);
  const rul = new Float32Array(count);
  const health = new Int32Array(count);
  order.forEach((source, target) => {
    lastFeatures.set(split.lastFeatures.subarray(source * featureCount, (source + 1) * featureCount), target * featureCount);
    rul[target] = split.rul[source];
    health[target] = split.health[source];
  });
  return { lastFeatures, windows: new Float32Array(0), rul, health };
}

function optimiserFor(config: LabConfig): OptimiserConfig {
  const chosen = config.optimiser;
  if (!chosen) return { ...DEFAULT_ADAM, learningRate: LAB_LEARNING_RATE };
  return chosen.kind === 'sgd' ? { kind: 'sgd', learningRate: chosen.learningRate } : { ...DEFAULT_ADAM, learningRate: chosen.learningRate };
}

export function createLab(config: LabConfig, data: LabDatasetArrays): Lab {
  if (config.runs.length === 0) throw new Error('a lab needs at least one run');
  if (new Set(config.runs.map((r) => r.id)).size !== config.runs.length) throw new Error('run ids in a lab must be unique');
  if ((config.backbone ?? 'dense') !== 'dense') throw new Error('the temporal backbone is not available yet; choose the dense backbone');
  const model: ModelConfig = { ...DEFAULT_MODEL_CONFIG, inputSize: data.featureCount };
  const initial = drawInitialParameters(model, config.seed);
  const optimiser = optimiserFor(config);
  const trainers = new Map<string, Trainer>();
  const batchSize = config.batchSize ?? DEFAULT_BATCH;
  let batcher: PoolBatcher | null = null;
  let validation: PoolBatcher | null = null;
  let test: PoolBatcher | null = null;
  try {
    for (const run of config.runs) {
      const strategy = createStrategy(run.strategy as StrategySpec, { taskCount: 2, optimiser });
      trainers.set(run.id, createTrainer({ model, parameters: { values: initial }, strategy, optimiser }));
    }
    const train = shuffledSplit(data.train, data.featureCount, config.seed);
    batcher = createPoolBatcher({ x: train.lastFeatures, rul: train.rul, health: train.health, featureCount: data.featureCount }, batchSize);
    validation = createPoolBatcher(
      { x: data.validation.lastFeatures, rul: data.validation.rul, health: data.validation.health, featureCount: data.featureCount },
      1,
    );
    if (data.test) {
      test = createPoolBatcher({ x: data.test.lastFeatures, rul: data.test.rul, health: data.test.health, featureCount: data.featureCount }, 1);
    }
  } catch (error) {
    trainers.forEach((trainer) => trainer.dispose());
    batcher?.dispose();
    validation?.dispose();
    throw error;
  }
  const trainBatches = batcher;
  const validationSet = validation;
  let stepCount = 0;

  return {
    runIds: config.runs.map((r) => r.id),
    get stepCount() {
      return stepCount;
    },
    async step() {
      const batch = trainBatches.batchForStep(stepCount + 1);
      const records: Record<string, StepRecord> = {};
      const failures: Record<string, string> = {};
      try {
        for (const [runId, trainer] of trainers) {
          try {
            records[runId] = await trainer.step(batch);
          } catch (error) {
            if (!(error instanceof NonFiniteError)) throw error;
            const label = config.runs.find((r) => r.id === runId)?.label ?? runId;
            failures[runId] = `${label} stopped: ${error.message}`;
            trainer.dispose();
            trainers.delete(runId);
          }
        }
      } finally {
        batch.features.dispose();
        batch.rul.dispose();
        batch.health.dispose();
      }
      stepCount += 1;
      return { records, failures };
    },
    async evaluate(split = 'validation') {
      const target = split === 'test' ? data.test : data.validation;
      const batches = split === 'test' ? test : validationSet;
      if (!target || !batches) throw new Error('this lab has no test split (load test_FD00x.txt and RUL_FD00x.txt)');
      const truth = target.rul;
      const labels = target.health;
      const evaluations: LabEvaluation[] = [];
      for (const [runId, trainer] of trainers) {
        const { rulPredictions, healthLogits } = await trainer.evaluate(batches.all);
        evaluations.push({
          runId,
          step: stepCount,
          rmse: rmse(rulPredictions, truth),
          nasaScore: nasaScore(rulPredictions, truth),
          healthAccuracy: healthAccuracy(healthLogits, labels),
          perClassRecall: Array.from(perClassRecall(healthLogits, labels)),
        });
      }
      return evaluations;
    },
    dispose() {
      trainers.forEach((trainer) => trainer.dispose());
      trainers.clear();
      trainBatches.dispose();
      validationSet.dispose();
      test?.dispose();
    },
  };
}
