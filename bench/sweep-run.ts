/**
 * The body of `npm run bench:sweep` (bench/sweep.ts installs the tfjs resolve hook first): the λ
 * sweep's N fixed-weight models (default model, batch 64, Adam) trained as ONE batched program
 * (src/core/sweep/batched-sweep.ts) against N sequential trainers on the same batches, on each
 * Node backend. Prints model-steps per second (medians over repeats), the ratio, and kernels per step.
 *
 * `--record` stores the figures with their provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:sweep [-- --models 9 --repeats 9 --steps 20 --backends wasm,cpu --record]
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../src/core/backend';
import { createToyDataset } from '../src/core/data/toy-dataset';
import { DEFAULT_MODEL_CONFIG } from '../src/core/model';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createBatchedSweep } from '../src/core/sweep/batched-sweep';
import { createPoolBatcher, type Batch } from '../src/core/trainer/batch';
import { createTrainer } from '../src/core/trainer/trainer';
import { describeMachine, formatMachine } from './machine';
import { activateBackend } from './tfjs-step';
import { measureThroughput, median, type TimingPlan } from './timing';
import { loadAverage, numberOption, renderTable } from './report';
import { recordRequested, startBenchRecording } from './record';
import { speedFigure } from '../src/figures/bench-types';
import { ratioFigure, type FigureSpec } from '../src/figures/types';

const BATCH = 64;

async function kernelsOf(work: () => Promise<unknown>): Promise<number> {
  const profile = await tf.profile(async () => {
    await work();
    return [];
  });
  return profile.kernels.length;
}

interface SweepRow {
  readonly cells: string[];
  readonly sequential: number;
  readonly batched: number;
}

async function benchBackend(name: BackendName, models: number, plan: TimingPlan): Promise<SweepRow | string> {
  const failure = await activateBackend(name);
  if (failure !== null) return `${name}: skipped (${failure})`;
  const toy = createToyDataset({ seed: 0, size: BATCH * 8 });
  const batcher = createPoolBatcher({ x: toy.features, rul: toy.rul, health: toy.health, featureCount: toy.featureCount }, BATCH);
  const batches: Batch[] = Array.from({ length: 8 }, (_, i) => batcher.batchForStep(i + 1));
  const weights = Array.from({ length: models }, (_, i) => [(i + 1) / (models + 1), 1 - (i + 1) / (models + 1)]);
  let cursor = 0;
  const nextBatch = (): Batch => batches[cursor++ % batches.length];

  const trainers = weights.map((w, n) =>
    createTrainer({
      model: DEFAULT_MODEL_CONFIG,
      parameters: { seed: n },
      strategy: { name: 'fixed', hyper: { weights: w } },
      optimiser: DEFAULT_ADAM,
    }),
  );
  const sequentialStep = async (): Promise<void> => {
    const batch = nextBatch();
    for (const trainer of trainers) await trainer.step(batch);
  };
  const sweep = createBatchedSweep({ weights, parameters: weights.map((_, n) => ({ seed: n })), optimiser: DEFAULT_ADAM });
  const batchedStep = (): Promise<unknown> => sweep.step(nextBatch());
  // Warm both up, then time them in alternating blocks so load spikes on this shared machine hit both.
  for (let i = 0; i < plan.warmupSteps; i += 1) await sequentialStep();
  for (let i = 0; i < plan.warmupSteps; i += 1) await batchedStep();
  const sequentialRuns: number[] = [];
  const batchedRuns: number[] = [];
  const block = { warmupSteps: 0, stepsPerRepeat: plan.stepsPerRepeat, repeats: 1 };
  for (let r = 0; r < plan.repeats; r += 1) {
    sequentialRuns.push((await measureThroughput(sequentialStep, block)).runs[0]);
    batchedRuns.push((await measureThroughput(batchedStep, block)).runs[0]);
  }
  const sequential = { medianStepsPerSecond: median(sequentialRuns), runs: sequentialRuns };
  const batched = { medianStepsPerSecond: median(batchedRuns), runs: batchedRuns };
  const sequentialKernels = await kernelsOf(sequentialStep);
  const batchedKernels = await kernelsOf(batchedStep);
  trainers.forEach((trainer) => trainer.dispose());
  sweep.dispose();
  batches.forEach((batch) => tf.dispose([batch.features, batch.rul, batch.health]));
  batcher.dispose();

  const fmt = (runs: number[]): string => runs.map((r) => (r * models).toFixed(0)).join(', ');
  console.log(`${name} sequential: model-steps/s runs ${fmt(sequential.runs)}; ${sequentialKernels} kernels per sweep step`);
  console.log(`${name} batched:    model-steps/s runs ${fmt(batched.runs)}; ${batchedKernels} kernels per sweep step`);
  const seq = sequential.medianStepsPerSecond * models;
  const bat = batched.medianStepsPerSecond * models;
  return { cells: [`tfjs ${name} (Node)`, seq.toFixed(0), bat.toFixed(0), (bat / seq).toFixed(2), String(sequentialKernels), String(batchedKernels)], sequential: seq, batched: bat };
}

async function main(argv: readonly string[]): Promise<void> {
  const models = numberOption(argv, '--models', 9);
  const plan: TimingPlan = { warmupSteps: 10, stepsPerRepeat: numberOption(argv, '--steps', 20), repeats: numberOption(argv, '--repeats', 9) };
  console.log(`machine: ${formatMachine(describeMachine())}; ${loadAverage()}`);
  console.log(`λ sweep: N = ${models} fixed-weight models, 14→32→32 ReLU, batch ${BATCH}, Adam; ${plan.warmupSteps} warm-up sweep steps, median of ${plan.repeats} alternating blocks of ${plan.stepsPerRepeat} sweep steps each (a sweep step = N model-steps)`);
  const recording = recordRequested(argv) ? startBenchRecording() : null;
  const backendsArg = argv.indexOf('--backends');
  const backends = (backendsArg >= 0 ? argv[backendsArg + 1].split(',') : ['wasm', 'cpu']) as BackendName[];
  const rows: string[][] = [];
  const figures: Record<string, FigureSpec> = {};
  for (const name of backends) {
    const row = await benchBackend(name, models, plan);
    if (typeof row === 'string') {
      console.log(row);
      continue;
    }
    rows.push(row.cells);
    figures[`${name}.sequential`] = speedFigure(row.sequential);
    figures[`${name}.batched`] = speedFigure(row.batched);
    figures[`${name}.ratio`] = ratioFigure(row.batched / row.sequential, 3);
  }
  console.log('');
  console.log(renderTable(['backend', 'sequential model-steps/s', 'batched model-steps/s', 'batched / sequential', 'kernels/sweep-step sequential', 'kernels/sweep-step batched'], rows));
  console.log(`load after: ${loadAverage()}`);
  recording?.finish({
    key: 'sweep',
    what: `the λ sweep's ${models} fixed-weight models (14→32→32, batch 64, Adam) as one batched program against ${models} sequential trainers, in Node; model-steps/s, medians of ${plan.repeats} alternating blocks of ${plan.stepsPerRepeat} sweep steps`,
    script: 'bench:sweep',
    backends,
    figures,
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
