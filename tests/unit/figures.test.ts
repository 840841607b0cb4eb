/**
 * The chapters' figures against the core. The cheap figures (widget defaults on the toy data, the GABA
 * controller and the quadratic pair in closed form) are recomputed here and must print the same as
 * content/figures.json; the FD001 figures (minutes of training on files outside the repository) are
 * checked for presence and provenance. No chapter may print a measured figure as a typed literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeWasmPaths } from '../../src/node/tfjs-setup';
import { selectBackend } from '../../src/core/backend';
import { formatFigure } from '../../src/figures/format';
import { isDistinctive, literalPattern, proseOf } from '../../src/figures/prose';
import { CHEAP_RUNS } from '../../src/figures/toy-figures';
import type { FigureFile } from '../../src/figures/types';

const root = path.resolve(__dirname, '../..');
const file = JSON.parse(readFileSync(path.join(root, 'content/figures.json'), 'utf8')) as FigureFile;
const chapters = readdirSync(path.join(root, 'content')).filter((name) => name.endsWith('.mdx')).sort();
const read = (name: string) => readFileSync(path.join(root, 'content', name), 'utf8');

beforeAll(async () => {
  await selectBackend({ forced: 'wasm', wasmPaths: nodeWasmPaths() });
});

describe('content/figures.json', () => {
  it.each(CHEAP_RUNS.map((run) => [run.name, run] as const))('recomputes the cheap run %s and prints every figure the same', async (_, run) => {
    const measured = await run();
    expect(file.runs[measured.key], `run ${measured.key} in figures.json (npm run figures)`).toMatchObject({
      seed: measured.seed, steps: measured.steps, backend: measured.backend, cost: 'cheap',
    });
    for (const [key, figure] of Object.entries(measured.figures)) {
      const stored = file.figures[key];
      expect(stored, `figure ${key} (npm run figures)`).toBeDefined();
      expect(formatFigure(stored), key).toBe(formatFigure(figure));
      expect(Math.abs(stored.value - figure.value), key).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(figure.value)));
    }
  });

  it('holds the expensive FD001 runs with their provenance and finite figures', () => {
    const expensive = Object.entries(file.runs).filter(([, run]) => run.cost === 'expensive');
    expect(expensive.map(([key]) => key).sort()).toEqual(['fd001Data', 'fd001Dense1000', 'fd001Dense300', 'fd001Lab800', 'fd001PresetFixed', 'fd001PresetGaba', 'fd001Temporal1000', 'labSeeds']);
    for (const [key, run] of expensive) {
      expect(run.seed, key).toBe(0);
      expect(run.commit, key).toMatch(/^[0-9a-f]{7,}/);
      expect(Number.isNaN(Date.parse(run.generatedAt)), key).toBe(false);
      if (/\d+$/.test(key)) expect(run).toMatchObject({ backend: 'wasm', steps: Number(/\d+$/.exec(key)![0]) });
      const mine = Object.values(file.figures).filter((figure) => figure.run === key);
      expect(mine.length, key).toBeGreaterThan(0);
      for (const figure of mine) expect(Number.isFinite(figure.value)).toBe(true);
    }
  });

  it('names a known run for every figure', () => {
    for (const [key, figure] of Object.entries(file.figures)) expect(file.runs[figure.run], key).toBeDefined();
  });
});

describe.each(chapters)('the figures of %s', (chapter) => {
  const text = read(chapter);

  it('names only figures and runs that exist, and marks every run it prints bare', () => {
    const keys = [...text.matchAll(/<Measured\s+k="([^"]+)"([^>]*)\/>/g)];
    for (const [, key] of keys) expect(file.figures[key], `${chapter}: <Measured k="${key}">`).toBeDefined();
    const notes = new Set([...text.matchAll(/<RunNote\s+run="([^"]+)"/g)].map((match) => match[1]));
    for (const run of notes) expect(file.runs[run], `${chapter}: <RunNote run="${run}">`).toBeDefined();
    // A bare figure's run must be named elsewhere in the chapter: by a marked figure of the same run or a <RunNote>.
    for (const [, key, rest] of keys) if (!/\bbare\b/.test(rest)) notes.add(file.figures[key]?.run ?? '');
    for (const [, key, rest] of keys) {
      if (/\bbare\b/.test(rest)) expect(notes.has(file.figures[key]?.run), `${chapter}: ${key} is bare, so its run "${file.figures[key]?.run}" must be marked in the chapter`).toBe(true);
    }
  });

  it('prints no measured figure as a typed literal (use <Measured k="…" />)', () => {
    const prose = proseOf(text);
    for (const [key, figure] of Object.entries(file.figures)) {
      const printed = formatFigure(figure);
      if (!isDistinctive(printed)) continue;
      const match = literalPattern(printed).exec(prose);
      expect(match ? `${printed} (figure ${key}) near "…${prose.slice(Math.max(0, match.index - 40), match.index + 20).replace(/\s+/g, ' ')}…"` : null, chapter).toBeNull();
    }
  });
});
