/**
 * The training host: owns the labs, runs their steps in a loop that yields between ticks, and reports
 * progress in batches. The same class serves the Worker (yield = a macrotask) and the main-thread
 * fallback (yield = the next animation frame), so both behave alike.
 */
import type { BackendName } from '../core/backend-names';
import { stepsBeforeStop, type CoreBridge, type LabEngine } from './host-engine';
import { createScorecardRunner } from './host-scorecard';
import { loadFilesIntoHost } from './host-load-files';
import { clampSpeed, type FromHost, type LoadedDatasetArrays, type ToHost } from './protocol';
import type { LabBackendInfo, LabConfig, LabStatus, LabStepRecord } from './types';

export type { CoreBridge, LabEngine } from './host-engine';

export interface HostEnvironment {
  readonly kind: LabBackendInfo['host'];
  loadCore(): Promise<CoreBridge>;
  post(message: FromHost): void;
  /** Give the event loop (and the page) a turn between ticks. */
  yieldTurn(): Promise<void>;
  /** Resolve after about `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  now(): number;
}

interface LabState {
  readonly config: LabConfig;
  engine: LabEngine | null;
  status: LabStatus;
  speed: number;
  step: number;
  looping: boolean;
  stepOnceRequested: boolean;
  pending: Record<string, LabStepRecord[]>;
  lastFlush: number;
  /** Retunes received since the last step; applied in order just before the next one. */
  retunes: { readonly runId: string; readonly hyper: Readonly<Record<string, number | readonly number[]>> }[];
}

const FLUSH_INTERVAL_MS = 33;
/**
 * A tick lasts at least one display frame, so a lab's speed means steps per frame on any machine: the
 * wasm step got fast enough (~1,700/s) to finish a 400-step run in a quarter of a second, before a
 * reader could watch the weights move. A tick whose steps take longer than a frame is not delayed.
 */
export const TICK_MS = 1000 / 60;

export function createTrainingHost(environment: HostEnvironment): { receive(message: ToHost): void } {
  const labs = new Map<string, LabState>();
  const datasets = new Map<string, LoadedDatasetArrays>();
  let corePromise: Promise<CoreBridge> | null = null;
  let initOptions: { forcedBackend?: BackendName; wasmPaths?: string } = {};

  const core = (): Promise<CoreBridge> => {
    corePromise ??= (async () => {
      const bridge = await environment.loadCore();
      const backend = await bridge.selectBackend(initOptions.forcedBackend, initOptions.wasmPaths);
      environment.post({ type: 'ready', backend: { ...backend, host: environment.kind } });
      watchForLoss(bridge);
      return bridge;
    })();
    return corePromise;
  };

  // A lost WebGPU device takes every lab's tensors with it: stop the labs, say so, move to the next
  // backend, and let the reader start again (Reset) instead of leaving a silent, frozen figure.
  const watchForLoss = (bridge: CoreBridge): void => {
    void bridge.backendLost()?.then(async (reason) => {
      const stopped = [...labs.entries()];
      for (const [labId, lab] of stopped) {
        const engine = lab.engine;
        lab.engine = null;
        try {
          engine?.dispose();
        } catch {
          // The device already released these buffers.
        }
        setStatus(labId, lab, 'error');
      }
      try {
        const backend = await bridge.recoverFromLoss(reason, initOptions.wasmPaths);
        environment.post({ type: 'ready', backend: { ...backend, host: environment.kind } });
        const message = `The WebGPU device was lost (${reason}); training moved to ${backend.name}. Press Reset to start again.`;
        for (const [labId] of stopped) environment.post({ type: 'error', labId, message });
        watchForLoss(bridge);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        for (const [labId] of stopped) environment.post({ type: 'error', labId, message: `The WebGPU device was lost (${reason}) and no other backend could start: ${detail}` });
      }
    });
  };

  const setStatus = (labId: string, lab: LabState, status: LabStatus): void => {
    lab.status = status;
    environment.post({ type: 'status', labId, status });
  };

  const flush = (labId: string, lab: LabState, force: boolean): void => {
    const now = environment.now();
    if (!force && now - lab.lastFlush < FLUSH_INTERVAL_MS) return;
    if (Object.values(lab.pending).every((list) => list.length === 0)) return;
    environment.post({ type: 'progress', labId, step: lab.step, records: lab.pending });
    lab.pending = {};
    lab.lastFlush = now;
  };

  const evaluate = async (labId: string, lab: LabState): Promise<void> => {
    if (!lab.engine) return;
    const evaluations = await lab.engine.evaluate();
    environment.post({ type: 'evaluation', labId, evaluations });
  };

  // Between steps, never inside one, so a step's plan reads one consistent set of hyperparameters.
  // Several retunes of a run before the same step (a slider dragged while paused) become one.
  const applyRetunes = (labId: string, lab: LabState): void => {
    const engine = lab.engine;
    if (!engine || lab.retunes.length === 0) return;
    const merged = new Map<string, Record<string, number | readonly number[]>>();
    for (const { runId, hyper } of lab.retunes.splice(0)) merged.set(runId, { ...merged.get(runId), ...hyper });
    for (const [runId, hyper] of merged) {
      try {
        engine.retune(runId, hyper);
        environment.post({ type: 'retuned', labId, runId, step: lab.step + 1, hyper });
      } catch (error) {
        environment.post({ type: 'error', labId, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  // Retunes apply before the call, so they count from its first step; the call's steps all use them.
  const runSteps = async (labId: string, lab: LabState, wanted: number): Promise<number> => {
    if (!lab.engine) return wanted;
    applyRetunes(labId, lab);
    const count = stepsBeforeStop(lab.step, wanted, lab.config);
    const { records, failures } = await lab.engine.steps(count);
    lab.step += count;
    for (const [runId, list] of Object.entries(records)) (lab.pending[runId] ??= []).push(...list);
    for (const message of Object.values(failures)) environment.post({ type: 'error', labId, message });
    const every = lab.config.evaluateEvery;
    const finished = lab.config.totalSteps !== undefined && lab.step >= lab.config.totalSteps;
    if ((every !== undefined && lab.step % every === 0) || finished) {
      flush(labId, lab, true);
      await evaluate(labId, lab);
    }
    if (finished) setStatus(labId, lab, 'done');
    return count;
  };

  const loop = async (labId: string, lab: LabState): Promise<void> => {
    if (lab.looping) return;
    lab.looping = true;
    try {
      while (labs.get(labId) === lab && (lab.status === 'running' || lab.stepOnceRequested)) {
        const single = lab.stepOnceRequested;
        lab.stepOnceRequested = false;
        const tickStarted = environment.now();
        const wanted = single ? 1 : lab.speed;
        for (let taken = 0; taken < wanted && lab.status !== 'done';) taken += await runSteps(labId, lab, wanted - taken);
        flush(labId, lab, single);
        await environment.yieldTurn();
        const rest = TICK_MS - (environment.now() - tickStarted);
        if (!single && lab.status === 'running' && rest >= 1) await environment.sleep(rest);
      }
      flush(labId, lab, true);
    } catch (error) {
      flush(labId, lab, true);
      // A step that failed because the device went away (a buffer unmapped mid-read, say): give the
      // loss a turn to be reported, and let its own message explain instead of this symptom.
      await environment.yieldTurn();
      if (lab.engine === null && lab.status === 'error') return;
      environment.post({ type: 'error', labId, message: error instanceof Error ? error.message : String(error) });
      setStatus(labId, lab, 'error');
    } finally {
      lab.looping = false;
      // A lab replaced or disposed mid-step is released only now, when no step holds its tensors.
      if (labs.get(labId) !== lab) lab.engine?.dispose();
    }
  };

  const createLab = async (labId: string, config: LabConfig): Promise<void> => {
    const previous = labs.get(labId);
    if (previous && !previous.looping) previous.engine?.dispose();
    const lab: LabState = {
      config, engine: null, status: 'starting', speed: 1, step: 0, looping: false,
      stepOnceRequested: false, pending: {}, lastFlush: 0, retunes: [],
    };
    labs.set(labId, lab);
    environment.post({ type: 'status', labId, status: 'starting' });
    try {
      const bridge = await core();
      const engine = await bridge.createLab(config, datasets);
      if (labs.get(labId) !== lab) {
        engine.dispose();
        return;
      }
      lab.engine = engine;
      if (engine.paths) environment.post({ type: 'runPaths', labId, paths: engine.paths });
      if (lab.status === 'starting') setStatus(labId, lab, 'idle');
      else if (lab.status === 'running') { setStatus(labId, lab, 'running'); void loop(labId, lab); } // play came while starting
    } catch (error) {
      environment.post({ type: 'error', labId, message: error instanceof Error ? error.message : String(error) });
      setStatus(labId, lab, 'error');
    }
  };

  const scorecards = createScorecardRunner({
    post: (message) => environment.post(message),
    yieldTurn: () => environment.yieldTurn(),
    scorecardCore: async () => (await core()).runScorecard,
  }, datasets);

  const control = (message: Exclude<ToHost, { type: 'init' | 'registerDataset' | 'loadFiles' | 'forgetDataset' | 'createLab' | 'runScorecard' | 'stopScorecard' }>): void => {
    const lab = labs.get(message.labId);
    if (!lab) return;
    switch (message.type) {
      case 'play':
        if (lab.status === 'done' || lab.status === 'error') return;
        if (lab.status === 'starting') { lab.status = 'running'; return; }
        setStatus(message.labId, lab, 'running');
        void loop(message.labId, lab);
        return;
      case 'pause':
        if (lab.status === 'running') setStatus(message.labId, lab, 'paused');
        return;
      case 'stepOnce':
        if (!lab.engine || lab.status === 'done' || lab.status === 'error') return;
        if (lab.status === 'running') setStatus(message.labId, lab, 'paused');
        lab.stepOnceRequested = true;
        void loop(message.labId, lab);
        return;
      case 'setSpeed':
        lab.speed = clampSpeed(message.stepsPerTick);
        return;
      case 'retune':
        lab.retunes.push({ runId: message.runId, hyper: message.hyper });
        return;
      case 'dispose':
        labs.delete(message.labId);
        if (!lab.looping) lab.engine?.dispose();
        return;
    }
  };

  return {
    receive(message) {
      switch (message.type) {
        case 'init':
          initOptions = { forcedBackend: message.forcedBackend, wasmPaths: message.wasmPaths };
          void core().catch((error: unknown) => {
            environment.post({ type: 'initFailed', message: error instanceof Error ? error.message : String(error) });
          });
          return;
        case 'registerDataset':
          datasets.set(message.datasetId, message.arrays);
          return;
        case 'loadFiles':
          // Parsed here, off the page's thread.
          void loadFilesIntoHost(message.datasetId, message.files, datasets, (reply) => environment.post(reply));
          return;
        case 'forgetDataset':
          datasets.delete(message.datasetId);
          return;
        case 'createLab':
          void createLab(message.labId, message.config);
          return;
        case 'runScorecard':
          scorecards.run(message.scorecardId, message.config);
          return;
        case 'stopScorecard':
          scorecards.stop(message.scorecardId);
          return;
        default:
          control(message);
      }
    },
  };
}
