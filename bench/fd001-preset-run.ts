/**
 * The lab's "train a real model" preset on real FD001, through the lab's own code path: one lab per
 * strategy and seed, validation RMSE every few hundred steps, the best validation parameters scored on
 * the 100 test engines once, at the end. Prints test RMSE and NASA per seed, their mean, the step the
 * validation engines chose, the wall time and the process CPU time of each run (and the load average:
 * on a shared machine the wall time measures the neighbours too; the CPU time measures this run).
 *
 * `--record` stores the per-strategy figures (test RMSE per seed and mean, NASA, chosen steps, CPU and
 * wall seconds) with the run's provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:fd001 -- [seeds 5] [strategies fixed,gaba] [steps: the preset's] [first seed 0] [--record]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { selectBackend } from '../src/core/backend';
import { parseCmapssTable } from '../src/core/data/parse-cmapss';
import { parseRulFile } from '../src/core/data/parse-rul';
import { prepareCmapss } from '../src/core/data/prepare';
import { FD001_PRESET, presetLabConfig } from '../src/core/lab/fd001-preset';
import { labArraysFromPrepared } from '../src/core/lab/fleet-data';
import { createLab } from '../src/core/lab/lab';
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../src/core/strategies/index';
import { fixedFigure, integerFigure, type FigureSpec } from '../src/figures/types';
import { nodeWasmPaths } from '../src/node/tfjs-setup';
import { recordRequested, startBenchRecording } from './record';

const recording = recordRequested(process.argv) ? startBenchRecording() : null;
const positional = process.argv.slice(2).filter((arg) => arg !== '--record');
const seedCount = Number(positional[0] ?? 5);
const strategies = (positional[1] ?? 'fixed,gaba').split(',') as StrategyName[];
const steps = Number(positional[2] ?? FD001_PRESET.steps);
const firstSeed = Number(positional[3] ?? 0);
const figures: Record<string, FigureSpec> = {};
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
  const results: { rmse: number; nasa: number; seconds: number; cpuSeconds: number; scoredStep: number }[] = [];
  for (let seed = firstSeed; seed < firstSeed + seedCount; seed += 1) {
    const config = presetLabConfig([{ id: name, label: describeStrategy(name).label, strategy: { name } }], seed, 'FD001', steps);
    const lab = createLab(config, data);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let bestValidation = Number.POSITIVE_INFINITY;
    for (let step = 1; step <= steps; step += 1) {
      await lab.step();
      if (step % config.evaluateEvery! === 0 || step === steps) bestValidation = Math.min(bestValidation, (await lab.evaluate('validation'))[0].rmse);
    }
    const [scores] = await lab.evaluate('test');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    lab.dispose();
    results.push({ rmse: scores.rmse, nasa: scores.nasaScore, seconds, cpuSeconds, scoredStep: scores.scoredStep ?? steps });
    figures[`${name}.seed${seed}.rmse`] = fixedFigure(scores.rmse, 2);
    console.log(`${pad(describeStrategy(name).label, 22)}${pad(String(seed), 6)}${pad(bestValidation.toFixed(2), 10)}${pad(String(scores.scoredStep), 9)}${pad(scores.rmse.toFixed(2), 11)}${pad(scores.nasaScore.toFixed(0), 11)}${pad(seconds.toFixed(1), 9)}${pad(cpuSeconds.toFixed(1), 9)}${loadavg()[0].toFixed(1)}`);
  }
  const mean = (pick: (r: (typeof results)[number]) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  console.log(`${pad(`${describeStrategy(name).label} mean`, 28)}${pad('', 19)}${pad(mean((r) => r.rmse).toFixed(2), 11)}${pad(mean((r) => r.nasa).toFixed(0), 11)}${pad(mean((r) => r.seconds).toFixed(1), 9)}${mean((r) => r.cpuSeconds).toFixed(1)}`);
  const range = (pick: (r: (typeof results)[number]) => number) => results.map(pick);
  Object.assign(figures, {
    [`${name}.meanRmse`]: fixedFigure(mean((r) => r.rmse), 2),
    [`${name}.meanNasa`]: integerFigure(mean((r) => r.nasa)),
    [`${name}.stepMin`]: integerFigure(Math.min(...range((r) => r.scoredStep))),
    [`${name}.stepMax`]: integerFigure(Math.max(...range((r) => r.scoredStep))),
    [`${name}.cpuSecondsMin`]: fixedFigure(Math.min(...range((r) => r.cpuSeconds)), 0),
    [`${name}.cpuSecondsMax`]: fixedFigure(Math.max(...range((r) => r.cpuSeconds)), 0),
    [`${name}.wallSecondsMin`]: fixedFigure(Math.min(...range((r) => r.seconds)), 0),
    [`${name}.wallSecondsMax`]: fixedFigure(Math.max(...range((r) => r.seconds)), 0),
  });
}
recording?.finish({
  key: 'fd001',
  what: `the lab's FD001 preset in Node (${steps} steps, batch ${FD001_PRESET.batchSize}, temporal backbone), ${strategies.join(', ')}, seeds ${firstSeed}–${firstSeed + seedCount - 1}; test engines scored once, with the best validation step's parameters`,
  script: 'bench:fd001',
  backends: [backend.name],
  measures: 'accuracy and time',
  figures,
});
