/**
 * The contract between the page and the training host (a Web Worker, or small per-frame slices on the
 * main thread where Workers are unavailable). A "lab" trains one or more runs side by side on the
 * core: same initial parameters, same batches, one weighting strategy per run. Widgets only ever see
 * these types; the messages that carry them are in protocol.ts.
 */

/** A weighting strategy and its hyperparameters, as the core's registry takes them. */
export interface LabStrategySpec {
  readonly name: string;
  readonly hyper?: Readonly<Record<string, unknown>>;
}

/** One run of a lab. */
export interface LabRunSpec {
  /** Stable id, unique within the lab (e.g. "gaba", "fixed-0.75"). */
  readonly id: string;
  /** What the reader sees in legends and tables. */
  readonly label: string;
  readonly strategy: LabStrategySpec;
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
  readonly optimiser?: { readonly kind: 'adam' | 'sgd'; readonly learningRate: number };
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
  readonly gradNorms: readonly number[];
  readonly cosine: number;
  readonly weights: readonly number[];
  readonly projections?: number;
}

/** Validation metrics of one run at one step. */
export interface LabEvaluation {
  readonly runId: string;
  readonly step: number;
  readonly rmse: number;
  readonly nasaScore: number;
  readonly healthAccuracy: number;
  readonly perClassRecall: readonly number[];
}

export type LabStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'error';

/** The backend the host's core chose, and why better ones were skipped. */
export interface LabBackendInfo {
  readonly name: string;
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly forcedUnavailable?: string;
  /** 'worker' or 'main-thread' (the per-frame fallback). */
  readonly host: 'worker' | 'main-thread';
}

/**
 * What `useLab(config, options)` (src/live/useLab.ts) gives a widget. Passing a new config (by value)
 * resets the lab; passing null keeps it idle. Training pauses by itself when `options.visibleRef`'s
 * element leaves the viewport.
 */
export interface LabHandle {
  readonly status: LabStatus;
  /** Steps taken so far (every run has taken this many). */
  readonly step: number;
  readonly backend: LabBackendInfo | null;
  /** A readable message when status is 'error' (e.g. a NonFiniteError naming the task and step). */
  readonly error: string | null;
  /** Per run id, the step records so far (thinned to at most `historyLimit` points, always keeping the latest). */
  readonly records: Readonly<Record<string, readonly LabStepRecord[]>>;
  readonly latest: Readonly<Record<string, LabStepRecord | undefined>>;
  readonly evaluations: readonly LabEvaluation[];
  /** Lab steps per animation frame (or per worker tick); 1 … 50. */
  readonly speed: number;
  play(): void;
  pause(): void;
  /** One lab step, then pause. */
  stepOnce(): void;
  reset(): void;
  setSpeed(stepsPerTick: number): void;
}
