import { describe, expect, it } from 'vitest';
import type { CmapssTable } from './cmapss-table';
import { formatCmapssTable } from './format-cmapss';
import { parseDecimal } from './line-scanner';
import { parseCmapssTable, parseCmapssTableInSlices } from './parse-cmapss';
import { formatIssue, type ParseResult } from './parse-issues';
import { checkRulAgainstTest, parseRulFile } from './parse-rul';
import { createSyntheticFleet } from './synthetic-fleet';

const ROW_1 = '1 1 -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190';
const ROW_2 = '1 2 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75 2388.04 9044.07 1.30 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 23.4236';
const ROW_3 = '1 3 -0.0043 0.0003 100.0 518.67 642.35 1587.99 1404.20 14.62 21.61 554.26 2388.08 9052.94 1.30 47.27 522.42 2388.03 8133.23 8.4178 0.03 390 2388 100.00 38.95 23.3442';
const ROW_4 = ROW_1.replace(/^1 1 /, '2 1 ');

function errorsOf<T>(result: ParseResult<T>): string[] {
  if (result.ok) throw new Error('expected the parse to fail');
  return result.errors.map(formatIssue);
}

function tableOf(result: ParseResult<CmapssTable>): CmapssTable {
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  return result.value;
}

describe('parseCmapssTable', () => {
  it('reads NASA rows with trailing spaces into typed columns and finds the engines', () => {
    const table = tableOf(parseCmapssTable([ROW_1, ROW_2, ROW_3, ROW_4].map((r) => `${r}  `).join('\n') + '\n', 't.txt'));
    expect(table.rows).toBe(4);
    expect(table.engineCount).toBe(2);
    expect(Array.from(table.engineStarts)).toEqual([0, 3, 4]);
    expect(Array.from(table.units)).toEqual([1, 1, 1, 2]);
    expect(Array.from(table.cycles)).toEqual([1, 2, 3, 1]);
    expect(table.settings[3]).toBeCloseTo(0.0019, 7);
    expect(table.sensors[21 + 1]).toBeCloseTo(642.15, 3);
    expect(table.sensors[2 * 21 + 20]).toBeCloseTo(23.3442, 4);
  });

  it('gives identical arrays for tabs, CRLF line ends and a header row', () => {
    const plain = tableOf(parseCmapssTable([ROW_1, ROW_2, ROW_3].join('\n'), 'a.txt'));
    const header = ['unit', 'cycle', 'op1', 'op2', 'op3', ...Array.from({ length: 21 }, (_, i) => `s${i + 1}`)].join('\t');
    const tabbed = [header, ROW_1, ROW_2, ROW_3].map((r) => r.replace(/ /g, '\t') + ' \t').join('\r\n') + '\r\n';
    const result = parseCmapssTable(tabbed, 'b.txt');
    const table = tableOf(result);
    expect(result.ok && result.warnings).toEqual(['line 1 looks like a header row and was skipped']);
    expect(Array.from(table.settings)).toEqual(Array.from(plain.settings));
    expect(Array.from(table.sensors)).toEqual(Array.from(plain.sensors));
    expect(Array.from(table.cycles)).toEqual(Array.from(plain.cycles));
  });

  it('round-trips a synthetic fleet through its text form exactly', () => {
    const fleet = createSyntheticFleet({ seed: 8, engines: 5, conditions: 6 });
    const table = tableOf(parseCmapssTable(formatCmapssTable(fleet), 'fleet.txt'));
    expect(table.rows).toBe(fleet.rows);
    expect(Array.from(table.sensors)).toEqual(Array.from(fleet.sensors));
    expect(Array.from(table.settings)).toEqual(Array.from(fleet.settings));
  });

  it('reports each malformed input with its exact message', () => {
    expect(errorsOf(parseCmapssTable('', 'empty.txt'))).toEqual(['empty.txt is empty']);
    expect(errorsOf(parseCmapssTable(' \r\n\n', 'blank.txt'))).toEqual(['blank.txt is empty']);
    const truncated = [ROW_1, ROW_2, ROW_3.slice(0, 60)].join('\n') + '\n';
    expect(errorsOf(parseCmapssTable(truncated, 'cut.txt'))).toEqual(['cut.txt line 3: expected 26 numbers, found 10 (the file may be cut short)']);
    const word = [ROW_1, ROW_2.replace('642.15', 'abc')].join('\n');
    expect(errorsOf(parseCmapssTable(word, 'word.txt'))).toEqual(['word.txt line 2: column 7 is "abc", not a number']);
    const short = [ROW_1, ROW_2.replace(/ 23\.4236$/, ''), ROW_3].join('\n');
    expect(errorsOf(parseCmapssTable(short, 'short.txt'))).toEqual(['short.txt line 2: expected 26 numbers, found 25']);
    const backwards = [ROW_1, ROW_2, ROW_3.replace(/^1 3 /, '1 1 ')].join('\n');
    expect(errorsOf(parseCmapssTable(backwards, 'back.txt'))).toEqual(['back.txt line 3: cycle 1 follows cycle 2 of unit 1; expected cycle 3']);
    const unitBack = [ROW_4, ROW_1].join('\n');
    expect(errorsOf(parseCmapssTable(unitBack, 'units.txt'))).toEqual(['units.txt line 2: unit 1 follows unit 2; unit numbers must not decrease']);
    const binary = 'PK\u0003\u0004\u0014\u0000\u0008\u0000' + 'x'.repeat(100);
    expect(errorsOf(parseCmapssTable(binary, 'data.zip'))).toEqual(['data.zip does not look like a text file (it holds binary bytes)']);
    const garbled = '\ufffd\u0001\u0002'.repeat(50) + ROW_1;
    expect(errorsOf(parseCmapssTable(garbled, 'sheet.xlsx'))).toEqual(['sheet.xlsx does not look like a text file (it holds binary bytes)']);
  });

  it('lists the first 20 errors and then counts the rest', () => {
    const bad = Array.from({ length: 30 }, (_, i) => `1 ${i + 1} 0 0 100`).join('\n');
    const errors = errorsOf(parseCmapssTable(bad, 'bad.txt'));
    expect(errors.length).toBe(21);
    expect(errors[0]).toBe('bad.txt line 1: expected 26 numbers, found 5');
    expect(errors[20]).toBe('bad.txt and 10 more problems');
  });

  it('parses in slices to the same table, yielding once per slice', async () => {
    const text = formatCmapssTable(createSyntheticFleet({ seed: 3, engines: 4 }));
    let yields = 0;
    const sliced = tableOf(await parseCmapssTableInSlices(text, 's.txt', { sliceRows: 100, yieldToHost: async () => { yields += 1; } }));
    const whole = tableOf(parseCmapssTable(text, 's.txt'));
    expect(Array.from(sliced.sensors)).toEqual(Array.from(whole.sensors));
    expect(yields).toBe(Math.floor((whole.rows + 1) / 100));
  });

  it('parses a 12 MB synthetic file quickly', () => {
    const fleet = createSyntheticFleet({ seed: 21, engines: 290 });
    const formatStarted = performance.now();
    const text = formatCmapssTable(fleet);
    console.info(`formatted ${fleet.rows} rows in ${(performance.now() - formatStarted).toFixed(0)} ms`);
    expect(text.length).toBeGreaterThan(12e6);
    const started = performance.now();
    const table = tableOf(parseCmapssTable(text, 'big.txt'));
    const elapsed = performance.now() - started;
    console.info(`parsed ${(text.length / 1e6).toFixed(1)} MB, ${table.rows} rows in ${elapsed.toFixed(0)} ms`);
    expect(table.engineCount).toBe(290);
    // A loose bound: the shared test machine is often busy; the benchmark figure is ~0.3 s of CPU.
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('parseDecimal', () => {
  it('reads plain decimals exactly like Number and falls back to Number for everything else', () => {
    for (const text of ['-0.0007', '2388', '8.4195', '+5.5', '100.0', '0.03', '1e3', '12345678901234567', '.5', '5.']) {
      expect(parseDecimal(` ${text} `, 1, text.length + 1)).toBe(Number(text));
    }
    expect(parseDecimal('abc', 0, 3)).toBeNaN();
    expect(parseDecimal('.', 0, 1)).toBeNaN();
    expect(parseDecimal('1.2.3', 0, 5)).toBeNaN();
  });
});

describe('parseRulFile and checkRulAgainstTest', () => {
  it('reads one value per line and matches them to the test engines', () => {
    const result = parseRulFile('112 \r\n98 \r\n\r\n', 'RUL.txt');
    expect(result.ok && Array.from(result.value)).toEqual([112, 98]);
    const test = tableOf(parseCmapssTable([ROW_1, ROW_4].join('\n'), 'test.txt'));
    expect(result.ok && checkRulAgainstTest(result.value, test, { rul: 'RUL.txt', test: 'test.txt' })).toEqual([]);
  });

  it('reports an RUL file one line short, a word and a negative value with exact messages', () => {
    const test = tableOf(parseCmapssTable([ROW_1, ROW_4].join('\n'), 'test_FD001.txt'));
    const issues = checkRulAgainstTest(Float32Array.of(112), test, { rul: 'RUL_FD001.txt', test: 'test_FD001.txt' });
    expect(issues.map(formatIssue)).toEqual(['RUL_FD001.txt has 1 value but test_FD001.txt has 2 engines; expected one RUL value per test engine']);
    expect(errorsOf(parseRulFile('112\nabc\n-3\n4 5\n', 'r.txt'))).toEqual([
      'r.txt line 2: "abc" is not a number',
      'r.txt line 3: RUL -3 is negative',
      'r.txt line 4: expected 1 number, found 2',
    ]);
    expect(errorsOf(parseRulFile('', 'r.txt'))).toEqual(['r.txt is empty']);
    expect(errorsOf(parseRulFile('\u0000\u0001', 'r.bin'))).toEqual(['r.bin does not look like a text file (it holds binary bytes)']);
  });
});
