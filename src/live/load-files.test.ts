import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyFiles, loadCmapssFiles, MAX_FILE_BYTES, oversizeProblems } from './load-files';

const shared = new URL('../../../shared/cmapss/', import.meta.url);
const hasData = existsSync(new URL('train_FD001.txt', shared));
const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('loading the reader’s C-MAPSS files', () => {
  it('recognises NASA’s file names and refuses anything else with a message naming the file', () => {
    expect(classifyFiles(['train_FD001.txt', 'test_FD001.txt', 'RUL_FD001.txt']).problems).toEqual([]);
    expect(classifyFiles(['notes.txt']).problems).toEqual(['notes.txt: expected a C-MAPSS file name such as train_FD001.txt, test_FD001.txt or RUL_FD001.txt']);
    expect(classifyFiles(['train_FD001.txt', 'train_FD002.txt']).problems).toContain('train_FD002.txt: two train files were given; load one subset at a time');
    expect(classifyFiles(['train_FD001.txt', 'RUL_FD001.txt']).problems).toEqual(['test_FD00x.txt and RUL_FD00x.txt go together: load both or neither']);
  });

  it('reports a malformed row with its file and line instead of training on it', async () => {
    const good = '1 1 0.1 0.2 100 ' + Array.from({ length: 21 }, (_, i) => String(500 + i)).join(' ');
    const outcome = await loadCmapssFiles([file('train_FD001.txt', `${good}\n1 2 0.1 0.2 100 1 2 3\n`)], () => undefined);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatch(/^train_FD001\.txt line 2: /);
  });

  it.skipIf(!hasData)('prepares FD001 end to end with train, test and RUL files', async () => {
    const read = (name: string) => file(name, readFileSync(new URL(name, shared), 'utf8'));
    const outcome = await loadCmapssFiles([read('train_FD001.txt'), read('test_FD001.txt'), read('RUL_FD001.txt')], () => undefined);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.label).toBe('FD001');
      expect(outcome.prepared.train.count + outcome.prepared.validation.count).toBeGreaterThan(15000);
      expect(outcome.arrays.train.lastFeatures.length).toBe(outcome.prepared.train.count * outcome.prepared.featureCount);
      // The lab scores the test set per engine on its last window: FD001 has 100 test engines.
      expect(outcome.arrays.test?.rul.length).toBe(100);
      expect(outcome.summary).toContain('100 test engines');
    }
  });

  const row = (unit: number, cycle: number) => `${unit} ${cycle} 0.1 0.2 100 ` + Array.from({ length: 21 }, (_, i) => String(500 + i + cycle / 100)).join(' ');
  const engines = (count: number, cycles: number) =>
    Array.from({ length: count }, (_, unit) => Array.from({ length: cycles }, (_, cycle) => row(unit + 1, cycle + 1)).join('\n')).join('\n');

  it('refuses a one-row and a one-engine train file, saying how many engines and windows the lab needs', async () => {
    for (const text of [row(1, 1), engines(1, 40)]) {
      const outcome = await loadCmapssFiles([file('train_FD001.txt', text)], () => undefined);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problems).toEqual([expect.stringMatching(/^train_FD001\.txt holds 1 engine: the lab needs at least 3 engines.*30-cycle window/)]);
    }
  });

  it('accepts three short engines (each gives one padded window) and reports the parsing progress up to 1', async () => {
    const fractions: number[] = [];
    const outcome = await loadCmapssFiles([file('train_FD001.txt', engines(3, 10))], (_, fraction) => { if (fraction !== undefined) fractions.push(fraction); });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.prepared.validation.count).toBeGreaterThanOrEqual(1);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
  });

  it('refuses a file over the size limit by its size, before reading it', () => {
    expect(oversizeProblems([{ name: 'train_FD001.txt', size: MAX_FILE_BYTES }])).toEqual([]);
    expect(oversizeProblems([{ name: 'train_FD001.txt', size: 100 * 1024 * 1024 }])).toEqual([
      'train_FD001.txt is 100.0 MB; the lab reads files up to 64.0 MB, since the windows it cuts from a larger file would need gigabytes of memory. Use a subset of its engines.',
    ]);
  });
});
