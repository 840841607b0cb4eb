/**
 * The lab's "train a real model" preset on real FD001, through the lab's own code path: one lab per
 * strategy and seed, validation RMSE every few hundred steps, the best validation parameters scored on
 * the 100 test engines once, at the end. Prints test RMSE and NASA per seed, their mean, the step the
 * validation engines chose, the wall time and the process CPU time of each run (and the load average:
 * on a shared machine the wall time measures the neighbours too; the CPU time measures this run).
 *
 *   npm run bench:fd001 -- [seeds 5] [strategies fixed,gaba] [steps: the preset's] [first seed 0]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/core/backend';
import { parseCmapssTable } from '../src/core/data/parse-cmapss';
import { parseRulFile } from '../src/core/data/parse-rul';
import { prepareCmapss } from '../src/core/data/prepare';
import { FD001_PRESET } from '../src/core/lab/fd001-preset';
import { labArraysFromPrepared } from '../src/core/lab/fleet-data';
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../src/core/strategies/index';
import { runPresetSeed, type PresetSeedResult } from '../src/figures/preset-run';
import { nodeWasmPaths } from '../src/node/tfjs-setup';

const seedCount = Number(process.argv[2] ?? 5);
const strategies = (process.argv[3] ?? 'fixed,gaba').split(',') as StrategyName[];
const steps = Number(process.argv[4] ?? FD001_PRESET.steps);
const firstSeed = Number(process.argv[5] ?? 0);
for (const name of strategies) if (!STRATEGY_NAMES.includes(name)) throw new Error(`unknown strategy ${name}; one of ${STRATEGY_NAMES.join(', ')}`);
const folder = fileURLToPath(new URL('../../shared/cmapss/', import.meta.url));
const read = (name: string) => readFileSync(`${folder}${name}`, 'utf8');
const train = parseCmapssTable(read('train_FD001.txt'), 'train_FD001.txt');
const test = parseCmapssTable(read('test_FD001.txt'), 'test_FD001.txt');
const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
if (!train.ok || !test.ok || !rul.ok) throw new Error('FD001 did not parse');
// The same split as the lab's file loader (seed 0): the seeds below vary the initial parameters and batch order.
const prepared = prepareCmapss({ train: train.value, test: test.value, rul: rul.value, windowLength: 30, rulCap: 125, validationFraction: 0.2, seed: 0 });
const data = labArraysFromPrepared(prepared);
const backend = await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
const shape = FD001_PRESET.temporalShape;
console.log(`FD001 preset: ${steps} steps, batch ${FD001_PRESET.batchSize}, Adam peak ${FD001_PRESET.peakLearningRate} (warm-up ${FD001_PRESET.warmupSteps}, cosine to ×${FD001_PRESET.finalFraction}), conv ${shape.convolutions.map((c) => `${c.kernel}/${c.stride}×${c.channels}`).join(', ')}, dense ${shape.hidden.join('→')}; backend ${backend.name}, ${cpus().length}× ${cpus()[0]?.model}`);
console.log(`train windows ${data.train.rul.length}, validation ${data.validation.rul.length}, test engines ${data.test?.rul.length}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${pad('strategy', 22)}${pad('seed', 6)}${pad('best val', 10)}${pad('at step', 9)}${pad('test RMSE', 11)}${pad('test NASA', 11)}${pad('wall s', 9)}${pad('CPU s', 9)}load`);
for (const name of strategies) {
  const results: PresetSeedResult[] = [];
  for (let seed = firstSeed; seed < firstSeed + seedCount; seed += 1) {
    const result = await runPresetSeed(data, name, seed, steps);
    results.push(result);
    console.log(`${pad(describeStrategy(name).label, 22)}${pad(String(seed), 6)}${pad(result.bestValidation.toFixed(2), 10)}${pad(String(result.scoredStep), 9)}${pad(result.rmse.toFixed(2), 11)}${pad(result.nasa.toFixed(0), 11)}${pad(result.seconds.toFixed(1), 9)}${pad(result.cpuSeconds.toFixed(1), 9)}${loadavg()[0].toFixed(1)}`);
  }
  const mean = (pick: (r: PresetSeedResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  console.log(`${pad(`${describeStrategy(name).label} mean`, 28)}${pad('', 19)}${pad(mean((r) => r.rmse).toFixed(2), 11)}${pad(mean((r) => r.nasa).toFixed(0), 11)}${pad(mean((r) => r.seconds).toFixed(1), 9)}${mean((r) => r.cpuSeconds).toFixed(1)}`);
}
