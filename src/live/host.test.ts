import { describe, expect, it } from 'vitest';
import { createTrainingHost, TICK_MS, type CoreBridge, type HostEnvironment, type LabEngine } from './host';
import { stepsBeforeStop } from './host-engine';
import type { FromHost } from './protocol';
import type { LabConfig } from './types';

type PlainRecord = { step: number; losses: number[]; gradNorms: number[]; cosine: number; weights: number[] };

/**
 * A lab engine on plain numbers: each run's loss halves every step, run "bad" fails at step 3 (and
 * takes no step after). `calls` lists the step counts the host asked for, one entry per call.
 */
function countingEngine(config: LabConfig): LabEngine & { disposed: boolean; calls: number[] } {
  let step = 0;
  const weights = new Map<string, number[]>(config.runs.map((run) => [run.id, [0.5, 0.5]]));
  const stopped = new Set<string>();
  const engine = {
    runIds: config.runs.map((run) => run.id),
    disposed: false,
    calls: [] as number[],
    async steps(count: number) {
      engine.calls.push(count);
      const records: Record<string, PlainRecord[]> = {};
      const failures: Record<string, string> = {};
      for (let i = 0; i < count; i += 1) {
        step += 1;
        for (const run of config.runs) {
          if (stopped.has(run.id)) continue;
          if (run.id === 'bad' && step === 3) {
            failures[run.id] = 'Non-finite loss for task 0 (RUL) at step 3';
            stopped.add(run.id);
          } else (records[run.id] ??= []).push({ step, losses: [1 / 2 ** step, 1], gradNorms: [1, 1], cosine: 0, weights: weights.get(run.id) ?? [] });
        }
      }
      return { records, failures };
    },
    async evaluate() {
      return config.runs.map((run) => ({ runId: run.id, step, split: 'validation' as const, count: 10, rmse: 10 / step, nasaScore: 1, healthAccuracy: 0.5, perClassRecall: [1, 0, 0] }));
    },
    retune(runId: string, hyper: Readonly<Record<string, unknown>>) {
      if (!Array.isArray(hyper.weights)) throw new Error(`${runId}: only weights can change`);
      weights.set(runId, hyper.weights as number[]);
    },
    paths: Object.fromEntries(config.runs.map((run) => [run.id, run.id === 'a' ? { path: 'gpuResident' as const } : { path: 'fused' as const, reason: 'no GPU plan' }])),
    dispose() { engine.disposed = true; },
  };
  return engine;
}

function startHost(timing: Partial<Pick<HostEnvironment, 'sleep' | 'now'>> = {}) {
  const messages: FromHost[] = [];
  const engines: ReturnType<typeof countingEngine>[] = [];
  let loseDevice: (reason: string) => void = () => undefined;
  const lost = new Promise<string>((resolve) => { loseDevice = resolve; });
  let lossesWatched = 0;
  const datasetsSeen: string[][] = [];
  const bridge: CoreBridge = {
    backendLost: () => (lossesWatched++ === 0 ? lost : null),
    recoverFromLoss: async (reason) => ({ name: 'wasm', skipped: [{ name: 'webgpu', reason: `WebGPU device lost (${reason})` }] }),
    selectBackend: async () => ({ name: 'cpu', skipped: [{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }] }),
    createLab: async (config, datasets) => {
      datasetsSeen.push([...datasets.keys()]);
      const engine = countingEngine(config);
      engines.push(engine);
      return engine;
    },
  };
  let clock = 0;
  const host = createTrainingHost({
    kind: 'main-thread',
    loadCore: async () => bridge,
    post: (message) => messages.push(message),
    yieldTurn: () => new Promise((resolve) => setTimeout(resolve, 0)),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => (clock += 50),
    ...timing,
  });
  return { host, messages, engines, datasetsSeen, loseDevice: (reason: string) => loseDevice(reason) };
}

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
const config: LabConfig = {
  seed: 1,
  data: { kind: 'toy', seed: 2 },
  runs: [{ id: 'a', label: 'A', strategy: { name: 'gaba' } }, { id: 'bad', label: 'Bad', strategy: { name: 'fixed' } }],
  totalSteps: 10,
  evaluateEvery: 5,
};

describe('the training host', () => {
  it('reports the chosen backend once the first lab loads the core', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config });
    await settle();
    const ready = messages.find((m) => m.type === 'ready');
    expect(ready).toEqual({ type: 'ready', backend: { name: 'cpu', skipped: [{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }], host: 'main-thread' } });
  });

  it('runs to totalSteps, evaluates every 5 steps and at the end, and reports a failing run without stopping the others', async () => {
    const { host, messages, engines } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config });
    await settle();
    host.receive({ type: 'setSpeed', labId: 'lab', stepsPerTick: 4 });
    host.receive({ type: 'play', labId: 'lab' });
    await settle(200);
    const records = messages.flatMap((m) => (m.type === 'progress' ? m.records.a ?? [] : []));
    expect(records.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const badRecords = messages.flatMap((m) => (m.type === 'progress' ? m.records.bad ?? [] : []));
    expect(badRecords.map((r) => r.step)).toEqual([1, 2]);
    // Each tick asks for its 4 steps in as few calls as the evaluations allow: 1–4 | 5, 6–8 | 9–10.
    expect(engines[0].calls).toEqual([4, 1, 3, 2]);
    expect(messages.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message))
      .toEqual(['Non-finite loss for task 0 (RUL) at step 3']);
    const evaluationSteps = messages.flatMap((m) => (m.type === 'evaluation' ? [m.evaluations[0].step] : []));
    expect(evaluationSteps).toEqual([5, 10]);
    expect(messages.filter((m) => m.type === 'status').at(-1)).toEqual({ type: 'status', labId: 'lab', status: 'done' });
  });

  it('applies a retune before the next step, keeps the history and says from which step it counts', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, runs: [config.runs[0]], evaluateEvery: undefined } });
    await settle();
    for (let i = 0; i < 3; i += 1) {
      host.receive({ type: 'stepOnce', labId: 'lab' });
      await settle();
    }
    // A slider dragged while paused: three retunes before the next step become one.
    host.receive({ type: 'retune', labId: 'lab', runId: 'a', hyper: { weights: [0.7, 0.3] } });
    host.receive({ type: 'retune', labId: 'lab', runId: 'a', hyper: { weights: [0.8, 0.2] } });
    host.receive({ type: 'retune', labId: 'lab', runId: 'a', hyper: { weights: [0.9, 0.1] } });
    await settle();
    expect(messages.some((m) => m.type === 'retuned')).toBe(false); // paused: nothing applied yet
    host.receive({ type: 'stepOnce', labId: 'lab' });
    await settle();
    host.receive({ type: 'retune', labId: 'lab', runId: 'a', hyper: { beta: 0.5 } });
    host.receive({ type: 'stepOnce', labId: 'lab' });
    await settle();
    const records = messages.flatMap((m) => (m.type === 'progress' ? m.records.a ?? [] : []));
    expect(records.map((r) => [r.step, r.weights[0]])).toEqual([[1, 0.5], [2, 0.5], [3, 0.5], [4, 0.9], [5, 0.9]]);
    expect(messages.filter((m) => m.type === 'retuned')).toEqual([{ type: 'retuned', labId: 'lab', runId: 'a', step: 4, hyper: { weights: [0.9, 0.1] } }]);
    // The refused retune is reported, and the lab goes on.
    expect(messages.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message)).toEqual(['a: only weights can change']);
    expect(messages.some((m) => m.type === 'status' && m.status === 'error')).toBe(false);
  });

  it('makes a tick last at least one display frame, so a fast backend trains `speed` steps per frame', async () => {
    // Each reading of the clock advances it 1 ms: a tick of instant steps is far shorter than a frame.
    let clock = 0;
    const sleeps: number[] = [];
    const { host, messages } = startHost({
      now: () => (clock += 1),
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, totalSteps: 12, evaluateEvery: undefined } });
    await settle();
    host.receive({ type: 'setSpeed', labId: 'lab', stepsPerTick: 3 });
    host.receive({ type: 'play', labId: 'lab' });
    await settle(200);
    const steps = messages.flatMap((m) => (m.type === 'progress' ? (m.records.a ?? []).map((r) => r.step) : []));
    expect(steps.at(-1)).toBe(12);
    // 12 steps at 3 per tick: 4 ticks, each topped up to one frame, except the last (the run is done).
    expect(sleeps).toHaveLength(3);
    for (const ms of sleeps) {
      expect(ms).toBeGreaterThan(TICK_MS - 10);
      expect(ms).toBeLessThanOrEqual(TICK_MS);
    }
  });

  it('a play sent while the lab is still starting runs it and reports "running" once it has started', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config });
    host.receive({ type: 'play', labId: 'lab' });
    await settle(200);
    const statuses = messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses[0]).toBe('starting');
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('done');
    expect(statuses).not.toContain('idle');
  });

  it('a lost device stops every lab with a message, reports the next backend, and a new lab trains there', async () => {
    const { host, messages, engines, loseDevice } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, totalSteps: 100_000 } });
    await settle();
    host.receive({ type: 'play', labId: 'lab' });
    await settle(50);
    loseDevice('destroyed: device.destroy() was called');
    await settle(50);
    expect(engines[0].disposed).toBe(true);
    const statuses = messages.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    expect(statuses.at(-1)).toBe('error');
    const errors = messages.flatMap((m) => (m.type === 'error' ? [m.message] : []));
    expect(errors.at(-1)).toBe('The WebGPU device was lost (destroyed: device.destroy() was called); training moved to wasm. Press Reset to start again.');
    const readies = messages.flatMap((m) => (m.type === 'ready' ? [m.backend] : []));
    expect(readies.at(-1)).toEqual({ name: 'wasm', skipped: [{ name: 'webgpu', reason: 'WebGPU device lost (destroyed: device.destroy() was called)' }], host: 'main-thread' });
    // No more steps from the stopped lab.
    const stepsAfterLoss = messages.filter((m) => m.type === 'progress').length;
    await settle(50);
    expect(messages.filter((m) => m.type === 'progress').length).toBe(stepsAfterLoss);
    // Reset: a new lab starts and trains.
    host.receive({ type: 'createLab', labId: 'lab-2', config });
    await settle();
    host.receive({ type: 'play', labId: 'lab-2' });
    await settle(200);
    expect(messages.filter((m) => m.type === 'status' && m.labId === 'lab-2').at(-1)).toEqual({ type: 'status', labId: 'lab-2', status: 'done' });
  });

  it('takes exactly one step per stepOnce and stays paused', async () => {
    const { host, messages } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config });
    await settle();
    host.receive({ type: 'stepOnce', labId: 'lab' });
    await settle();
    host.receive({ type: 'stepOnce', labId: 'lab' });
    await settle();
    const steps = messages.flatMap((m) => (m.type === 'progress' ? (m.records.a ?? []).map((r) => r.step) : []));
    expect(steps).toEqual([1, 2]);
  });

  it('stops stepping when paused and disposes the engine when the lab is disposed', async () => {
    const { host, messages, engines } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, totalSteps: undefined } });
    await settle();
    host.receive({ type: 'play', labId: 'lab' });
    await settle(20);
    host.receive({ type: 'pause', labId: 'lab' });
    await settle(20);
    const countAtPause = messages.filter((m) => m.type === 'progress').length;
    await settle(50);
    expect(messages.filter((m) => m.type === 'progress').length).toBe(countAtPause);
    host.receive({ type: 'dispose', labId: 'lab' });
    await settle(20);
    expect(engines[0].disposed).toBe(true);
  });

  it('loads the reader’s files itself, with progress, and a refused file leaves the registered dataset in place', async () => {
    const { host, messages, datasetsSeen } = startHost();
    const row = (unit: number, cycle: number) => `${unit} ${cycle} 0.1 0.2 100 ${Array.from({ length: 21 }, (_, s) => 500 + s + cycle / 10).join(' ')}`;
    const engines = (count: number) => Array.from({ length: count }, (_, u) => Array.from({ length: 35 }, (_, c) => row(u + 1, c + 1)).join('\n')).join('\n');
    const file = (text: string) => new File([text], 'train_FD001.txt');
    host.receive({ type: 'loadFiles', datasetId: 'good', files: [file(engines(5))] });
    await settle(100);
    host.receive({ type: 'loadFiles', datasetId: 'tiny', files: [file(row(1, 1))] });
    await settle(100);
    const done = messages.filter((m) => m.type === 'loadDone');
    expect(done.map((m) => [m.datasetId, m.outcome.ok])).toEqual([['good', true], ['tiny', false]]);
    expect(messages.some((m) => m.type === 'loadProgress' && m.datasetId === 'good' && m.fraction === 1)).toBe(true);
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, data: { kind: 'loaded', datasetId: 'good' } } });
    await settle();
    expect(datasetsSeen[0]).toEqual(['good']);
    host.receive({ type: 'forgetDataset', datasetId: 'good' });
    host.receive({ type: 'createLab', labId: 'lab2', config });
    await settle();
    expect(datasetsSeen[1]).toEqual([]);
  });

  it('asks for a tick in as few calls as evaluations and the end allow', () => {
    expect(stepsBeforeStop(0, 50, {})).toBe(50);
    expect(stepsBeforeStop(0, 50, { evaluateEvery: 20 })).toBe(20);
    expect(stepsBeforeStop(37, 50, { evaluateEvery: 20, totalSteps: 400 })).toBe(3);
    expect(stepsBeforeStop(390, 50, { totalSteps: 400 })).toBe(10);
    expect(stepsBeforeStop(0, 1, { evaluateEvery: 5, totalSteps: 10 })).toBe(1);
  });

  it('posts each run’s path once the lab is built, and a retune while running counts from the next call’s first step', async () => {
    const { host, messages, engines } = startHost();
    host.receive({ type: 'createLab', labId: 'lab', config: { ...config, runs: [config.runs[0]], totalSteps: undefined, evaluateEvery: undefined } });
    await settle();
    expect(messages.find((m) => m.type === 'runPaths')).toEqual({ type: 'runPaths', labId: 'lab', paths: { a: { path: 'gpuResident' } } });
    host.receive({ type: 'setSpeed', labId: 'lab', stepsPerTick: 10 });
    host.receive({ type: 'play', labId: 'lab' });
    await settle(60);
    host.receive({ type: 'retune', labId: 'lab', runId: 'a', hyper: { weights: [0.9, 0.1] } });
    await settle(60);
    host.receive({ type: 'pause', labId: 'lab' });
    await settle(60);
    const retuned = messages.find((m) => m.type === 'retuned');
    if (retuned?.type !== 'retuned') throw new Error('the retune was not applied');
    // Every call starts at a multiple of 10 (10 steps per tick), and the retune took the first step of one.
    expect((retuned.step - 1) % 10).toBe(0);
    expect(engines[0].calls.every((count) => count === 10)).toBe(true);
    const records = messages.flatMap((m) => (m.type === 'progress' ? m.records.a ?? [] : []));
    expect(records.map((r) => r.weights[0])).toEqual(records.map((r) => (r.step < retuned.step ? 0.5 : 0.9)));
  });
});
