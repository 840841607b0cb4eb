/**
 * The contract between the page and the training host (a Web Worker, or small per-frame slices on the
 * main thread where Workers are unavailable). A "lab" trains one or more runs side by side on the
 * core: same initial parameters, same batches, one weighting strategy per run. Widgets only ever see
 * these types; the messages that carry them are in protocol.ts.
 */

export type {
  LabConfig,
  LabDataSpec,
  LabEvaluation,
  LabRunSpec,
  LabStepRecord,
} from '../core/lab/types';
export type { RunPath as LabRunPath } from '../core/lab/types';
export type { StrategySpec } from '../core/strategies/index';
import type { LabConfig, LabEvaluation, LabStepRecord, RunPath as LabRunPath } from '../core/lab/types';

export type LabStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'error';

/** The backend the host's core chose, and why better ones were skipped. */
export interface LabBackendInfo {
  readonly name: string;
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly forcedUnavailable?: string;
  /** Measured steps/s of the toy training step per backend, the chosen one among them. */
  readonly speeds?: readonly { readonly name: string; readonly stepsPerSecond: number }[];
  /** 'worker' or 'main-thread' (the per-frame fallback). */
  readonly host: 'worker' | 'main-thread';
}

/** A setting changed mid-run: from `step` on, run `runId` used these hyperparameters. */
export interface LabChange {
  readonly runId: string;
  readonly step: number;
  readonly hyper: Readonly<Record<string, number | readonly number[]>>;
}

/**
 * What `useLab(config, options)` (src/live/useLab.ts) gives a widget. Passing a new config (by value)
 * resets the lab while it has taken no steps, else the new config waits for Reset; passing null
 * disposes it. Training pauses by itself when `options.visibleRef`'s
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
  /** The config of the lab on screen (without tunables); null when there is none. */
  readonly config: LabConfig | null;
  /** The widget's settings differ from the lab on screen and take effect on Reset. */
  readonly settingsPending: boolean;
  /** Mid-run setting changes, in the order they took effect. */
  readonly changes: readonly LabChange[];
  /** Per run id, which path it trains on (GPU-resident, fused, stacked) and why; empty until the lab is built. */
  readonly runPaths: Readonly<Record<string, LabRunPath>>;
  /** Steps per second measured over the last moments of running; null when not running. */
  readonly stepsPerSecond: number | null;
  play(): void;
  pause(): void;
  /** One lab step, then pause. */
  stepOnce(): void;
  /** A new lab from the widget's current settings. */
  reset(): void;
  setSpeed(stepsPerTick: number): void;
}
