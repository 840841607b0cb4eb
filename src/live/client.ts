/**
 * The page's side of the training host: one host per page, created on first use. It prefers a module
 * Worker and falls back to running the same host on the main thread in per-frame slices when a Worker
 * cannot start. Labs are addressed by id; messages are routed to their listeners.
 */
import type { BackendName } from '../core/backend-names';
import { createTrainingHost } from './host';
import { readPageRequest } from './page-request';
import type { ScorecardConfig } from '../core/lab/scorecard';
import type { DatasetLoadOutcome, FromHost, LoadedDatasetArrays, ScorecardMessage, ToHost } from './protocol';
import type { LabBackendInfo, LabConfig } from './types';

type Listener = (message: FromHost) => void;

export interface LiveClientOptions {
  /** A backend the reader asked for (`?backend=` in the page URL). */
  readonly forcedBackend?: BackendName;
  /** Folder URL (ending in /) the tfjs wasm binaries are served from. */
  readonly wasmPaths?: string;
}

export interface LiveClient {
  createLab(labId: string, config: LabConfig, listener: Listener): void;
  send(message: Exclude<ToHost, { type: 'init' | 'createLab' | 'registerDataset' | 'loadFiles' | 'forgetDataset' | 'runScorecard' | 'stopScorecard' }>): void;
  /** Runs a scorecard in the host; `listener` hears its progress and its end. Returns a function that stops it. */
  runScorecard(scorecardId: string, config: ScorecardConfig, listener: (message: ScorecardMessage) => void): () => void;
  registerDataset(datasetId: string, arrays: LoadedDatasetArrays): void;
  /**
   * The host reads, parses and prepares the reader's files (in its Worker, off the page's thread) and
   * registers them as a new dataset if a lab can train on them; `onProgress` hears each stage.
   */
  loadFiles(files: readonly File[], onProgress: (stage: string, fraction?: number) => void): Promise<{ datasetId: string; outcome: DatasetLoadOutcome }>;
  /** Drops a dataset the page no longer uses (its arrays live in the host). */
  forgetDataset(datasetId: string): void;
  disposeLab(labId: string): void;
  backend(): LabBackendInfo | null;
  /** Resolves with the host's backend once chosen; rejects if the host could not load the core. */
  backendReady(): Promise<LabBackendInfo>;
  subscribeBackend(listener: (info: LabBackendInfo) => void): () => void;
}

interface Transport {
  send(message: ToHost): void;
  close(): void;
}

function startMainThreadHost(deliver: Listener): Transport {
  const host = createTrainingHost({
    kind: 'main-thread',
    loadCore: () => import('./core-bridge').then((module) => module.coreBridge),
    post: (message) => queueMicrotask(() => deliver(message)),
    yieldTurn: () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now: () => performance.now(),
  });
  return { send: (message) => host.receive(message), close: () => undefined };
}

function startWorkerHost(deliver: Listener, onFailure: (reason: string) => void): Transport | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromHost>) => deliver(event.data);
    worker.onerror = (event) => onFailure(event.message || 'the training worker failed to start');
    return { send: (message) => worker.postMessage(message), close: () => worker.terminate() };
  } catch (error) {
    onFailure(error instanceof Error ? error.message : String(error));
    return null;
  }
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const listeners = new Map<string, Listener>();
  const labConfigs = new Map<string, LabConfig>();
  const datasets = new Map<string, LoadedDatasetArrays>();
  // Files the host was asked to load, kept (as cheap File handles) to replay on a fallback host.
  const fileLoads = new Map<string, readonly File[]>();
  const loadListeners = new Map<string, (message: Extract<FromHost, { type: 'loadProgress' | 'loadDone' }>) => void>();
  let loadCount = 0;
  const backendListeners = new Set<(info: LabBackendInfo) => void>();
  let backendInfo: LabBackendInfo | null = null;
  let initFailure: string | null = null;
  const failureListeners = new Set<(message: string) => void>();
  const scorecardListeners = new Map<string, (message: ScorecardMessage) => void>();
  const init: ToHost = { type: 'init', forcedBackend: options.forcedBackend, wasmPaths: options.wasmPaths };

  const deliver: Listener = (message) => {
    if (message.type === 'ready') {
      backendInfo = message.backend;
      backendListeners.forEach((listener) => listener(message.backend));
      return;
    }
    if (message.type === 'initFailed') {
      initFailure = message.message;
      failureListeners.forEach((listener) => listener(message.message));
      listeners.forEach((listener, labId) => listener({ type: 'error', labId, message: message.message }));
      return;
    }
    if (message.type === 'loadProgress' || message.type === 'loadDone') {
      loadListeners.get(message.datasetId)?.(message);
      return;
    }
    if (message.type === 'scorecardProgress' || message.type === 'scorecardDone' || message.type === 'scorecardFailed') {
      scorecardListeners.get(message.scorecardId)?.(message);
      if (message.type !== 'scorecardProgress') scorecardListeners.delete(message.scorecardId);
      return;
    }
    listeners.get(message.labId)?.(message);
  };

  let transport: Transport;
  const fallBack = (): void => {
    // The worker never became ready: replay everything on a main-thread host.
    transport?.close();
    transport = startMainThreadHost(deliver);
    transport.send(init);
    datasets.forEach((arrays, datasetId) => transport.send({ type: 'registerDataset', datasetId, arrays }));
    fileLoads.forEach((files, datasetId) => transport.send({ type: 'loadFiles', datasetId, files }));
    labConfigs.forEach((config, labId) => transport.send({ type: 'createLab', labId, config }));
  };
  transport = startWorkerHost(deliver, () => { if (!backendInfo) fallBack(); }) ?? startMainThreadHost(deliver);
  transport.send(init);

  return {
    createLab(labId, config, listener) {
      listeners.set(labId, listener);
      labConfigs.set(labId, config);
      transport.send({ type: 'createLab', labId, config });
    },
    send: (message) => transport.send(message),
    runScorecard(scorecardId, config, listener) {
      scorecardListeners.set(scorecardId, listener);
      transport.send({ type: 'runScorecard', scorecardId, config });
      return () => {
        scorecardListeners.delete(scorecardId);
        transport.send({ type: 'stopScorecard', scorecardId });
      };
    },
    registerDataset(datasetId, arrays) {
      datasets.set(datasetId, arrays);
      transport.send({ type: 'registerDataset', datasetId, arrays });
    },
    loadFiles(files, onProgress) {
      loadCount += 1;
      const datasetId = `files-${loadCount}`;
      fileLoads.set(datasetId, files);
      return new Promise((resolve) => {
        loadListeners.set(datasetId, (message) => {
          if (message.type === 'loadProgress') return onProgress(message.stage, message.fraction);
          loadListeners.delete(datasetId);
          if (!message.outcome.ok) fileLoads.delete(datasetId);
          resolve({ datasetId, outcome: message.outcome });
        });
        transport.send({ type: 'loadFiles', datasetId, files });
      });
    },
    forgetDataset(datasetId) {
      fileLoads.delete(datasetId);
      datasets.delete(datasetId);
      transport.send({ type: 'forgetDataset', datasetId });
    },
    disposeLab(labId) {
      listeners.delete(labId);
      labConfigs.delete(labId);
      transport.send({ type: 'dispose', labId });
    },
    backend: () => backendInfo,
    backendReady: () => new Promise<LabBackendInfo>((resolve, reject) => {
      if (backendInfo) return resolve(backendInfo);
      if (initFailure) return reject(new Error(initFailure));
      const onReady = (info: LabBackendInfo): void => { backendListeners.delete(onReady); resolve(info); };
      backendListeners.add(onReady);
      failureListeners.add((message) => reject(new Error(message)));
    }),
    subscribeBackend(listener) {
      backendListeners.add(listener);
      if (backendInfo) listener(backendInfo);
      return () => backendListeners.delete(listener);
    },
  };
}

// One host per page is the point (one Worker, one tfjs instance), so the client is page-wide on purpose.
let pageClient: LiveClient | null = null;

/** `?backend=` from the page URL (an unknown value is the shell's to report) and the wasm folder. */
function optionsFromPage(): LiveClientOptions {
  const { backend, wasmPaths } = readPageRequest();
  return { forcedBackend: backend.forced, wasmPaths };
}

/** The page's one client, created on first use (this is when tfjs starts loading). */
export function getLiveClient(): LiveClient {
  pageClient ??= createLiveClient(optionsFromPage());
  return pageClient;
}
