/**
 * The scorecard from the command line: every strategy over several seeds on the synthetic fleet and on
 * FD001 (from ../shared/cmapss), through the lab's own code (src/core/lab/scorecard.ts). Prints the
 * table with the run's provenance and writes it as JSON for the chapters to quote.
 *
 *   npm run scorecard -- [--seeds 5] [--steps 800] [--strategies fixed,gaba,...] [--data fleet,fd001]
 *                        [--out content/figures/scorecard.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { selectBackend } from '../src/core/backend';
import { labArraysFromPrepared } from '../src/core/lab/fleet-data';
import { CMAPSS_FOLDER, readFd001 } from '../src/node/fd001-files';
import { runScorecard } from '../src/core/lab/scorecard';
import { datasetReport, type ScorecardDatasetReport, type ScorecardReport } from '../src/core/lab/scorecard-report';
import { prepareSyntheticFleetWithTest } from '../src/core/lab/synthetic-test-split';
import type { LabDatasetArrays, LabRunSpec } from '../src/core/lab/types';
import { describeStrategy, STRATEGY_NAMES, type StrategyName } from '../src/core/strategies/index';
import { nodeWasmPaths } from '../src/node/tfjs-setup';
import { describeMachine, formatMachine } from './machine';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    seeds: { type: 'string', default: '5' },
    steps: { type: 'string', default: '800' },
    strategies: { type: 'string', default: STRATEGY_NAMES.join(',') },
    data: { type: 'string', default: 'fleet,fd001' },
    out: { type: 'string', default: 'content/figures/scorecard.json' },
  },
});
const wholeNumber = (flag: string, text: string, min: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number >= ${min}, got "${text}"`);
  return value;
};
const seedCount = wholeNumber('seeds', values.seeds, 2);
const steps = wholeNumber('steps', values.steps, 1);
const names = values.strategies.split(',').map((name) => name.trim());
const unknown = names.filter((name) => !STRATEGY_NAMES.includes(name as StrategyName));
if (unknown.length > 0) throw new Error(`--strategies: unknown ${unknown.join(', ')}; known: ${STRATEGY_NAMES.join(', ')}`);
if (!names.includes('fixed')) names.unshift('fixed'); // the baseline, Fixed 0.5 / 0.5
const datasets = values.data.split(',').map((id) => id.trim());
if (datasets.some((id) => id !== 'fleet' && id !== 'fd001')) throw new Error(`--data takes fleet and/or fd001, got "${values.data}"`);

// The lab's own tweak for short runs (widgets/StrategyLab/model.ts): DWA averages blocks of 25 steps.
const runs: LabRunSpec[] = (names as StrategyName[]).map((name) => ({
  id: name, label: describeStrategy(name).label, strategy: { name, ...(name === 'dwa' ? { hyper: { blockSize: 25 } } : {}) },
}));
const seeds = Array.from({ length: seedCount }, (_, i) => i);

function loadFd001(): LabDatasetArrays {
  if (!existsSync(`${CMAPSS_FOLDER}train_FD001.txt`)) throw new Error(`FD001 is not in ${CMAPSS_FOLDER}; pass --data fleet to skip it`);
  return labArraysFromPrepared(readFd001(0).prepared);
}

const backend = await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
const machine = formatMachine(describeMachine());
const loadBefore = loadavg()[0];
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
console.log(`scorecard: ${runs.length} strategies × ${seedCount} seeds × ${steps} steps, batch 64, Adam lr 1e-2, dense 14→32→32 on the last cycle, backend ${backend.name}, commit ${commit}`);
console.log(`${machine}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const reports: ScorecardDatasetReport[] = [];
for (const id of datasets) {
  const data = id === 'fd001' ? loadFd001() : prepareSyntheticFleetWithTest(1);
  const label = id === 'fd001' ? 'NASA C-MAPSS FD001' : 'synthetic fleet (seed 1, 100 engines, 100 more cut before failure as test)';
  const started = performance.now();
  let last = 0;
  const result = await runScorecard(
    { runs, seeds, steps, data: { kind: 'loaded', datasetId: id }, baselineId: 'fixed' },
    data,
    { progressEvery: 100, onProgress: (p) => {
      const now = performance.now();
      if (now - last > 15_000) { last = now; console.log(`  ${id}: seed ${p.seedIndex + 1}/${p.seedCount}, ${p.modelSteps}/${p.totalModelSteps} model-steps`); }
    } },
  );
  const wallSeconds = (performance.now() - started) / 1000;
  const report = datasetReport({ id, label, wallSeconds }, result, runs, 'fixed');
  reports.push(report);
  printReport(report);
}

function printReport(report: ScorecardDatasetReport): void {
  const show = (m: ScorecardDatasetReport['strategies'][number]['metrics']['rmse'], digits: number) => {
    const value = `${m.mean?.toFixed(digits) ?? '—'} ± ${m.halfWidth?.toFixed(digits) ?? '—'}`;
    const mark = m.mark === 'better' ? ' +' : m.mark === 'worse' ? ' −' : '  ';
    return (value + mark).padEnd(22);
  };
  console.log(`\n${report.label}: ${report.scoredOn}; ${report.wallSeconds.toFixed(1)} s wall, load average now ${loadavg()[0].toFixed(1)}`);
  console.log(`${'strategy'.padEnd(24)}${'RMSE'.padEnd(22)}${'NASA score'.padEnd(22)}health accuracy`);
  for (const s of report.strategies) {
    const failed = s.failedSeeds.length > 0 ? ` (stopped at seeds ${s.failedSeeds.join(', ')})` : '';
    console.log(`${s.label.padEnd(24)}${show(s.metrics.rmse, 2)}${show(s.metrics.nasaScore, 0)}${show(s.metrics.healthAccuracy, 3)}${failed}`);
  }
  console.log('mean ± 95 % t half-width over seeds; + / − : paired difference from Fixed 0.5 / 0.5 beyond the seed spread (better / worse)');
}

const file: ScorecardReport = {
  command: `npm run scorecard -- --seeds ${seedCount} --steps ${steps} --strategies ${names.join(',')} --data ${datasets.join(',')}`,
  commit,
  date: new Date().toISOString(),
  backend: backend.name,
  machine,
  loadAverage: [loadBefore, loadavg()[0]],
  steps,
  seeds,
  batchSize: 64,
  optimiser: 'Adam, learning rate 1e-2',
  model: 'dense 14 → 32 → 32 ReLU on the last cycle, heads 1 (RUL) and 3 (health)',
  baselineId: 'fixed',
  statistics: 'mean over seeds ± 95 % Student-t half-width (t_{0.975, n−1} · sd / √n); differences from the baseline paired by seed, marked when their own 95 % t interval excludes 0',
  datasets: reports,
};
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
console.log(`\nwrote ${values.out}`);
