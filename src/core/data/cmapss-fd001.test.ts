import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CmapssTable } from './cmapss-table';
import { detectConditionCount } from './conditions';
import { constantPredictorBaseline } from './metrics';
import { parseCmapssTable } from './parse-cmapss';
import { formatIssue } from './parse-issues';
import { checkRulAgainstTest, parseRulFile } from './parse-rul';
import { prepareCmapss } from './prepare';
import { FLAT_SENSORS, INFORMATIVE_SENSORS } from './sensors';

/** The NASA files live outside the repository (never committed): ../shared/cmapss from the repo root. */
const DATA_DIR = fileURLToPath(new URL('../../../../shared/cmapss/', import.meta.url));
const HAVE_DATA = ['train_FD001.txt', 'test_FD001.txt', 'RUL_FD001.txt'].every((name) => existsSync(DATA_DIR + name));
if (!HAVE_DATA) console.warn(`C-MAPSS FD001 tests skipped: train/test/RUL_FD001.txt not found in ${DATA_DIR}`);

const read = (name: string): string => readFileSync(DATA_DIR + name, 'utf8');

function table(name: string): CmapssTable {
  const result = parseCmapssTable(read(name), name);
  if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
  return result.value;
}

/** Class counts of the capped RUL at each row from cycle 30 on, read straight from the text with split. */
function expectedTrainClassCounts(text: string): number[] {
  const rows = text.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  const lastCycle = new Map<number, number>();
  for (const [unit, cycle] of rows) lastCycle.set(unit, Math.max(cycle, lastCycle.get(unit) ?? 0));
  const counts = [0, 0, 0];
  for (const [unit, cycle] of rows) {
    if (cycle < 30) continue;
    const rul = Math.min(lastCycle.get(unit)! - cycle, 125);
    counts[rul > 80 ? 0 : rul > 30 ? 1 : 2] += 1;
  }
  return counts;
}

function classCounts(...labelSets: Int32Array[]): number[] {
  const counts = [0, 0, 0];
  for (const labels of labelSets) for (const label of labels) counts[label] += 1;
  return counts;
}

function sensorStd(data: CmapssTable, sensor: number): number {
  let sum = 0;
  for (let row = 0; row < data.rows; row += 1) sum += data.sensors[row * 21 + sensor - 1];
  const mean = sum / data.rows;
  let squares = 0;
  for (let row = 0; row < data.rows; row += 1) squares += (data.sensors[row * 21 + sensor - 1] - mean) ** 2;
  return Math.sqrt(squares / data.rows);
}

describe.skipIf(!HAVE_DATA)('NASA C-MAPSS FD001', () => {
  it('parses 20631 training rows of 100 engines, 13096 test rows of 100 engines and 100 RUL values', () => {
    const text = read('train_FD001.txt');
    const started = performance.now();
    const train = parseCmapssTable(text, 'train_FD001.txt');
    console.info(`train_FD001.txt (${(text.length / 1e6).toFixed(2)} MB) parsed in ${(performance.now() - started).toFixed(1)} ms`);
    expect(train.ok && [train.value.rows, train.value.engineCount, train.warnings.length]).toEqual([20631, 100, 0]);
    const test = table('test_FD001.txt');
    expect([test.rows, test.engineCount]).toEqual([13096, 100]);
    const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
    expect(rul.ok && [rul.value.length, rul.value[0], rul.value[99]]).toEqual([100, 112, 20]);
    expect(rul.ok && checkRulAgainstTest(rul.value, test, { rul: 'RUL_FD001.txt', test: 'test_FD001.txt' })).toEqual([]);
    const oneShort = parseRulFile(read('RUL_FD001.txt').replace(/[^\n]*\n?$/, ''), 'RUL_FD001.txt');
    const issues = oneShort.ok ? checkRulAgainstTest(oneShort.value, test, { rul: 'RUL_FD001.txt', test: 'test_FD001.txt' }) : [];
    expect(issues.map(formatIssue)).toEqual(['RUL_FD001.txt has 99 values but test_FD001.txt has 100 engines; expected one RUL value per test engine']);
  });

  it('has one operating condition, seven flat sensors and fourteen that move', () => {
    const train = table('train_FD001.txt');
    expect(detectConditionCount(train.settings)).toBe(1);
    for (const sensor of FLAT_SENSORS) expect(sensorStd(train, sensor)).toBeLessThan(0.002);
    for (const sensor of INFORMATIVE_SENSORS) expect(sensorStd(train, sensor)).toBeGreaterThan(0.03);
  });

  it('cuts 17731 training windows with the class counts found directly in the text, and 100 test windows', () => {
    const trainText = read('train_FD001.txt');
    const rulValues = read('RUL_FD001.txt').trim().split('\n').map(Number);
    const rul = Float32Array.from(rulValues);
    const data = prepareCmapss({ train: table('train_FD001.txt'), test: table('test_FD001.txt'), rul, seed: 0 });
    expect(data.conditionCount).toBe(1);
    expect(data.train.count + data.validation.count).toBe(20631 - 100 * 29);
    expect(new Set(data.validation.engineIds).size).toBe(20);
    const counts = classCounts(data.train.health, data.validation.health);
    console.info(`FD001 windows: ${data.train.count} train + ${data.validation.count} validation; classes ${counts.join('/')}`);
    expect(counts).toEqual(expectedTrainClassCounts(trainText));
    expect(data.test?.count).toBe(100);
    expect(Array.from(data.test?.rul ?? [])).toEqual(rulValues.map((value) => Math.min(value, 125)));
    const testCounts = classCounts(data.test?.health ?? new Int32Array());
    console.info(`FD001 test classes ${testCounts.join('/')}`);
    expect(testCounts).toEqual([0, 1, 2].map((c) => rulValues.filter((v) => (v > 80 ? 0 : v > 30 ? 1 : 2) === c).length));
    const baseline = constantPredictorBaseline(data.train.rul, data.test?.rul ?? []);
    console.info(`FD001 constant-mean baseline on test: RMSE ${baseline.rmse.toFixed(2)}, score ${baseline.nasaScore.toFixed(0)}`);
  });

  it('fits the normaliser on training rows only: changing every test row leaves it unchanged', () => {
    const train = table('train_FD001.txt');
    const test = table('test_FD001.txt');
    const rul = new Float32Array(100).fill(50);
    const shifted = { ...test, sensors: test.sensors.map((value) => value * 1.5 + 7) };
    const a = prepareCmapss({ train, test, rul, seed: 3 });
    const b = prepareCmapss({ train, test: shifted, rul, seed: 3 });
    const c = prepareCmapss({ train, seed: 3 });
    expect(Array.from(b.normaliser.mean)).toEqual(Array.from(a.normaliser.mean));
    expect(Array.from(b.normaliser.std)).toEqual(Array.from(a.normaliser.std));
    expect(Array.from(c.normaliser.mean)).toEqual(Array.from(a.normaliser.mean));
    expect(a.normaliser.mean[0]).toBeCloseTo(642.68, 1);
  });
});
