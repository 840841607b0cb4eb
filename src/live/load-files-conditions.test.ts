/**
 * FD002/FD004-shaped files (six operating conditions, two fault modes), generated here because only
 * FD001 ships with the book's data: the loader must find the six conditions, count their rows, fit a
 * normaliser per condition on the training engines and say which sensors it dropped as constant.
 */
import { describe, expect, it } from 'vitest';
import { SENSOR_COUNT, selectEngines, type CmapssTable } from '../core/data/cmapss-table';
import { formatCmapssTable } from '../core/data/format-cmapss';
import { FLAT_SENSORS } from '../core/data/sensors';
import { createSyntheticFleet } from '../core/data/synthetic-fleet';
import { loadCmapssFiles } from './load-files';

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

/**
 * A second fault mode on every other engine: besides the shared degradation, the fan sensors s8, s13
 * (corrected fan speed) and s15 (bypass ratio) drift further as the engine nears failure, as FD003/FD004's
 * fan fault adds to the HPC fault.
 */
function withFanFault(table: CmapssTable): CmapssTable {
  const sensors = table.sensors.slice();
  for (let engine = 1; engine < table.engineCount; engine += 2) {
    const start = table.engineStarts[engine];
    const end = table.engineStarts[engine + 1];
    for (let row = start; row < end; row += 1) {
      const age = ((row - start + 1) / (end - start)) ** 2;
      sensors[row * SENSOR_COUNT + 7] += 0.15 * age;
      sensors[row * SENSOR_COUNT + 12] += 0.15 * age;
      sensors[row * SENSOR_COUNT + 14] += 0.08 * age;
    }
  }
  return { ...table, sensors };
}

/** Test engines cut before failure, and the RUL file that says how many cycles each had left. */
function truncated(table: CmapssTable): { test: CmapssTable; rul: string } {
  const keep: number[] = [];
  const remaining: number[] = [];
  const rowsKept: number[] = [];
  for (let engine = 0; engine < table.engineCount; engine += 1) {
    const start = table.engineStarts[engine];
    const length = table.engineStarts[engine + 1] - start;
    const cut = Math.max(31, Math.round(length * (0.4 + 0.5 * ((engine * 37) % 11) / 10)));
    for (let row = start; row < start + Math.min(cut, length); row += 1) rowsKept.push(row);
    keep.push(engine);
    remaining.push(length - Math.min(cut, length));
  }
  const pick = <T extends Float32Array | Int32Array>(values: T, width: number): T => {
    const out = new (values.constructor as new (n: number) => T)(rowsKept.length * width);
    rowsKept.forEach((row, i) => out.set(values.subarray(row * width, (row + 1) * width), i * width));
    return out;
  };
  const whole = selectEngines(table, keep);
  const test: CmapssTable = {
    ...whole, rows: rowsKept.length, units: pick(table.units, 1), cycles: pick(table.cycles, 1),
    settings: pick(table.settings, 3), sensors: pick(table.sensors, SENSOR_COUNT),
  };
  const starts = new Int32Array(test.engineCount + 1);
  for (let i = 1, e = 1; i < test.rows; i += 1) if (test.units[i] !== test.units[i - 1]) starts[e++] = i;
  starts[test.engineCount] = test.rows;
  return { test: { ...test, engineStarts: starts }, rul: remaining.join('\n') + '\n' };
}

describe('FD002/FD004-shaped files: six operating conditions, two fault modes', () => {
  it('finds six conditions, normalises each on the training engines and names the constant sensors it dropped', async () => {
    const train = withFanFault(createSyntheticFleet({ seed: 21, engines: 40, conditions: 6 }));
    const { test, rul } = truncated(withFanFault(createSyntheticFleet({ seed: 22, engines: 12, conditions: 6 })));
    const outcome = await loadCmapssFiles([
      file('train_FD004.txt', formatCmapssTable(train)),
      file('test_FD004.txt', formatCmapssTable(test)),
      file('RUL_FD004.txt', rul),
    ], () => undefined);
    if (!outcome.ok) throw new Error(outcome.problems.join('; '));
    const { details, prepared } = outcome;
    expect(outcome.label).toBe('FD004');
    expect(details.conditions).toHaveLength(6);
    // The generator's altitudes (kft): every condition found, sorted, each holding about a sixth of the rows.
    expect(details.conditions.map((c) => Math.round(c.centre[0]) + 0)).toEqual([0, 10, 20, 25, 35, 42]);
    expect(details.conditions.reduce((sum, c) => sum + c.rows, 0)).toBe(train.rows);
    for (const condition of details.conditions) expect(condition.rows / train.rows).toBeGreaterThan(0.12);
    expect(details.dropped.map((d) => d.name)).toEqual(FLAT_SENSORS.map((s) => `s${s}`));
    for (const sensor of details.dropped) expect(sensor.withinConditionStd).toBeLessThan(1e-3);
    // Without a normaliser per condition, s2 would jump between conditions by many of its own stds.
    const s2 = details.features.indexOf('s2');
    const means = details.conditions.map((c) => c.mean[s2]);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(50 * details.conditions[0].std[s2]);
    // After it, every training window's features sit within a few stds of 0, whatever the condition.
    let largest = 0;
    for (const value of prepared.train.lastFeatures) largest = Math.max(largest, Math.abs(value));
    expect(largest).toBeLessThan(8);
    expect(prepared.test?.count).toBe(12);
    expect(Math.max(...prepared.test!.rul)).toBeLessThanOrEqual(125);
  });
});
