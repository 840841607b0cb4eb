/**
 * The body of `npm run bench:temporal` (bench/temporal.ts installs the tfjs resolve hook first): the
 * fused GABA step (batch 64, Adam) of the dense backbone (14 → 32 → 32 on the last cycle) against the
 * temporal one (two 1-D convolutions over 30-cycle windows, mean over time, 32), on the synthetic
 * fleet's windows, in alternating blocks so load spikes hit both. Each timed step takes its batch from
 * the training pool as the lab does (`batchForStep`, then the step, then the batch disposed);
 * `--fixed-batch` times the step alone on one batch uploaded once (the figures before 2026-11-29).
 * Prints steps/s (medians of wall time and of process CPU time), kernels per step and, per backbone,
 * where the kernel time goes.
 *
 * `--record` stores the figures with their provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:temporal [-- --backend wasm --repeats 7 --steps 30 --fixed-batch --record]
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../src/core/backend';
import { prepareSyntheticFleetForLab } from '../src/core/lab/fleet-data';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, type ModelConfig } from '../src/core/model';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createPoolBatcher, disposeBatch, type Batch, type PoolBatcher } from '../src/core/trainer/batch';
import { createTrainer, type Trainer } from '../src/core/trainer/trainer';
import { speedFigure } from '../src/figures/bench-types';
import { ratioFigure } from '../src/figures/types';
import { describeMachine, formatMachine } from './machine';
import { recordRequested, startBenchRecording } from './record';
import { loadAverage, numberOption, renderTable } from './report';
import { activateBackend } from './tfjs-step';
import { measureThroughput, median } from './timing';

const BATCH = 64;
const argv = process.argv.slice(2);
const backendIndex = argv.indexOf('--backend');
const backend = (backendIndex >= 0 ? argv[backendIndex + 1] : 'wasm') as BackendName;
const repeats = numberOption(argv, '--repeats', 7);
const stepsPerRepeat = numberOption(argv, '--steps', 30);
const fixedBatch = argv.includes('--fixed-batch');
const recording = recordRequested(argv) ? startBenchRecording() : null;

const failure = await activateBackend(backend);
if (failure !== null) throw new Error(`backend ${backend} cannot start: ${failure}`);
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
const batching = fixedBatch ? 'one fixed batch' : 'each batch sliced from the training pool, as the lab does';
console.log(`fused GABA step, batch ${BATCH}, Adam, tfjs ${tf.getBackend()}; ${batching}; ${repeats} alternating blocks of ${stepsPerRepeat} steps each`);

// A seeded synthetic fleet's training windows: the same examples for both backbones (with
// --fixed-batch, the first 64 of them).
const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 0, engines: 20 });
const width = fleet.windowLength * fleet.featureCount;
const poolRows = fixedBatch ? BATCH : fleet.train.rul.length;
const pick = (source: Float32Array, size: number) => source.slice(0, poolRows * size);
const labels = { rul: fleet.train.rul.slice(0, poolRows), health: fleet.train.health.slice(0, poolRows) };

interface Contender {
  readonly name: string;
  readonly trainer: Trainer;
  readonly batcher: PoolBatcher;
  /** One timed step: its batch (fixed, or sliced from the pool) and the step. */
  readonly step: () => Promise<unknown>;
  readonly runs: number[];
  /** Steps per second of process CPU time per block: steadier than wall time when other jobs share the cores. */
  readonly cpuRuns: number[];
}

function contender(name: string, model: ModelConfig, x: Float32Array, featureCount: number): Contender {
  const trainer = createTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });
  // The lab's batcher cuts a temporal model's input patches once for the pool.
  const batcher = createPoolBatcher({ x, ...labels, featureCount }, BATCH, { cutPatchesFor: model.temporal });
  let count = 0;
  const step = fixedBatch
    ? () => trainer.step(batcher.all)
    : async () => {
        count += 1;
        const batch: Batch = batcher.batchForStep(count);
        try {
          return await trainer.step(batch);
        } finally {
          disposeBatch(batch);
        }
      };
  return { name, trainer, batcher, step, runs: [], cpuRuns: [] };
}

const contenders = [
  contender('dense', DEFAULT_MODEL_CONFIG, pick(fleet.train.lastFeatures, fleet.featureCount), fleet.featureCount),
  contender('temporal', DEFAULT_TEMPORAL_MODEL_CONFIG, pick(fleet.train.windows, width), width),
];
for (const c of contenders) await measureThroughput(() => c.step(), { warmupSteps: 20, stepsPerRepeat: 1, repeats: 1 });
for (let r = 0; r < repeats; r += 1) {
  for (const c of contenders) {
    const cpuBefore = process.cpuUsage();
    c.runs.push((await measureThroughput(() => c.step(), { warmupSteps: 0, stepsPerRepeat, repeats: 1 })).runs[0]);
    const cpu = process.cpuUsage(cpuBefore);
    c.cpuRuns.push((stepsPerRepeat * 1e6) / (cpu.user + cpu.system));
  }
}

/** Kernels of one step and the five that take the most kernel time (tf.profile slows every kernel). */
async function profileStep(c: Contender): Promise<{ kernels: number; top: string }> {
  const profile = await tf.profile(async () => {
    await c.step();
    return [];
  });
  const time = new Map<string, number>();
  for (const kernel of profile.kernels) {
    const ms = typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0;
    time.set(kernel.name, (time.get(kernel.name) ?? 0) + ms);
  }
  const top = [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ');
  return { kernels: profile.kernels.length, top };
}

const rows: string[][] = [];
for (const c of contenders) {
  const { kernels, top } = await profileStep(c);
  const parameters = c.trainer.parameters.shared.concat(c.trainer.parameters.heads).reduce((sum, l) => sum + l.weight.size + l.bias.size, 0);
  rows.push([c.name, String(parameters), median(c.runs).toFixed(1), median(c.cpuRuns).toFixed(1), c.runs.map((s) => s.toFixed(0)).join(' '), String(kernels), top]);
}
console.log(renderTable(['backbone', 'parameters', 'steps/s (median)', 'steps per CPU-s (median)', 'blocks', 'kernels/step', 'kernel ms by op (profiled step)'], rows));
const [dense, temporal] = contenders.map((c) => median(c.runs));
const [denseCpu, temporalCpu] = contenders.map((c) => median(c.cpuRuns));
console.log(`temporal / dense: ${(temporal / dense).toFixed(2)}× wall, ${(temporalCpu / denseCpu).toFixed(2)}× CPU time; ${loadAverage()}`);
for (const c of contenders) {
  c.trainer.dispose();
  c.batcher.dispose();
}
recording?.finish({
  key: 'temporal',
  what: `fused GABA step (batch 64, Adam) in Node: dense backbone against the temporal one (1-D convolutions over 30-cycle windows) on the synthetic fleet; medians of ${repeats} alternating blocks of ${stepsPerRepeat} steps`,
  script: 'bench:temporal',
  backends: [tf.getBackend()],
  figures: { dense: speedFigure(dense), temporal: speedFigure(temporal), ratio: ratioFigure(temporal / dense, 2) },
});
