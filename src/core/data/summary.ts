/**
 * What the pipeline found in a training file, for the reader: the operating conditions and how many
 * rows each holds, the per-condition normalisation fitted on the training engines, and the sensors
 * left out with how much they move within a condition (the evidence that they carry no wear).
 */
import { SENSOR_COUNT, type CmapssTable } from './cmapss-table';
import type { PreparedData } from './prepare';
import { sensorName } from './sensors';

export interface ConditionSummary {
  /** Cluster centre: altitude (kft), Mach, throttle resolver angle. */
  readonly centre: readonly [number, number, number];
  /** Training-file rows assigned to this condition. */
  readonly rows: number;
  /** Mean and std of each feature sensor in this condition (fitted on the training split only). */
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

export interface DroppedSensor {
  readonly name: string;
  /** Largest standard deviation of this sensor within any one condition, over all training rows. */
  readonly withinConditionStd: number;
}

export interface DatasetSummary {
  readonly engines: number;
  readonly rows: number;
  readonly features: readonly string[];
  readonly conditions: readonly ConditionSummary[];
  readonly dropped: readonly DroppedSensor[];
}

/** Std of sensor `sensor` (1-based) within each condition, over every row of `table`. */
function withinConditionStd(table: CmapssTable, assignments: Int32Array, count: number, sensor: number): number[] {
  const sums = new Float64Array(count);
  const squares = new Float64Array(count);
  const rows = new Float64Array(count);
  for (let row = 0; row < table.rows; row += 1) {
    const c = assignments[row];
    const value = table.sensors[row * SENSOR_COUNT + sensor - 1];
    sums[c] += value;
    rows[c] += 1;
  }
  const means = Array.from(sums, (sum, c) => sum / Math.max(rows[c], 1));
  for (let row = 0; row < table.rows; row += 1) {
    const c = assignments[row];
    squares[c] += (table.sensors[row * SENSOR_COUNT + sensor - 1] - means[c]) ** 2;
  }
  return Array.from(squares, (square, c) => Math.sqrt(square / Math.max(rows[c], 1)));
}

export function summariseDataset(train: CmapssTable, prepared: PreparedData): DatasetSummary {
  const { conditions, normaliser } = prepared;
  const features = normaliser.sensors.length;
  const rowsPerCondition = new Array<number>(conditions.count).fill(0);
  conditions.assignments.forEach((c) => (rowsPerCondition[c] += 1));
  const summaries = rowsPerCondition.map((rows, c): ConditionSummary => ({
    centre: [conditions.centres[c * 3], conditions.centres[c * 3 + 1], conditions.centres[c * 3 + 2]],
    rows,
    mean: Array.from(normaliser.mean.subarray(c * features, (c + 1) * features)),
    std: Array.from(normaliser.std.subarray(c * features, (c + 1) * features)),
  }));
  const used = new Set(normaliser.sensors);
  const dropped: DroppedSensor[] = [];
  for (let sensor = 1; sensor <= SENSOR_COUNT; sensor += 1) {
    if (used.has(sensor)) continue;
    const spread = withinConditionStd(train, conditions.assignments, conditions.count, sensor);
    dropped.push({ name: sensorName(sensor), withinConditionStd: Math.max(...spread) });
  }
  return { engines: train.engineCount, rows: train.rows, features: prepared.featureNames, conditions: summaries, dropped };
}
