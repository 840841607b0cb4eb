/**
 * The lab's "train a real model" preset on real FD001, through the lab's own code path: one lab per
 * strategy and seed, validation RMSE every few hundred steps, the best validation parameters scored on
 * the 100 test engines once, at the end. Prints test RMSE and NASA per seed, their mean, the step the
 * validation engines chose, the wall time and the process CPU time of each run (and the load average:
 * on a shared machine the wall time measures the neighbours too; the CPU time measures this run).
 *
 * `--record` stores each strategy's figures, as its own run `fd001-<strategy>`, (test RMSE per seed and mean, NASA, chosen steps, CPU and
 * wall seconds) with the run's provenance in content/bench-figures.json (bench/record.ts).
 *
 *   npm run bench:fd001 -- [seeds 5] [strategies fixed,gaba] [steps: the preset's] [first seed 0] [--record]
 */
import { cpus, loadavg } from 'node:os';
import { selectBackend } from '../src/core/backend';
import { FD001_PRESET } from '../src/core/lab/fd001-preset';
import { labArraysFromPrepared } from '../src/core/lab/fleet-data';
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../src/core/strategies/index';
import { runPresetSeed, type PresetSeedResult } from '../src/figures/preset-run';
import { fixedFigure, integerFigure, type FigureSpec } from '../src/figures/types';
import { readFd001 } from '../src/node/fd001-files';
import { nodeWasmPaths } from '../src/node/tfjs-setup';
import { recordRequested, startBenchRecording } from './record';

const recording = recordRequested(process.argv);
const positional = process.argv.slice(2).filter((arg) => arg !== '--record');
const seedCount = Number(positional[0] ?? 5);
const strategies = (positional[1] ?? 'fixed,gaba').split(',') as StrategyName[];
const steps = Number(positional[2] ?? FD001_PRESET.steps);
const firstSeed = Number(positional[3] ?? 0);

for (const name of strategies) if (!STRATEGY_NAMES.includes(name)) throw new Error(`unknown strategy ${name}; one of ${STRATEGY_NAMES.join(', ')}`);
// The same split as the lab's file loader (seed 0): the seeds below vary the initial parameters and batch order.
const data = labArraysFromPrepared(readFd001(0).prepared);
const backend = await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
const shape = FD001_PRESET.temporalShape;
console.log(`FD001 preset: ${steps} steps, batch ${FD001_PRESET.batchSize}, Adam peak ${FD001_PRESET.peakLearningRate} (warm-up ${FD001_PRESET.warmupSteps}, cosine to ×${FD001_PRESET.finalFraction}), conv ${shape.convolutions.map((c) => `${c.kernel}/${c.stride}×${c.channels}`).join(', ')}, dense ${shape.hidden.join('→')}; backend ${backend.name}, ${cpus().length}× ${cpus()[0]?.model}`);
console.log(`train windows ${data.train.rul.length}, validation ${data.validation.rul.length}, test engines ${data.test?.rul.length}; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${pad('strategy', 22)}${pad('seed', 6)}${pad('best val', 10)}${pad('at step', 9)}${pad('test RMSE', 11)}${pad('test NASA', 11)}${pad('wall s', 9)}${pad('CPU s', 9)}load`);
// One recorded run per strategy ("bench.fd001-gaba.…"), so strategies can be recorded by parallel processes.
for (const name of strategies) {
  const recorder = recording ? startBenchRecording() : null;
  const figures: Record<string, FigureSpec> = {};
  const results: PresetSeedResult[] = [];
  for (let seed = firstSeed; seed < firstSeed + seedCount; seed += 1) {
    const result = await runPresetSeed(data, name, seed, steps);
    results.push(result);
    figures[`seed${seed}.rmse`] = fixedFigure(result.rmse, 2);
    console.log(`${pad(describeStrategy(name).label, 22)}${pad(String(seed), 6)}${pad(result.bestValidation.toFixed(2), 10)}${pad(String(result.scoredStep), 9)}${pad(result.rmse.toFixed(2), 11)}${pad(result.nasa.toFixed(0), 11)}${pad(result.seconds.toFixed(1), 9)}${pad(result.cpuSeconds.toFixed(1), 9)}${loadavg()[0].toFixed(1)}`);
  }
  const mean = (pick: (r: PresetSeedResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  console.log(`${pad(`${describeStrategy(name).label} mean`, 28)}${pad('', 19)}${pad(mean((r) => r.rmse).toFixed(2), 11)}${pad(mean((r) => r.nasa).toFixed(0), 11)}${pad(mean((r) => r.seconds).toFixed(1), 9)}${mean((r) => r.cpuSeconds).toFixed(1)}`);
  const range = (pick: (r: (typeof results)[number]) => number) => results.map(pick);
  Object.assign(figures, {
    meanRmse: fixedFigure(mean((r) => r.rmse), 2),
    meanNasa: integerFigure(mean((r) => r.nasa)),
    stepMin: integerFigure(Math.min(...range((r) => r.scoredStep))),
    stepMax: integerFigure(Math.max(...range((r) => r.scoredStep))),
    cpuSecondsMin: fixedFigure(Math.min(...range((r) => r.cpuSeconds)), 0),
    cpuSecondsMax: fixedFigure(Math.max(...range((r) => r.cpuSeconds)), 0),
    wallSecondsMin: fixedFigure(Math.min(...range((r) => r.seconds)), 0),
    wallSecondsMax: fixedFigure(Math.max(...range((r) => r.seconds)), 0),
  });
  recorder?.finish({
    key: `fd001-${name}`,
    what: `the lab's FD001 preset in Node (${steps} steps, batch ${FD001_PRESET.batchSize}, temporal backbone), ${describeStrategy(name).label}, seeds ${firstSeed}–${firstSeed + seedCount - 1}; test engines scored once, with the best validation step's parameters`,
    script: 'bench:fd001',
    backends: [backend.name],
    measures: 'accuracy and time',
    figures,
  });
}
