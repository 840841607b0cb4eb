import { SENSOR_COUNT, type CmapssTable } from './cmapss-table';
import { INFORMATIVE_SENSORS } from './sensors';

/** Per-condition z-score statistics of the feature sensors, fitted on training rows only. */
export interface ConditionNormaliser {
  /** Number of operating conditions. */
  conditionCount: number;
  /** Sensor numbers (1-based) making up the feature columns, in order. */
  sensors: readonly number[];
  /** Mean of feature f in condition c at index c × F + f. */
  mean: Float32Array;
  /** Standard deviation, same layout; 1 where a sensor is constant within a condition. */
  std: Float32Array;
}

/**
 * Fits per-condition mean and std of each feature sensor on the rows of `train` for which `include`
 * (optional) is true — the caller passes only training-split rows so nothing leaks from validation
 * or test. `conditions` gives each row's operating condition.
 */
export function fitConditionNormaliser(
  train: CmapssTable,
  conditions: Int32Array,
  conditionCount: number = maxPlusOne(conditions),
  sensors: readonly number[] = INFORMATIVE_SENSORS,
  include?: (row: number) => boolean,
): ConditionNormaliser {
  const features = sensors.length;
  const sums = new Float64Array(conditionCount * features);
  const squares = new Float64Array(conditionCount * features);
  const counts = new Float64Array(conditionCount);
  for (let row = 0; row < train.rows; row += 1) {
    if (include && !include(row)) continue;
    const c = conditions[row];
    counts[c] += 1;
    for (let f = 0; f < features; f += 1) sums[c * features + f] += train.sensors[row * SENSOR_COUNT + sensors[f] - 1];
  }
  const mean = new Float32Array(conditionCount * features);
  for (let i = 0; i < mean.length; i += 1) mean[i] = sums[i] / Math.max(counts[Math.floor(i / features)], 1);
  // Second pass on centred values: one-pass sums of squares lose digits on values near 9000.
  for (let row = 0; row < train.rows; row += 1) {
    if (include && !include(row)) continue;
    const c = conditions[row];
    for (let f = 0; f < features; f += 1) {
      squares[c * features + f] += (train.sensors[row * SENSOR_COUNT + sensors[f] - 1] - mean[c * features + f]) ** 2;
    }
  }
  const std = new Float32Array(conditionCount * features);
  for (let i = 0; i < std.length; i += 1) {
    const value = Math.sqrt(squares[i] / Math.max(counts[Math.floor(i / features)], 1));
    std[i] = value > 1e-6 ? value : 1;
  }
  return { conditionCount, sensors: sensors.slice(), mean, std };
}

/** Z-scores the feature sensors of every row with its condition's statistics: rows × F, row-major. */
export function applyNormaliser(table: CmapssTable, conditions: Int32Array, normaliser: ConditionNormaliser): Float32Array {
  const features = normaliser.sensors.length;
  const out = new Float32Array(table.rows * features);
  for (let row = 0; row < table.rows; row += 1) {
    const c = conditions[row];
    for (let f = 0; f < features; f += 1) {
      const raw = table.sensors[row * SENSOR_COUNT + normaliser.sensors[f] - 1];
      out[row * features + f] = (raw - normaliser.mean[c * features + f]) / normaliser.std[c * features + f];
    }
  }
  return out;
}

function maxPlusOne(values: Int32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i += 1) max = Math.max(max, values[i]);
  return max + 1;
}
