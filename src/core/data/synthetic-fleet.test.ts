import { describe, expect, it } from 'vitest';
import { SENSOR_COUNT } from './cmapss-table';
import { FLAT_SENSORS, INFORMATIVE_SENSORS } from './sensors';
import { createSyntheticFleet } from './synthetic-fleet';

/** Mean of sensor n over the rows selected by `keep`. */
function sensorMean(sensors: Float32Array, rows: number, sensor: number, keep: (row: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let row = 0; row < rows; row += 1) {
    if (!keep(row)) continue;
    sum += sensors[row * SENSOR_COUNT + sensor - 1];
    count += 1;
  }
  return sum / count;
}

describe('createSyntheticFleet', () => {
  it('lays out 100 engines whose cycles run 1..lifetime with lifetimes between 128 and 360', () => {
    const fleet = createSyntheticFleet({ seed: 1 });
    expect(fleet.engineCount).toBe(100);
    expect(fleet.engineStarts.length).toBe(101);
    expect(fleet.engineStarts[100]).toBe(fleet.rows);
    expect(fleet.settings.length).toBe(fleet.rows * 3);
    expect(fleet.sensors.length).toBe(fleet.rows * 21);
    for (let e = 0; e < 100; e += 1) {
      const start = fleet.engineStarts[e];
      const end = fleet.engineStarts[e + 1];
      expect(end - start).toBeGreaterThanOrEqual(128);
      expect(end - start).toBeLessThanOrEqual(360);
      expect(fleet.units[start]).toBe(e + 1);
      expect(fleet.cycles[start]).toBe(1);
      expect(fleet.cycles[end - 1]).toBe(end - start);
    }
    expect(fleet.rows / 100).toBeGreaterThan(180);
    expect(fleet.rows / 100).toBeLessThan(240);
  });

  it('keeps the seven flat sensors constant and moves the fourteen informative ones with wear', () => {
    const fleet = createSyntheticFleet({ seed: 2 });
    const lastCycle = (row: number): number => {
      const engine = fleet.units[row] - 1;
      return fleet.engineStarts[engine + 1] - 1;
    };
    const late = (row: number): boolean => lastCycle(row) - row < 10;
    const early = (row: number): boolean => fleet.cycles[row] <= 30;
    for (const sensor of FLAT_SENSORS) {
      const first = fleet.sensors[sensor - 1];
      let differing = 0;
      for (let row = 0; row < fleet.rows; row += 1) if (fleet.sensors[row * 21 + sensor - 1] !== first) differing += 1;
      expect(differing).toBe(0);
    }
    // Signs as in FD001: s7, s12, s20, s21 fall with wear, the other ten rise.
    const falling = new Set([7, 12, 20, 21]);
    for (const sensor of INFORMATIVE_SENSORS) {
      const change = sensorMean(fleet.sensors, fleet.rows, sensor, late) - sensorMean(fleet.sensors, fleet.rows, sensor, early);
      expect(Math.sign(change)).toBe(falling.has(sensor) ? -1 : 1);
    }
    expect(sensorMean(fleet.sensors, fleet.rows, 4, late) - sensorMean(fleet.sensors, fleet.rows, 4, early)).toBeGreaterThan(15);
  });

  it('is identical for the same seed and differs for another seed', () => {
    const a = createSyntheticFleet({ seed: 9, engines: 10, conditions: 6 });
    const b = createSyntheticFleet({ seed: 9, engines: 10, conditions: 6 });
    const c = createSyntheticFleet({ seed: 10, engines: 10, conditions: 6 });
    expect(Array.from(a.sensors)).toEqual(Array.from(b.sensors));
    expect(Array.from(a.settings)).toEqual(Array.from(b.settings));
    expect(a.rows === c.rows && Array.from(a.sensors).every((v, i) => v === c.sensors[i])).toBe(false);
  });

  it('places six-condition settings near six distinct altitudes', () => {
    const fleet = createSyntheticFleet({ seed: 4, engines: 20, conditions: 6 });
    const altitudes = new Set<number>();
    for (let row = 0; row < fleet.rows; row += 1) altitudes.add(Math.round(fleet.settings[row * 3]));
    expect([...altitudes].sort((a, b) => a - b)).toEqual([0, 10, 20, 25, 35, 42]);
  });

  it('removes all noise when noise is 0, so each sensor is a smooth function of the cycle', () => {
    const fleet = createSyntheticFleet({ seed: 6, engines: 3, noise: 0 });
    // s4 rises monotonically within an engine when the fault grows and nothing else moves it.
    for (let row = 1; row < fleet.engineStarts[1]; row += 1) {
      expect(fleet.sensors[row * 21 + 3]).toBeGreaterThanOrEqual(fleet.sensors[(row - 1) * 21 + 3]);
    }
  });
});
