/** What the training host (host.ts) needs from the core: the bridge that loads it and one lab as it runs. */
import type { BackendName } from '../core/backend-names';
import type { ScorecardCore } from './host-scorecard';
import type { LoadedDatasetArrays } from './protocol';
import type { LabBackendInfo, LabConfig, LabEvaluation, LabRunPath, LabStepRecord } from './types';

/** One lab as the core runs it. */
export interface LabEngine {
  readonly runIds: readonly string[];
  /**
   * `count` steps of every run still alive in one call (the GPU-resident runs take them in one
   * dispatch and one readback); each run's records oldest first; failed runs report their message once.
   */
  steps(count: number): Promise<{ records: Readonly<Record<string, readonly LabStepRecord[]>>; failures: Readonly<Record<string, string>> }>;
  /** Which path each run trains on, and why (see RunPath in the core). */
  readonly paths?: Readonly<Record<string, LabRunPath>>;
  evaluate(): Promise<LabEvaluation[]>;
  /** See Lab.retune in the core: throws, changing nothing, on a value the run cannot take. */
  retune(runId: string, hyper: Readonly<Record<string, unknown>>): void;
  dispose(): void;
}

/** What the host needs from the core; loaded lazily so tfjs arrives only with the first lab. */
export interface CoreBridge {
  selectBackend(forced: BackendName | undefined, wasmPaths: string | undefined): Promise<Omit<LabBackendInfo, 'host'>>;
  createLab(config: LabConfig, datasets: ReadonlyMap<string, LoadedDatasetArrays>): Promise<LabEngine>;
  /** Resolves with a reason if the active backend's device is lost (WebGPU); null if it cannot be. */
  backendLost(): Promise<string> | null;
  /** Choose another backend after a loss; the lost one appears in `skipped` with the reason. */
  recoverFromLoss(reason: string, wasmPaths: string | undefined): Promise<Omit<LabBackendInfo, 'host'>>;
  /** Every run of a scorecard at each of its seeds (absent where a host cannot run one). */
  readonly runScorecard?: ScorecardCore;
}

/**
 * How many of `wanted` steps one engine call may take from step `step`: never past the next evaluation
 * or the end, so an evaluation sees exactly the steps before it, as when the host stepped one at a time.
 */
export function stepsBeforeStop(step: number, wanted: number, config: Pick<LabConfig, 'evaluateEvery' | 'totalSteps'>): number {
  const { evaluateEvery: every, totalSteps } = config;
  let count = wanted;
  if (every !== undefined) count = Math.min(count, every - (step % every));
  if (totalSteps !== undefined) count = Math.min(count, Math.max(1, totalSteps - step));
  return count;
}
