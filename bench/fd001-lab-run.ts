/**
 * Every weighting strategy trained side by side on real FD001 through the lab's own code path (the
 * strategy lab widget runs exactly this in its Worker): parse, prepare, lab, evaluate on the test
 * engines' last windows. Prints one row per strategy and the constant-mean baseline.
 *
 *   npm run lab:fd001 -- [steps 1500] [seed 0] [backbone dense|temporal]
 */
import { cpus } from 'node:os';
import { selectBackend } from '../src/core/backend';
import { constantPredictorBaseline } from '../src/core/data/metrics';
import { labArraysFromPrepared } from '../src/core/lab/fleet-data';
import { createLab } from '../src/core/lab/lab';
import { STRATEGY_NAMES, describeStrategy } from '../src/core/strategies/index';
import { readFd001 } from '../src/node/fd001-files';
import { nodeWasmPaths } from '../src/node/tfjs-setup';

const steps = Number(process.argv[2] ?? 1500);
const seed = Number(process.argv[3] ?? 0);
const backbone = process.argv[4] === 'temporal' ? 'temporal' : 'dense';
if (process.argv[4] !== undefined && process.argv[4] !== backbone) throw new Error(`backbone must be dense or temporal, got ${process.argv[4]}`);
const data = labArraysFromPrepared(readFd001(seed).prepared);
const backend = await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
const model = backbone === 'dense' ? 'dense 14→32→32 on the last cycle' : 'temporal: conv 5/2, conv 3/2 (16 channels) over 30 cycles, mean, 32';
console.log(`FD001 lab run: ${steps} steps, seed ${seed}, batch 64, Adam lr 1e-2, ${model}, backend ${backend.name}, ${cpus().length}× ${cpus()[0]?.model}`);
console.log(`train windows ${data.train.rul.length}, validation ${data.validation.rul.length}, test engines ${data.test?.rul.length}`);

const lab = createLab({
  seed,
  data: { kind: 'loaded', datasetId: 'FD001' },
  backbone,
  runs: STRATEGY_NAMES.map((name) => ({ id: name, label: describeStrategy(name).label, strategy: { name } })),
}, data);
const started = performance.now();
for (let step = 0; step < steps; step += 1) await lab.step();
const seconds = (performance.now() - started) / 1000;
const [validation, testScores] = [await lab.evaluate('validation'), await lab.evaluate('test')];
const baseline = constantPredictorBaseline(data.train.rul, data.test!.rul);
const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${pad('strategy', 24)}${pad('val RMSE', 10)}${pad('test RMSE', 11)}${pad('test NASA', 11)}${pad('test acc', 10)}critical recall`);
for (const scores of testScores) {
  const val = validation.find((v) => v.runId === scores.runId)!;
  console.log(`${pad(describeStrategy(scores.runId as (typeof STRATEGY_NAMES)[number]).label, 24)}${pad(val.rmse.toFixed(2), 10)}${pad(scores.rmse.toFixed(2), 11)}${pad(scores.nasaScore.toFixed(0), 11)}${pad(scores.healthAccuracy.toFixed(3), 10)}${scores.perClassRecall[2].toFixed(3)}`);
}
console.log(`${pad('constant mean', 24)}${pad('', 10)}${pad(baseline.rmse.toFixed(2), 11)}${pad(baseline.nasaScore.toFixed(0), 11)}`);
console.log(`${(steps * STRATEGY_NAMES.length / seconds).toFixed(0)} model-steps/s (${STRATEGY_NAMES.length} models side by side, ${seconds.toFixed(1)} s)`);
lab.dispose();
