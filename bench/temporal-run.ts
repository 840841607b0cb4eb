/**
 * The body of `npm run bench:temporal` (bench/temporal.ts installs the tfjs resolve hook first): the
 * fused GABA step (batch 64, Adam) of the dense backbone (14 → 32 → 32 on the last cycle) against the
 * temporal one (two 1-D convolutions over 30-cycle windows, mean over time, 32), on the synthetic
 * fleet's windows, in alternating blocks so load spikes hit both. Prints steps/s (medians), kernels per
 * step and, per backbone, where the kernel time goes.
 *
 * `--record` stores the figures with their provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:temporal [-- --backend wasm --repeats 7 --steps 30 --record]
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../src/core/backend';
import { prepareSyntheticFleetForLab } from '../src/core/lab/fleet-data';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, type ModelConfig } from '../src/core/model';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createBatchFromArrays, disposeBatch, type Batch } from '../src/core/trainer/batch';
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
const recording = recordRequested(argv) ? startBenchRecording() : null;

const failure = await activateBackend(backend);
if (failure !== null) throw new Error(`backend ${backend} cannot start: ${failure}`);
console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
console.log(`fused GABA step, batch ${BATCH}, Adam, tfjs ${tf.getBackend()}; ${repeats} alternating blocks of ${stepsPerRepeat} steps each`);

// The first 64 training windows of a seeded synthetic fleet: the same examples for both backbones.
const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 0, engines: 20 });
const width = fleet.windowLength * fleet.featureCount;
const pick = (source: Float32Array, size: number) => source.slice(0, BATCH * size);
const labels = { rul: fleet.train.rul.slice(0, BATCH), health: fleet.train.health.slice(0, BATCH) };

interface Contender {
  readonly name: string;
  readonly trainer: Trainer;
  readonly batch: Batch;
  readonly runs: number[];
}

function contender(name: string, model: ModelConfig, x: Float32Array, featureCount: number): Contender {
  const trainer = createTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });
  return { name, trainer, batch: createBatchFromArrays({ x, ...labels, featureCount }), runs: [] };
}

const contenders = [
  contender('dense', DEFAULT_MODEL_CONFIG, pick(fleet.train.lastFeatures, fleet.featureCount), fleet.featureCount),
  contender('temporal', DEFAULT_TEMPORAL_MODEL_CONFIG, pick(fleet.train.windows, width), width),
];
for (const c of contenders) await measureThroughput(() => c.trainer.step(c.batch), { warmupSteps: 20, stepsPerRepeat: 1, repeats: 1 });
for (let r = 0; r < repeats; r += 1) {
  for (const c of contenders) {
    c.runs.push((await measureThroughput(() => c.trainer.step(c.batch), { warmupSteps: 0, stepsPerRepeat, repeats: 1 })).runs[0]);
  }
}

/** Kernels of one step and the five that take the most kernel time (tf.profile slows every kernel). */
async function profileStep(c: Contender): Promise<{ kernels: number; top: string }> {
  const profile = await tf.profile(async () => {
    await c.trainer.step(c.batch);
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
  rows.push([c.name, String(parameters), median(c.runs).toFixed(1), c.runs.map((s) => s.toFixed(0)).join(' '), String(kernels), top]);
}
console.log(renderTable(['backbone', 'parameters', 'steps/s (median)', 'blocks', 'kernels/step', 'kernel ms by op (profiled step)'], rows));
const [dense, temporal] = contenders.map((c) => median(c.runs));
console.log(`temporal / dense: ${(temporal / dense).toFixed(2)}×; ${loadAverage()}`);
for (const c of contenders) {
  c.trainer.dispose();
  disposeBatch(c.batch);
}
recording?.finish({
  key: 'temporal',
  what: `fused GABA step (batch 64, Adam) in Node: dense backbone against the temporal one (1-D convolutions over 30-cycle windows) on the synthetic fleet; medians of ${repeats} alternating blocks of ${stepsPerRepeat} steps`,
  script: 'bench:temporal',
  backends: [tf.getBackend()],
  figures: { dense: speedFigure(dense), temporal: speedFigure(temporal), ratio: ratioFigure(temporal / dense, 2) },
});
