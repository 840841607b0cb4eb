/**
 * `--record`: a bench script stores its figures in content/bench-figures.json with the run's
 * provenance (command, commit, time, machine and its load at start and end, versions, backends, GPU).
 * A bench replaces its own run and figures and leaves the other benches' entries as they are, so any
 * subset can be re-recorded.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFigureFile, BenchRun } from '../src/figures/bench-types';
import { commitOfTree } from '../src/figures/commit';
import type { Figure, FigureSpec } from '../src/figures/types';
import { describeMachine } from './machine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_FIGURES_FILE = 'content/bench-figures.json';
const figuresPath = path.join(root, BENCH_FIGURES_FILE);

// The code that measures is the tree as it was when the bench process started; later edits do not count.
const COMMIT_AT_START = commitOfTree(BENCH_FIGURES_FILE);

export const recordRequested = (argv: readonly string[]): boolean => argv.includes('--record');

type Load = readonly [number, number, number];
const loadNow = (): Load => loadavg().map((value) => Math.round(value * 100) / 100) as unknown as Load;

/** A GPU device on this host (NVIDIA or a DRM render node); software WebGPU does not count. */
function hostHasGpu(): boolean {
  if (existsSync('/dev/nvidia0')) return true;
  return existsSync('/dev/dri') && readdirSync('/dev/dri').some((name) => name.startsWith('renderD'));
}

function packageVersion(name: string): string {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

export interface BenchRecordInput {
  /** The run's key: its figures are "bench.<key>.…". */
  readonly key: string;
  readonly what: string;
  /** The npm script, e.g. "bench:step"; the arguments are taken from the command line. */
  readonly script: string;
  readonly backends: readonly string[];
  readonly browser?: string | null;
  readonly torch?: string | null;
  readonly webgpuAdapter?: string | null;
  readonly measures?: BenchRun['measures'];
  /** Figure names below "bench.<key>.", e.g. "wasm.page.fused" → "bench.step.wasm.page.fused". */
  readonly figures: Readonly<Record<string, FigureSpec>>;
}

/** Call when the bench starts: remembers the time and the load then. */
export function startBenchRecording(): { readonly finish: (input: BenchRecordInput) => void } {
  const loadStart = loadNow();
  const started = performance.now();

  return {
    finish(input) {
      const figures = Object.entries(input.figures);
      const bad = figures.filter(([, figure]) => !Number.isFinite(figure.value)).map(([name]) => name);
      if (bad.length > 0) throw new Error(`bench ${input.key}: not recorded, figures without a finite value: ${bad.join(', ')}`);
      const { cpuModel, logicalCores, memoryGiB, node, platform } = describeMachine();
      const args = process.argv.slice(2).filter((arg) => arg !== '--record');
      const run: BenchRun = {
        what: input.what,
        command: `npm run ${input.script}${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
        commit: COMMIT_AT_START,
        generatedAt: new Date().toISOString(),
        seconds: Math.round((performance.now() - started) / 100) / 10,
        machine: { cpuModel, logicalCores, memoryGiB, platform, loadStart, loadEnd: loadNow() },
        node,
        browser: input.browser ?? null,
        tfjs: packageVersion('@tensorflow/tfjs-core'),
        torch: input.torch ?? null,
        backends: input.backends,
        gpu: { present: hostHasGpu(), webgpuAdapter: input.webgpuAdapter ?? null },
        ...(input.measures ? { measures: input.measures } : {}),
      };
      writeBenchRun(input.key, run, figures);
    },
  };
}

function writeBenchRun(key: string, run: BenchRun, figures: readonly (readonly [string, FigureSpec])[]): void {
  const previous: BenchFigureFile = existsSync(figuresPath)
    ? (JSON.parse(readFileSync(figuresPath, 'utf8')) as BenchFigureFile)
    : { generatedBy: 'npm run bench:record', runs: {}, figures: {} };
  const kept = Object.entries(previous.figures).filter(([, figure]) => figure.run !== key);
  const added = figures.map(([name, figure]): [string, Figure] => [`bench.${key}.${name}`, { ...figure, run: key }]);
  const sorted = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  const file: BenchFigureFile = {
    generatedBy: previous.generatedBy,
    runs: sorted([...Object.entries(previous.runs).filter(([name]) => name !== key), [key, run]]),
    figures: sorted([...kept, ...added]),
  };
  writeFileSync(figuresPath, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`recorded ${added.length} figures of bench ${key} in ${BENCH_FIGURES_FILE}`);
}
