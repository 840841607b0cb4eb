/**
 * The body of `npm run bench:soak` (bench/soak.ts installs the tfjs resolve hook first): 10,000
 * GABA training steps (default model, batch 64 gathered from a device pool each step, Adam) through
 * the core's trainer on a Node backend, printing tf.memory() tensors and bytes at the start, every
 * 2,000 steps and at the end, and the growth. A pass is zero growth in tensors and bytes.
 *
 *   npm run bench:soak [-- --steps 10000 --backend wasm]
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../src/core/backend';
import { createToyDataset } from '../src/core/data/toy-dataset';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createPoolBatcher, disposeBatch } from '../src/core/trainer/batch';
import { createTrainer } from '../src/core/trainer/trainer';
import { describeMachine, formatMachine } from './machine';
import { loadAverage, numberOption, renderTable } from './report';
import { activateBackend } from './tfjs-step';

const argv = process.argv.slice(2);
const steps = numberOption(argv, '--steps', 10_000);
const backendIndex = argv.indexOf('--backend');
const backend = (backendIndex >= 0 ? argv[backendIndex + 1] : 'wasm') as BackendName;
const failure = await activateBackend(backend);
if (failure !== null) throw new Error(`backend ${backend} cannot start: ${failure}`);
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
console.log(`soak: ${steps} GABA steps on tfjs ${tf.getBackend()}, batch 64 from a 1,024-row pool, Adam, fused path, one trainer`);

const toy = createToyDataset({ seed: 0, size: 1024 });
const batcher = createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, 64);
const trainer = createTrainer({ parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });

const rows: string[][] = [];
const snapshot = (label: string): { tensors: number; bytes: number } => {
  const memory = tf.memory();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  rows.push([label, String(memory.numTensors), String(memory.numBytes), String(memory.numDataBuffers), heap.toFixed(1)]);
  return { tensors: memory.numTensors, bytes: memory.numBytes };
};
const start = snapshot('start (after setup)');
const started = performance.now();
let lastLoss = Number.NaN;
for (let step = 1; step <= steps; step += 1) {
  const batch = batcher.batchForStep(step);
  try {
    lastLoss = (await trainer.step(batch)).losses[0];
  } finally {
    disposeBatch(batch);
  }
  if (step % 2000 === 0 && step !== steps) snapshot(`after step ${step}`);
}
const seconds = (performance.now() - started) / 1000;
const end = snapshot(`end (step ${steps})`);
console.log(renderTable(['when', 'tf tensors', 'tf bytes', 'data buffers', 'JS heap MiB'], rows));
console.log(`growth: ${end.tensors - start.tensors} tensors, ${end.bytes - start.bytes} bytes over ${steps} steps (${(steps / seconds).toFixed(0)} steps/s, ${seconds.toFixed(1)} s); last RUL loss ${lastLoss.toFixed(2)}`);
trainer.dispose();
batcher.dispose();
console.log(`after dispose: ${tf.memory().numTensors} tensors, ${tf.memory().numBytes} bytes; ${loadAverage()}`);
if (end.tensors !== start.tensors || end.bytes !== start.bytes) process.exitCode = 1;
