/**
 * The body of `npm run figures`: runs the core for every figure the chapters quote from our own runs
 * and writes content/figures.json with each run's provenance (seed, steps, backend, commit).
 * `--cheap` reruns the cheap figures and keeps the expensive ones already in the file (running only
 * those it lacks). `--only key,key` reruns just the named runs and keeps every other run in the file
 * as it is (one expensive run without the others' quarter of an hour).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeWasmPaths } from '../node/tfjs-setup';
import { selectBackend } from '../core/backend';
import { FD001_RUNS } from './fd001-figures';
import { commitOfTree } from './commit';
import { CHEAP_RUNS, strategyLabSeeds } from './toy-figures';
import type { Figure, FigureFile, MeasuredRun, RunProvenance } from './types';

export const FIGURES_PATH = fileURLToPath(new URL('../../content/figures.json', import.meta.url));

const cheapOnly = process.argv.includes('--cheap');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',').filter((key) => key !== '')) : null;
const backend = await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
if (backend.name !== 'wasm') throw new Error(`figures are measured on wasm; got ${backend.name}`);
const previous: FigureFile | null = existsSync(FIGURES_PATH) ? JSON.parse(readFileSync(FIGURES_PATH, 'utf8')) as FigureFile : null;
const commit = commitOfTree('content/figures.json');
const runs: Record<string, RunProvenance> = {};
const figures: Record<string, Figure> = {};

function keep(measured: MeasuredRun, cost: RunProvenance['cost'], seconds: number): void {
  const { key, what, seed, steps } = measured;
  runs[key] = { what, seed, steps, backend: measured.backend, cost, commit, generatedAt: new Date().toISOString() };
  for (const [name, figure] of Object.entries(measured.figures)) figures[name] = { ...figure, run: key };
  console.log(`${key}: ${Object.keys(measured.figures).length} figures in ${seconds.toFixed(1)} s`);
}

/** Carries a run and its figures over from the previous file unchanged. */
function carryOver(key: string, from: FigureFile): void {
  runs[key] = from.runs[key];
  for (const [name, figure] of Object.entries(from.figures)) if (figure.run === key) figures[name] = figure;
}

const expensiveRuns = [{ key: 'labSeeds', run: strategyLabSeeds }, ...FD001_RUNS];
if (only) {
  const known = new Set(expensiveRuns.map((r) => r.key));
  const unknown = [...only].filter((key) => !known.has(key));
  if (only.size === 0 || unknown.length > 0) throw new Error(`--only takes expensive run keys separated by commas (${[...known].join(', ')}); got ${unknown.join(', ') || 'none'}`);
}
const started = performance.now();
if (only) {
  if (previous) for (const key of Object.keys(previous.runs)) if (!only.has(key)) carryOver(key, previous);
} else {
  for (const run of CHEAP_RUNS) {
    const t0 = performance.now();
    keep(await run(), 'cheap', (performance.now() - t0) / 1000);
  }
}
for (const { key, run } of expensiveRuns) {
  if (only && !only.has(key)) continue;
  if (!only && cheapOnly && previous?.runs[key]?.cost === 'expensive') {
    carryOver(key, previous);
    continue;
  }
  const t0 = performance.now();
  keep(await run(), 'expensive', (performance.now() - t0) / 1000);
}
const file: FigureFile = { generatedBy: 'npm run figures', runs, figures };
writeFileSync(FIGURES_PATH, `${JSON.stringify(file, null, 2)}\n`);
console.log(`${Object.keys(figures).length} figures from ${Object.keys(runs).length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s -> content/figures.json`);
