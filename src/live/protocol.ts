/**
 * Messages between the page and the training host. The host is a module Worker where the browser
 * allows one, else the same code running in per-frame slices on the main thread; either way the page
 * talks to it only through these messages, so the two hosts cannot drift apart.
 */
import type { BackendName } from '../core/backend-names';
import type { DatasetSummary } from '../core/data/summary';
import type { ScorecardConfig, ScorecardProgress, ScorecardRuns } from '../core/lab/scorecard';
import type { LabDatasetArrays } from '../core/lab/types';
import type { LabBackendInfo, LabConfig, LabEvaluation, LabRunPath, LabStatus, LabStepRecord } from './types';

/** Arrays of a dataset the reader loaded, prepared in the page (parsing can show errors there). */
export type LoadedDatasetArrays = LabDatasetArrays;

export type ToHost =
  | { readonly type: 'init'; readonly forcedBackend?: BackendName; readonly wasmPaths?: string }
  | { readonly type: 'registerDataset'; readonly datasetId: string; readonly arrays: LoadedDatasetArrays }
  /** Read, parse, check and prepare the reader's files in the host; registered as `datasetId` if they can train a lab. */
  | { readonly type: 'loadFiles'; readonly datasetId: string; readonly files: readonly File[] }
  | { readonly type: 'forgetDataset'; readonly datasetId: string }
  | { readonly type: 'createLab'; readonly labId: string; readonly config: LabConfig }
  | { readonly type: 'play'; readonly labId: string }
  | { readonly type: 'pause'; readonly labId: string }
  | { readonly type: 'stepOnce'; readonly labId: string }
  | { readonly type: 'setSpeed'; readonly labId: string; readonly stepsPerTick: number }
  /** New hyperparameters for one run's strategy, applied before the lab's next step, history kept. */
  | { readonly type: 'retune'; readonly labId: string; readonly runId: string; readonly hyper: Readonly<Record<string, number | readonly number[]>> }
  | { readonly type: 'dispose'; readonly labId: string }
  /** Train every run of `config` at each of its seeds, one after another, reporting progress (host-scorecard.ts). */
  | { readonly type: 'runScorecard'; readonly scorecardId: string; readonly config: ScorecardConfig }
  | { readonly type: 'stopScorecard'; readonly scorecardId: string };

export type FromHost =
  | { readonly type: 'ready'; readonly backend: LabBackendInfo }
  | { readonly type: 'initFailed'; readonly message: string }
  | { readonly type: 'loadProgress'; readonly datasetId: string; readonly stage: string; readonly fraction?: number }
  | { readonly type: 'loadDone'; readonly datasetId: string; readonly outcome: DatasetLoadOutcome }
  | {
      readonly type: 'progress';
      readonly labId: string;
      readonly step: number;
      /** Per run id, the records since the previous progress message, oldest first. */
      readonly records: Readonly<Record<string, readonly LabStepRecord[]>>;
    }
  /** A retune took effect: `step` is the first step that used the new values. */
  | { readonly type: 'retuned'; readonly labId: string; readonly runId: string; readonly step: number; readonly hyper: Readonly<Record<string, number | readonly number[]>> }
  | { readonly type: 'evaluation'; readonly labId: string; readonly evaluations: readonly LabEvaluation[] }
  /** Which path each of the lab's runs trains on (GPU-resident, fused, stacked), and why; sent once it is built. */
  | { readonly type: 'runPaths'; readonly labId: string; readonly paths: Readonly<Record<string, LabRunPath>> }
  | { readonly type: 'status'; readonly labId: string; readonly status: LabStatus }
  | { readonly type: 'error'; readonly labId: string; readonly message: string }
  | { readonly type: 'scorecardProgress'; readonly scorecardId: string; readonly progress: ScorecardProgress }
  | { readonly type: 'scorecardDone'; readonly scorecardId: string; readonly result: ScorecardRuns }
  | { readonly type: 'scorecardFailed'; readonly scorecardId: string; readonly message: string };

/** The host's messages about a scorecard, routed by the client to the scorecard's listener. */
export type ScorecardMessage = Extract<FromHost, { type: 'scorecardProgress' | 'scorecardDone' | 'scorecardFailed' }>;

/** How a `loadFiles` request ended: the dataset's label and summary, or every reason it was refused. */
export type DatasetLoadOutcome =
  | {
      readonly ok: true;
      readonly label: string;
      readonly summary: string;
      /** Conditions, per-condition normalisation and dropped sensors, for the reader's data-summary panel. */
      readonly details: DatasetSummary;
      /** Whether test and RUL files came with the training file (the preset scores them). */
      readonly hasTest: boolean;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The speed a host accepts: whole lab steps per tick (a tick lasts at least one display frame), 1 … 50. */
export function clampSpeed(stepsPerTick: number): number {
  if (!Number.isFinite(stepsPerTick)) return 1;
  return Math.min(50, Math.max(1, Math.round(stepsPerTick)));
}
