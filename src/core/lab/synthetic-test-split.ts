/**
 * A synthetic fleet with a test split cut the way NASA cut FD001's test file: engines of another
 * fleet (never trained on) stop at a random cycle before failure, and the truth is the cycles they had
 * left. The scorecard scores both datasets the same way, each test engine scored on its last window (one row per engine).
 */
import { findEngineStarts, SENSOR_COUNT, SETTING_COUNT, type CmapssTable } from '../data/cmapss-table';
import { prepareCmapss } from '../data/prepare';
import { createSyntheticFleet } from '../data/synthetic-fleet';
import { createRandom } from '../random';
import { labArraysFromPrepared } from './fleet-data';
import type { LabDatasetArrays } from './types';

// A different seed space from the training fleet, so no test engine is a training engine.
const TEST_FLEET_SEED_OFFSET = 2_000_003;
const WINDOW = 30;

/** Each engine of `fleet` cut at a cycle drawn in [WINDOW, lifetime]; the RUL left after the cut. */
export function cutBeforeFailure(fleet: CmapssTable, seed: number): { table: CmapssTable; rul: Float32Array } {
  const random = createRandom(seed);
  const kept: number[] = [];
  const rul = new Float32Array(fleet.engineCount);
  for (let e = 0; e < fleet.engineCount; e += 1) {
    const lifetime = fleet.engineStarts[e + 1] - fleet.engineStarts[e];
    const cut = WINDOW + random.int(lifetime - WINDOW + 1);
    rul[e] = lifetime - cut;
    for (let row = fleet.engineStarts[e]; row < fleet.engineStarts[e] + cut; row += 1) kept.push(row);
  }
  const rows = kept.length;
  const units = new Int32Array(rows);
  const cycles = new Int32Array(rows);
  const settings = new Float32Array(rows * SETTING_COUNT);
  const sensors = new Float32Array(rows * SENSOR_COUNT);
  kept.forEach((source, target) => {
    units[target] = fleet.units[source];
    cycles[target] = fleet.cycles[source];
    settings.set(fleet.settings.subarray(source * SETTING_COUNT, (source + 1) * SETTING_COUNT), target * SETTING_COUNT);
    sensors.set(fleet.sensors.subarray(source * SENSOR_COUNT, (source + 1) * SENSOR_COUNT), target * SENSOR_COUNT);
  });
  const table = { fileName: `${fleet.fileName}, cut before failure`, rows, units, cycles, settings, sensors, engineCount: fleet.engineCount, engineStarts: findEngineStarts(units) };
  return { table, rul };
}

/** The lab's synthetic fleet (100 engines, one condition) plus 100 other engines as its test split. */
export function prepareSyntheticFleetWithTest(seed: number, engines = 100): LabDatasetArrays {
  const train = createSyntheticFleet({ seed, engines });
  const { table, rul } = cutBeforeFailure(createSyntheticFleet({ seed: seed + TEST_FLEET_SEED_OFFSET, engines }), seed);
  const prepared = prepareCmapss({ train, test: table, rul, windowLength: WINDOW, rulCap: 125, validationFraction: 0.2, seed });
  return labArraysFromPrepared(prepared);
}
