/**
 * A lab: several runs trained side by side, each with its own weighting strategy but the same initial
 * parameters and the same batches, so any difference between them is the strategy's doing.
 */
import { rmse, nasaScore, healthAccuracy, perClassRecall } from '../data/metrics';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, drawInitialParameters, inputWidth, type ExplicitParameters, type ModelConfig } from '../model';
import { DEFAULT_ADAM, withLearningRate, type OptimiserConfig } from '../optimiser-config';
import { createRandom, shuffledIndices } from '../random';
import { createPoolBatcher, disposeBatch, type Batch, type PoolBatcher } from '../trainer/batch';
import { createBestParameters } from './best-parameters';
import { WEBGPU_RESIDENT_SUPPORT, type ResidentSupport } from './resident-run';
import { createLabRuns } from './lab-runs';
import type { LabConfig, LabDatasetArrays, LabEvaluation, LabRuns, LabSplit, LabStepRecord, LabStepResult, LabStepsResult, RunPath } from './types';

export interface Lab {
  readonly runIds: readonly string[];
  /** One step of every run still alive. A run whose step is not finite stops; the others go on. */
  step(): Promise<LabStepResult>;
  /**
   * `count` steps of every run still alive, in one call: each run's records oldest first. The
   * GPU-resident runs take them as one dispatch and one readback; the others step one by one.
   */
  steps(count: number): Promise<LabStepsResult>;
  /** Which path each run trains on (GPU-resident, fused or stacked), and why. */
  readonly paths: Readonly<Record<string, RunPath>>;
  /**
   * Metrics of every live run on the validation split (default) or the test split (each test engine's
   * last window, truth capped at 125). With `keepBest`, every validation evaluation offers each run's
   * parameters, and the first test evaluation puts back each run's best ones before scoring: the lab
   * is then finished, so call it once, at the end.
   */
  evaluate(split?: 'validation' | 'test'): Promise<LabEvaluation[]>;
  /** Whether test files were loaded, so `evaluate('test')` has engines to score. */
  readonly hasTest: boolean;
  readonly stepCount: number;
  /** New hyperparameters for one run's strategy from the next step on (see WeightingStrategy.retune). */
  retune(runId: string, hyper: Readonly<Record<string, unknown>>): void;
  dispose(): void;
}

const DEFAULT_BATCH = 64;
/**
 * The lab trains in cycles, so the RUL head must grow from about 0 to about 60; at Adam's usual 1e-3
 * that takes thousands of steps, longer than a reader waits. 1e-2 gets there in a few hundred.
 */
export const LAB_LEARNING_RATE = 1e-2;

/** A split's rows as the model reads them: last cycles for the dense backbone, whole windows for the temporal one. */
interface InputRows {
  readonly x: Float32Array;
  readonly rul: Float32Array;
  readonly health: Int32Array;
  readonly width: number;
}

function inputRows(split: LabSplit, model: ModelConfig): InputRows {
  const x = model.temporal ? split.windows : split.lastFeatures;
  return { x, rul: split.rul, health: split.health, width: inputWidth(model) };
}

/** Shuffles the training rows once, by the lab's seed, so consecutive batches mix engines and ages. */
function shuffledRows(rows: InputRows, seed: number): InputRows {
  const { width } = rows;
  const count = rows.rul.length;
  const order = shuffledIndices(count, createRandom(seed));
  const x = new Float32Array(count * width);
  const rul = new Float32Array(count);
  const health = new Int32Array(count);
  order.forEach((source, target) => {
    x.set(rows.x.subarray(source * width, (source + 1) * width), target * width);
    rul[target] = rows.rul[source];
    health[target] = rows.health[source];
  });
  return { x, rul, health, width };
}

const poolOf = (rows: InputRows) => ({ x: rows.x, rul: rows.rul, health: rows.health, featureCount: rows.width });

/**
 * The network for the lab's backbone and data. The temporal backbone needs windows: data of single
 * cycles (the toy dataset) has none, and the error says so rather than failing inside a reshape.
 */
export function labModelConfig(backbone: LabConfig['backbone'], data: LabDatasetArrays, shape?: LabConfig['temporalShape']): ModelConfig {
  if ((backbone ?? 'dense') === 'dense') return { ...DEFAULT_MODEL_CONFIG, inputSize: data.featureCount };
  const width = data.windowLength * data.featureCount;
  const splits = [data.train, data.validation, ...(data.test ? [data.test] : [])];
  if (data.windowLength <= 1 || splits.some((split) => split.windows.length !== split.rul.length * width)) {
    throw new Error('the temporal backbone needs windows of cycles, and this data has single cycles only; choose the dense backbone or the synthetic fleet');
  }
  const convolutions = shape?.convolutions ?? DEFAULT_TEMPORAL_MODEL_CONFIG.temporal!.convolutions;
  const temporal = { windowLength: data.windowLength, convolutions };
  return { ...DEFAULT_TEMPORAL_MODEL_CONFIG, hidden: shape?.hidden ?? DEFAULT_TEMPORAL_MODEL_CONFIG.hidden, inputSize: data.featureCount, temporal };
}

const meanOf = (values: Float32Array): number => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

/** The same parameters with the RUL head's (task 0's) bias set to `bias`. */
export function withRulBias(parameters: ExplicitParameters, bias: number): ExplicitParameters {
  const [rulHead, ...otherHeads] = parameters.heads;
  return { shared: parameters.shared, heads: [{ weight: rulHead.weight, bias: [bias] }, ...otherHeads] };
}

const optimiserFor = (config: LabConfig): OptimiserConfig => config.optimiser ?? withLearningRate(DEFAULT_ADAM, LAB_LEARNING_RATE);

export interface LabOptions {
  /** How GPU-resident runs are made (default: the WebGPU resident trainer, used only on webgpu). */
  readonly resident?: ResidentSupport;
}

/** A stacked lab steps one batch at a time. */
async function stepByStep(runs: LabRuns, count: number, first: number, batchForStep: (step: number) => Batch): Promise<LabStepsResult> {
  const records: Record<string, LabStepRecord[]> = {};
  const failures: Record<string, string> = {};
  for (let step = first; step < first + count; step += 1) {
    const batch = batchForStep(step);
    try {
      const result = await runs.step(batch);
      for (const [runId, record] of Object.entries(result.records)) (records[runId] ??= []).push(record);
      Object.assign(failures, result.failures);
    } finally {
      disposeBatch(batch);
    }
  }
  return { records, failures };
}

export function createLab(config: LabConfig, data: LabDatasetArrays, options: LabOptions = {}): Lab {
  if (config.runs.length === 0) throw new Error('a lab needs at least one run');
  if (new Set(config.runs.map((r) => r.id)).size !== config.runs.length) throw new Error('run ids in a lab must be unique');
  const model = labModelConfig(config.backbone, data, config.temporalShape);
  const drawn = drawInitialParameters(model, config.seed);
  const initial = config.rulBiasAtTrainingMean ? withRulBias(drawn, meanOf(data.train.rul)) : drawn;
  const optimiser = optimiserFor(config);
  const batchSize = config.batchSize ?? DEFAULT_BATCH;
  let runs: LabRuns | null = null;
  let batcher: PoolBatcher | null = null;
  let validation: PoolBatcher | null = null;
  let test: PoolBatcher | null = null;
  try {
    const pool = poolOf(shuffledRows(inputRows(data.train, model), config.seed));
    batcher = createPoolBatcher(pool, batchSize, { cutPatchesFor: model.temporal });
    runs = createLabRuns({ config, model, initial, optimiser, pool, batchSize, resident: options.resident ?? WEBGPU_RESIDENT_SUPPORT });
    validation = createPoolBatcher(poolOf(inputRows(data.validation, model)), 1);
    if (data.test) test = createPoolBatcher(poolOf(inputRows(data.test, model)), 1);
  } catch (error) {
    runs?.dispose();
    batcher?.dispose();
    validation?.dispose();
    test?.dispose();
    throw error;
  }
  const training = runs;
  const trainBatches = batcher;
  const validationSet = validation;
  let stepCount = 0;
  const best = config.keepBest ? createBestParameters() : null;
  let restored = false;
  const steps = async (count: number): Promise<LabStepsResult> => {
    if (!Number.isInteger(count) || count < 1) throw new Error(`a lab takes a positive whole number of steps, got ${count}`);
    const batchForStep = (step: number) => trainBatches.batchForStep(step);
    const first = stepCount + 1;
    const result = training.steps ? await training.steps(count, first, batchForStep) : await stepByStep(training, count, first, batchForStep);
    stepCount += count;
    return result;
  };

  return {
    runIds: config.runs.map((r) => r.id),
    hasTest: test !== null,
    get stepCount() {
      return stepCount;
    },
    paths: training.paths,
    async step() {
      const { records, failures } = await steps(1);
      const single: Record<string, LabStepRecord> = {};
      for (const [runId, list] of Object.entries(records)) if (list.length > 0) single[runId] = list[0];
      return { records: single, failures };
    },
    steps,
    async evaluate(split = 'validation') {
      const target = split === 'test' ? data.test : data.validation;
      const batches = split === 'test' ? test : validationSet;
      if (!target || !batches) throw new Error('this lab has no test split (load test_FD00x.txt and RUL_FD00x.txt)');
      // Kept-best parameters put back for the test split stay: the lab is finished then.
      if (!restored) await training.syncParameters?.();
      if (best && split === 'test' && !restored) {
        best.restore((runId) => training.parametersOf?.(runId));
        restored = true;
      }
      const truth = target.rul;
      const labels = target.health;
      const evaluations: LabEvaluation[] = [];
      for (const [runId, { rulPredictions, healthLogits }] of await training.outputs(batches.all)) {
        const score = rmse(rulPredictions, truth);
        const parameters = training.parametersOf?.(runId);
        if (best && split === 'validation' && !restored && parameters) best.offer(runId, parameters, score, stepCount);
        const scoredStep = best && split === 'test' ? best.bestStep(runId) : undefined;
        evaluations.push({
          ...(scoredStep === undefined ? {} : { scoredStep }),
          runId,
          step: stepCount,
          split,
          count: truth.length,
          rmse: score,
          nasaScore: nasaScore(rulPredictions, truth),
          healthAccuracy: healthAccuracy(healthLogits, labels),
          perClassRecall: Array.from(perClassRecall(healthLogits, labels)),
        });
      }
      return evaluations;
    },
    retune: (runId, hyper) => training.retune(runId, hyper),
    dispose() {
      best?.dispose();
      training.dispose();
      trainBatches.dispose();
      validationSet.dispose();
      test?.dispose();
    },
  };
}
