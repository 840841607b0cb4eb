/**
 * "Auto" by measurement: a short run of the training step each candidate backend would train the
 * live labs with (on webgpu the GPU-resident step, several steps per readback; elsewhere the fused
 * step), and the fastest wins. A real GPU may beat wasm or not, depending on the machine, so it is measured; a
 * software WebGPU adapter (SwiftShader) is not raced: its dense GPU-resident step outruns wasm there,
 * but the temporal backbone and every strategy without a GPU plan run one to two orders of magnitude
 * slower on it than on wasm (docs/performance.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend, selectBackendAfterLoss, softwareWebgpuAdapter, tryBackend, type BackendChoice, type BackendName, type BackendSpeed } from './backend';
import { createToyDataset } from './data/toy-dataset';
import { DEFAULT_MODEL_CONFIG } from './model';
import { DEFAULT_ADAM } from './optimiser-config';
import { createBatchFromArrays, disposeBatch } from './trainer/batch';
import { createTrainer } from './trainer/trainer';
import { createResidentTrainer, residentUnsupportedReason } from './webgpu/resident-trainer';

/** Backends raced by default: the two the live labs can be fast on. */
export const PROBED_BACKENDS: readonly BackendName[] = Object.freeze(['webgpu', 'wasm']);
/** Total time the probe may spend, warm-up included, over all backends (a first step that compiles longer comes on top). */
export const PROBE_BUDGET_MS = 300;
const PROBE_BATCH = 64;
/**
 * Steps per readback when the resident step is timed: a lab at 25 steps per frame, the middle of the
 * speed menu, where the backend's speed starts to matter (at 1–5 steps per frame the display caps it).
 */
export const PROBE_STEPS_PER_READBACK = 25;

export interface MeasuredSelectionOptions {
  readonly forced?: BackendName;
  readonly wasmPaths?: string;
  /** Default {@link PROBED_BACKENDS}. */
  readonly candidates?: readonly BackendName[];
  /** Default {@link PROBE_BUDGET_MS}. */
  readonly budgetMs?: number;
}

const now = (): number => globalThis.performance.now();

/**
 * Steps per second of the toy GABA step (the default dense model, batch 64, Adam) on the active
 * backend within `budgetMs`. Its first third warms up (the first step compiles kernels, and wasm code
 * is tiered up over the first steps, which would otherwise read several times slower than training
 * runs); then steps are timed for the rest, at least one of them.
 */
export async function measureStepRate(budgetMs: number): Promise<number> {
  if (residentUnsupportedReason(DEFAULT_MODEL_CONFIG, PROBE_BATCH) === null) return measureResidentStepRate(budgetMs);
  const toy = createToyDataset({ seed: 0, size: PROBE_BATCH });
  const batch = createBatchFromArrays({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount });
  const trainer = createTrainer({ model: DEFAULT_MODEL_CONFIG, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });
  try {
    const warming = now();
    do await trainer.step(batch);
    while (now() - warming < budgetMs / 3);
    const started = now();
    let steps = 0;
    do {
      await trainer.step(batch);
      steps += 1;
    } while (now() - started < (2 * budgetMs) / 3);
    return (steps * 1000) / (now() - started);
  } finally {
    trainer.dispose();
    disposeBatch(batch);
  }
}

/** As measureStepRate, for the GPU-resident GABA step: k steps enqueued, then one readback. */
async function measureResidentStepRate(budgetMs: number): Promise<number> {
  const toy = createToyDataset({ seed: 0, size: PROBE_BATCH });
  const pool = { x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount };
  const trainer = createResidentTrainer({ model: DEFAULT_MODEL_CONFIG, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM, pool, batchSize: PROBE_BATCH });
  const take = async (): Promise<void> => {
    trainer.enqueue(PROBE_STEPS_PER_READBACK);
    await trainer.read();
  };
  try {
    const warming = now();
    do await take();
    while (now() - warming < budgetMs / 3);
    const started = now();
    let steps = 0;
    do {
      await take();
      steps += PROBE_STEPS_PER_READBACK;
    } while (now() - started < (2 * budgetMs) / 3);
    return (steps * 1000) / (now() - started);
  } finally {
    trainer.dispose();
  }
}

/**
 * Choose the backend the live labs train on. Forced: that one (or the usual fallback), with its
 * measured speed for the badge. Otherwise every candidate that starts is measured and the fastest
 * becomes active; the slower ones are listed in `skipped` with their speed.
 */
export async function selectMeasuredBackend(options: MeasuredSelectionOptions = {}): Promise<BackendChoice> {
  const budgetMs = options.budgetMs ?? PROBE_BUDGET_MS;
  if (options.forced !== undefined) {
    const choice = await selectBackend({ forced: options.forced, wasmPaths: options.wasmPaths });
    return { ...choice, speeds: [{ name: choice.name, stepsPerSecond: await measureStepRate(budgetMs) }] };
  }
  const candidates = options.candidates ?? PROBED_BACKENDS;
  const skipped: { name: BackendName; reason: string }[] = [];
  const speeds: BackendSpeed[] = [];
  for (const name of candidates) {
    const software = name === 'webgpu' ? await softwareWebgpuAdapter() : null;
    if (software !== null) {
      // On SwiftShader the dense resident step beats wasm (bench:step), but a temporal run trains at
      // a tenth to a fifth of wasm's rate (bench:temporal --browser) and a strategy without a GPU
      // plan at about a hundredth (op by op), and compiling the resident program takes seconds; a
      // race of the dense step alone would make those runs slower than wasm, so it is not raced.
      skipped.push({ name, reason: `webgpu: a software WebGPU adapter (${software}); only the dense GPU-resident step beats WASM on it, temporal runs and strategies without a GPU plan are far slower, so not raced` });
      continue;
    }
    const reason = await tryBackend(name, options.wasmPaths);
    if (reason !== null) {
      skipped.push({ name, reason });
      continue;
    }
    speeds.push({ name, stepsPerSecond: await measureStepRate(budgetMs / candidates.length) });
  }
  if (speeds.length === 0) {
    const fallback = await selectBackend({ wasmPaths: options.wasmPaths });
    return { ...fallback, skipped: [...skipped, ...fallback.skipped.filter((entry) => !candidates.includes(entry.name))] };
  }
  const fastest = speeds.reduce((best, entry) => (entry.stepsPerSecond > best.stepsPerSecond ? entry : best));
  if (tf.getBackend() !== fastest.name) await tf.setBackend(fastest.name);
  // A WebGPU backend that lost the race would only hold its device; a lost device is watched only
  // on the active backend, so nothing else refers to it.
  if (fastest.name !== 'webgpu' && tf.findBackend('webgpu') !== null) tf.removeBackend('webgpu');
  for (const entry of speeds) {
    if (entry.name === fastest.name) continue;
    skipped.push({ name: entry.name, reason: `${entry.name}: measured ${Math.round(entry.stepsPerSecond)} steps/s, slower than ${fastest.name}` });
  }
  return { name: fastest.name, skipped, speeds };
}

/** After a lost WebGPU device: the next backend as backend.ts chooses it, with its measured speed. */
export async function selectMeasuredBackendAfterLoss(lossReason: string, options: Pick<MeasuredSelectionOptions, 'wasmPaths' | 'budgetMs'> = {}): Promise<BackendChoice> {
  const choice = await selectBackendAfterLoss(lossReason, { wasmPaths: options.wasmPaths });
  return { ...choice, speeds: [{ name: choice.name, stepsPerSecond: await measureStepRate(options.budgetMs ?? PROBE_BUDGET_MS) }] };
}
