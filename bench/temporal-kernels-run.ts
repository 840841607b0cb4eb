/**
 * `npx tsx bench/temporal-kernels.ts`: every kernel of one fused temporal step (or dense with
 * `--dense`) with its shapes and its median kernel time over repeated tf.profile calls (tf.profile
 * slows every kernel; the ranking is what counts), largest first.
 *
 *   npx tsx bench/temporal-kernels.ts [--dense --repeats 40 --top 30]
 */
import * as tf from '@tensorflow/tfjs-core';
import { prepareSyntheticFleetForLab } from '../src/core/lab/fleet-data';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG } from '../src/core/model';
import { DEFAULT_ADAM } from '../src/core/optimiser-config';
import { createBatchFromArrays, disposeBatch } from '../src/core/trainer/batch';
import { createTrainer } from '../src/core/trainer/trainer';
import { numberOption } from './report';
import { activateBackend } from './tfjs-step';
import { median } from './timing';

const BATCH = 64;
const argv = process.argv.slice(2);
const dense = argv.includes('--dense');
const repeats = numberOption(argv, '--repeats', 40);
const top = numberOption(argv, '--top', 30);
const failure = await activateBackend('wasm');
if (failure !== null) throw new Error(failure);

const fleet = prepareSyntheticFleetForLab({ kind: 'syntheticFleet', seed: 0, engines: 20 });
const width = dense ? fleet.featureCount : fleet.windowLength * fleet.featureCount;
const x = (dense ? fleet.train.lastFeatures : fleet.train.windows).slice(0, BATCH * width);
const batch = createBatchFromArrays({ x, rul: fleet.train.rul.slice(0, BATCH), health: fleet.train.health.slice(0, BATCH), featureCount: width });
const model = dense ? DEFAULT_MODEL_CONFIG : DEFAULT_TEMPORAL_MODEL_CONFIG;
const trainer = createTrainer({ model, parameters: { seed: 1 }, strategy: { name: 'gaba' }, optimiser: DEFAULT_ADAM });
for (let i = 0; i < 30; i += 1) await trainer.step(batch);

const times: number[][] = [];
let labels: string[] = [];
for (let r = 0; r < repeats; r += 1) {
  const profile = await tf.profile(async () => {
    await trainer.step(batch);
    return [];
  });
  labels = profile.kernels.map((k) => `${k.name} ${JSON.stringify(k.inputShapes)}→${JSON.stringify(k.outputShapes)}`);
  profile.kernels.forEach((k, i) => {
    (times[i] ??= []).push(typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0);
  });
}
const rows = labels.map((label, i) => ({ label, ms: median(times[i]) }));
const total = rows.reduce((sum, row) => sum + row.ms, 0);
console.log(`${dense ? 'dense' : 'temporal'}: ${rows.length} kernels, ${total.toFixed(3)} ms median kernel time per step`);
const ordered = argv.includes("--in-order") ? rows : [...rows].sort((a, b) => b.ms - a.ms).slice(0, top);
for (const row of ordered) console.log(`${row.ms.toFixed(3)}  ${row.label}`);
trainer.dispose();
disposeBatch(batch);
