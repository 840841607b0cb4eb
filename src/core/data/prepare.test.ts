import { describe, expect, it } from 'vitest';
import { selectEngines, SENSOR_COUNT } from './cmapss-table';
import { clusterOperatingConditions, detectConditionCount } from './conditions';
import { applyNormaliser, fitConditionNormaliser } from './normaliser';
import { prepareCmapss, splitEngines } from './prepare';
import { createSyntheticFleet } from './synthetic-fleet';
import { makeWindows } from './windows';

describe('operating conditions and the normaliser', () => {
  it('detects six conditions in a six-condition fleet and one in a single-condition fleet', () => {
    expect(detectConditionCount(createSyntheticFleet({ seed: 1, engines: 30, conditions: 6 }).settings)).toBe(6);
    expect(detectConditionCount(createSyntheticFleet({ seed: 1, engines: 30 }).settings)).toBe(1);
  });

  it('clusters six conditions onto their centres, in a seed-independent order', () => {
    const fleet = createSyntheticFleet({ seed: 2, engines: 30, conditions: 6 });
    const a = clusterOperatingConditions(fleet.settings, 6, 1);
    const b = clusterOperatingConditions(fleet.settings, 6, 99);
    expect(Array.from(a.centres.filter((_, i) => i % 3 === 0)).map((v) => Math.round(v) + 0)).toEqual([0, 10, 20, 25, 35, 42]);
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
  });

  it('removes the condition offsets: raw s2 spreads over tens of units, normalised s2 within a few std', () => {
    const fleet = createSyntheticFleet({ seed: 3, engines: 40, conditions: 6 });
    const conditions = clusterOperatingConditions(fleet.settings, 6, 0);
    const normaliser = fitConditionNormaliser(fleet, conditions.assignments, 6);
    const features = applyNormaliser(fleet, conditions.assignments, normaliser);
    const raw = Array.from({ length: fleet.rows }, (_, row) => fleet.sensors[row * SENSOR_COUNT + 1]);
    const normal = Array.from({ length: fleet.rows }, (_, row) => features[row * 14]);
    const spread = (values: number[]): number => Math.max(...values) - Math.min(...values);
    expect(spread(raw)).toBeGreaterThan(50);
    expect(spread(normal)).toBeLessThan(12);
    // Every condition's normalised mean is 0 on the rows it was fitted on.
    for (let c = 0; c < 6; c += 1) {
      const inCondition = normal.filter((_, row) => conditions.assignments[row] === c);
      expect(Math.abs(inCondition.reduce((a, b) => a + b, 0) / inCondition.length)).toBeLessThan(1e-4);
    }
  });
});

describe('windows and the pipeline', () => {
  it('pads an engine shorter than the window with its first row', () => {
    const fleet = selectEngines(createSyntheticFleet({ seed: 4, engines: 1, noise: 0 }), [0]);
    const short = { ...fleet, rows: 5, units: fleet.units.slice(0, 5), cycles: fleet.cycles.slice(0, 5), engineStarts: Int32Array.of(0, 5) };
    const features = Float32Array.from({ length: 5 * 2 }, (_, i) => i);
    const rul = Float32Array.of(4, 3, 2, 1, 0);
    const set = makeWindows(short, features, 2, rul, { windowLength: 8 });
    expect(set.count).toBe(1);
    expect(Array.from(set.windows)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(set.lastFeatures)).toEqual([8, 9]);
    expect(set.rul[0]).toBe(0);
    expect(set.health[0]).toBe(2);
  });

  it('splits validation by engine, deterministically per seed', () => {
    const split = splitEngines(100, 0.2, 7);
    expect(split.validation.length).toBe(20);
    expect(split.train.length).toBe(80);
    expect(new Set([...split.train, ...split.validation]).size).toBe(100);
    expect(Array.from(splitEngines(100, 0.2, 7).validation)).toEqual(Array.from(split.validation));
    expect(Array.from(splitEngines(100, 0.2, 8).validation)).not.toEqual(Array.from(split.validation));
  });

  it('prepares a six-condition synthetic fleet with no engine in both training and validation', () => {
    const fleet = createSyntheticFleet({ seed: 5, engines: 50, conditions: 6 });
    const data = prepareCmapss({ train: fleet, seed: 1 });
    expect(data.conditionCount).toBe(6);
    expect(data.featureNames).toEqual(['s2', 's3', 's4', 's7', 's8', 's9', 's11', 's12', 's13', 's14', 's15', 's17', 's20', 's21']);
    const trainEngines = new Set(data.train.engineIds);
    expect(new Set(data.validation.engineIds).size).toBe(10);
    expect([...new Set(data.validation.engineIds)].some((id) => trainEngines.has(id))).toBe(false);
    expect(data.train.count + data.validation.count).toBe(fleet.rows - 50 * 29);
    const again = prepareCmapss({ train: fleet, seed: 1 });
    expect(Array.from(again.validation.windows.subarray(0, 1000))).toEqual(Array.from(data.validation.windows.subarray(0, 1000)));
  });
});
