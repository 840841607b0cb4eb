/**
 * content/bench-figures.json (npm run bench:record): every recorded speed figure is finite and has a
 * run with its provenance; every `<Measured k="bench.…">` and `<RunNote run="bench.…">` in the
 * chapters names one; and the README's performance table is exactly what the JSON gives
 * (npm run readme:figures). The figures themselves are speeds, so nothing here re-times them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeBenchRun } from '../../src/figures/bench-format';
import type { BenchFigureFile } from '../../src/figures/bench-types';
import { formatFigure } from '../../src/figures/format';
import { readmeTable, readmeTableIn, withReadmeTable } from '../../src/figures/readme-table';

const root = path.resolve(__dirname, '../..');
const file = JSON.parse(readFileSync(path.join(root, 'content/bench-figures.json'), 'utf8')) as BenchFigureFile;
const chapters = readdirSync(path.join(root, 'content')).filter((name) => name.endsWith('.mdx')).sort();

describe('content/bench-figures.json', () => {
  it.each(Object.entries(file.runs))('run %s carries its provenance', (key, run) => {
    expect(run.command).toMatch(/^npm run bench:[\w-]+/);
    expect(run.commit).toMatch(/^[0-9a-f]{7,}(\+changes)?$/);
    expect(Number.isNaN(Date.parse(run.generatedAt))).toBe(false);
    expect(run.seconds).toBeGreaterThan(0);
    expect(run.machine.logicalCores).toBeGreaterThan(0);
    for (const load of [run.machine.loadStart, run.machine.loadEnd]) {
      expect(load).toHaveLength(3);
      for (const value of load) expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
    expect(run.tfjs).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.backends.length).toBeGreaterThan(0);
    expect(typeof run.gpu.present).toBe('boolean');
    expect(Object.values(file.figures).filter((figure) => figure.run === key).length, `figures of ${key}`).toBeGreaterThan(0);
  });

  it('holds finite figures, each of a known run and named after it', () => {
    for (const [key, figure] of Object.entries(file.figures)) {
      expect(Number.isFinite(figure.value), key).toBe(true);
      expect(file.runs[figure.run], key).toBeDefined();
      expect(key.startsWith(`bench.${figure.run}.`), key).toBe(true);
    }
  });

  it('records the ratios with the speeds they come from, computed in the same run', () => {
    const value = (key: string) => file.figures[key]?.value;
    for (const [key, figure] of Object.entries(file.figures)) {
      const vsTorch = /^(bench\.step\.[^.]+\.[^.]+)\.fusedVsTorch$/.exec(key);
      if (vsTorch) expect(figure.value, key).toBeCloseTo(value(`${vsTorch[1]}.fused`)! / value('bench.step.torch.fused')!, 6);
      const sweep = /^(bench\.sweep\.[^.]+)\.ratio$/.exec(key);
      if (sweep) expect(figure.value, key).toBeCloseTo(value(`${sweep[1]}.batched`)! / value(`${sweep[1]}.sequential`)!, 6);
      const temporalGpu = /^(bench\.temporalGpu\.[^.]+)\.residentVs(OpByOp|Wasm)$/.exec(key);
      if (temporalGpu) {
        const against = temporalGpu[2] === 'OpByOp' ? 'opByOp' : 'wasm';
        expect(figure.value, key).toBeCloseTo(value(`${temporalGpu[1]}.resident`)! / value(`${temporalGpu[1]}.${against}`)!, 6);
      }
    }
    if (file.figures['bench.temporal.ratio']) {
      expect(value('bench.temporal.ratio')).toBeCloseTo(value('bench.temporal.temporal')! / value('bench.temporal.dense')!, 6);
    }
  });

  it('marks each run with the machine, its load and whether a GPU took part', () => {
    for (const run of Object.values(file.runs)) {
      expect(describeBenchRun(run)).toMatch(/^measured (speed|here): bench:[\w-]+, \d+ cores, load \d+\.\d–\d+\.\d, (Node|Chromium), .+, (GPU present|no GPU.*)$/);
    }
  });
});

describe.each(chapters)('the recorded speeds of %s', (chapter) => {
  const text = readFileSync(path.join(root, 'content', chapter), 'utf8');

  it('names only recorded figures and bench runs', () => {
    for (const [, key] of text.matchAll(/<Measured\s+k="(bench\.[^"]+)"/g)) {
      expect(file.figures[key], `${chapter}: <Measured k="${key}"> (npm run bench:record)`).toBeDefined();
      expect(formatFigure(file.figures[key])).not.toMatch(/NaN|Infinity/);
    }
    for (const [, run] of text.matchAll(/<RunNote\s+run="bench\.([^"]+)"/g)) expect(file.runs[run], `${chapter}: <RunNote run="bench.${run}">`).toBeDefined();
  });
});

describe('README.md', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('holds the performance table that content/bench-figures.json gives (npm run readme:figures)', () => {
    expect(readmeTableIn(readme)).toBe(readmeTable(file));
    expect(withReadmeTable(readme, file)).toBe(readme);
  });

  it('prints a row for every recorded bench run', () => {
    for (const run of Object.values(file.runs)) expect(readmeTable(file)).toContain(run.command.replace(/ --record$/, ''));
  });
});
