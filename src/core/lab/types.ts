/**
 * What a lab is: one or more runs trained side by side on the core, from the same initial parameters,
 * on the same batches, one weighting strategy per run. Plain data, so a lab can be described in a
 * message to a Worker or in a test.
 */
import type { ModelParameters } from '../model';
import type { OptimiserConfig } from '../optimiser-config';
import type { ConvolutionConfig } from '../temporal';
import type { StrategySpec } from '../strategies/index';
import type { Batch } from '../trainer/batch';

/** One run of a lab. */
export interface LabRunSpec {
  /** Stable id, unique within the lab (e.g. "gaba", "fixed-0.75"). */
  readonly id: string;
  /** What the reader sees in legends and tables. */
  readonly label: string;
  readonly strategy: StrategySpec;
}

/** Where a lab's batches come from. */
export type LabDataSpec =
  /** The synthetic fleet's single-cycle rows for the dense model (the book's default). */
  | { readonly kind: 'toy'; readonly seed: number; readonly size?: number }
  /** Windows from the synthetic fleet through the full C-MAPSS pipeline. */
  | { readonly kind: 'syntheticFleet'; readonly seed: number; readonly engines?: number; readonly conditions?: 1 | 6 }
  /** Files the reader loaded, registered with the host beforehand under this id. */
  | { readonly kind: 'loaded'; readonly datasetId: string };

export interface LabConfig {
  /** Seed of the initial parameters and of the batch order. */
  readonly seed: number;
  readonly runs: readonly LabRunSpec[];
  readonly data: LabDataSpec;
  /** 'dense' (14 → 32 → 32 on single cycles) or 'temporal' (1-D convolutions over 30-cycle windows). */
  readonly backbone?: 'dense' | 'temporal';
  /**
   * Train every run in one stacked program (sweep/batched-sweep.ts) instead of one trainer each:
   * ~5× the model-steps per second. Only for runs of fixed weights on the same losses and the dense
   * backbone; their records then carry losses and weights, and no gradient measurements. On webgpu,
   * where that program runs kernel by kernel, runs that can all take the GPU-resident step train there
   * instead (lab-runs.ts decides, and `paths` says so).
   */
  readonly stacked?: boolean;
  /**
   * The temporal backbone's shape when it is not the book's default (the "train a real model" preset,
   * lab/fd001-preset.ts): its convolutions and the dense widths after them.
   */
  readonly temporalShape?: { readonly convolutions: readonly ConvolutionConfig[]; readonly hidden: readonly number[] };
  /**
   * Keep each run's parameters at its best validation RMSE (lab/best-parameters.ts) and score the test
   * engines with those: early stopping chosen on the validation engines only.
   */
  readonly keepBest?: boolean;
  /**
   * Start the RUL head's bias at the mean RUL of the training rows instead of its seeded draw near 0.
   * The lab trains in cycles; from a bias near 0, Adam spends its first hundreds of steps only lifting
   * the output to the right level (the "train a real model" preset, lab/fd001-preset.ts).
   */
  readonly rulBiasAtTrainingMean?: boolean;
  /** Default: Adam at {@link LAB_LEARNING_RATE} (lab.ts). */
  readonly optimiser?: OptimiserConfig;
  readonly batchSize?: number;
  /** The lab stops by itself after this many steps (each run takes one step per lab step). */
  readonly totalSteps?: number;
  /** Validation metrics every this many steps (and at the end). */
  readonly evaluateEvery?: number;
}

/** What one run measured at one step (the core's StepRecord, as plain numbers). */
export interface LabStepRecord {
  readonly step: number;
  readonly losses: readonly number[];
  /** Empty in a stacked lab, which forms no per-task gradients. */
  readonly gradNorms: readonly number[];
  /** NaN in a stacked lab. */
  readonly cosine: number;
  readonly weights: readonly number[];
  readonly projections?: number;
}

/** Every live run's record of one lab step, and the runs that stopped at it, with the reason. */
export interface LabStepResult {
  readonly records: Record<string, LabStepRecord>;
  readonly failures: Record<string, string>;
}

/** Every live run's records of several lab steps (oldest first), and the runs that stopped among them. */
export interface LabStepsResult {
  readonly records: Record<string, LabStepRecord[]>;
  readonly failures: Record<string, string>;
}

/**
 * How one run trains: 'gpuResident' (whole steps as one WebGPU program, webgpu/resident-trainer.ts),
 * 'fused' (the trainer's fused programs, one readback per step) or 'stacked' (one program for all the
 * lab's runs). `reason` says why a run is not on the GPU-resident step, where that is a question.
 */
export interface RunPath {
  readonly path: 'gpuResident' | 'fused' | 'stacked';
  readonly reason?: string;
}

/** A run's outputs on an evaluation batch. */
export interface RunOutputs {
  /** `[B]` RUL predictions in cycles. */
  readonly rulPredictions: Float32Array;
  /** `[B × 3]` row-major health logits. */
  readonly healthLogits: Float32Array;
}

/** How a lab's runs train: one trainer each, or one stacked program (stacked-runs.ts). */
export interface LabRuns {
  /** One step of every live run on `batch` (the caller owns it); a failed run stops and is reported. */
  step(batch: Batch): Promise<LabStepResult>;
  /**
   * Steps `first` … `first + count − 1` of every live run, where the runs can do better than one
   * step() each (the GPU-resident ones take them in one dispatch and one readback). `batchForStep`
   * gives a new batch the callee disposes.
   */
  steps?(count: number, first: number, batchForStep: (step: number) => Batch): Promise<LabStepsResult>;
  /** Bring every run's evaluated parameters up to date (the GPU-resident runs export theirs). */
  syncParameters?(): Promise<void>;
  /** Which path each run trains on, and why. */
  readonly paths: Readonly<Record<string, RunPath>>;
  /** Every live run's outputs on `batch`. */
  outputs(batch: Batch): Promise<Map<string, RunOutputs>>;
  /** New hyperparameters for one run's strategy from the next step on (see WeightingStrategy.retune). */
  retune(runId: string, hyper: Readonly<Record<string, unknown>>): void;
  /** A live run's parameters (separate trainers only; a stacked program has none of its own). */
  parametersOf?(runId: string): ModelParameters | undefined;
  dispose(): void;
}

/** Metrics of one run at one step on one split (scored by data/metrics.ts). */
export interface LabEvaluation {
  readonly runId: string;
  readonly step: number;
  /**
   * 'validation': every window of the held-out training engines; 'test': each loaded test engine's
   * last window against its true RUL capped at 125 (one row per engine, as chapter 6 scores).
   */
  readonly split: 'validation' | 'test';
  /** Rows scored: windows for validation, engines for test. The NASA score is a sum over them. */
  readonly count: number;
  readonly rmse: number;
  readonly nasaScore: number;
  readonly healthAccuracy: number;
  readonly perClassRecall: readonly number[];
  /** With `keepBest`: the step whose parameters (best validation RMSE) were scored. */
  readonly scoredStep?: number;
}

/** One split of a dataset as flat arrays. */
export interface LabSplit {
  /** count × featureCount, row-major: each example's features at its last cycle (the dense backbone's input). */
  readonly lastFeatures: Float32Array;
  /** count × windowLength × featureCount (the temporal backbone's input); may be empty for single-cycle data. */
  readonly windows: Float32Array;
  readonly rul: Float32Array;
  readonly health: Int32Array;
}

/** A dataset a lab trains on: a training split and a validation split (by engine, never by window). */
export interface LabDatasetArrays {
  readonly featureCount: number;
  /** 1 for single-cycle data. */
  readonly windowLength: number;
  readonly train: LabSplit;
  readonly validation: LabSplit;
  /** Each test engine's last window, scored against the true RUL (capped), when test files were given. */
  readonly test?: LabSplit;
}
