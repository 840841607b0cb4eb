import { createRandom } from '../random';
import { SENSOR_COUNT } from './cmapss-table';
import { INFORMATIVE_SENSORS } from './sensors';
import { createSyntheticFleet } from './synthetic-fleet';
import { DEFAULT_RUL_CAP, healthClass } from './health';
import { rowRul } from './targets';

/** Options of {@link createToyDataset}. */
export interface ToyDatasetOptions {
  /** Seed of the fleet and of the row sampling. */
  seed: number;
  /** Number of single-cycle rows to draw. */
  size: number;
  /** Engines in the synthetic fleet the rows are drawn from (default 100). */
  engines?: number;
}

/** Single-cycle rows for the dense toy model (14 → 32 → 32 → two heads). */
export interface ToyDataset {
  /** size × 14, row-major: the informative sensors in {@link INFORMATIVE_SENSORS} order, z-scored. */
  features: Float32Array;
  /** RUL of each row in cycles, capped at 125. */
  rul: Float32Array;
  /** Health class of each row: 0 normal, 1 degrading, 2 critical. */
  health: Int32Array;
  /** Always 14. */
  featureCount: 14;
}

/** Mean and standard deviation of each informative sensor over all rows of the fleet. */
function informativeSensorStats(sensors: Float32Array, rows: number): { mean: Float64Array; std: Float64Array } {
  const count = INFORMATIVE_SENSORS.length;
  const mean = new Float64Array(count);
  const std = new Float64Array(count);
  INFORMATIVE_SENSORS.forEach((sensor, f) => {
    let sum = 0;
    for (let row = 0; row < rows; row += 1) sum += sensors[row * SENSOR_COUNT + sensor - 1];
    mean[f] = sum / rows;
    let squares = 0;
    for (let row = 0; row < rows; row += 1) squares += (sensors[row * SENSOR_COUNT + sensor - 1] - mean[f]) ** 2;
    // A floor keeps a (never expected) constant sensor from dividing by zero.
    std[f] = Math.max(Math.sqrt(squares / rows), 1e-6);
  });
  return { mean, std };
}

/**
 * Rows drawn uniformly (with replacement) from a seeded synthetic fleet with one operating condition,
 * z-scored with the fleet's own statistics. Deterministic per seed.
 */
export function createToyDataset(options: ToyDatasetOptions): ToyDataset {
  const fleet = createSyntheticFleet({ seed: options.seed, engines: options.engines ?? 100 });
  const fleetRul = rowRul(fleet, DEFAULT_RUL_CAP);
  const { mean, std } = informativeSensorStats(fleet.sensors, fleet.rows);
  // A separate stream for sampling, so changing `size` never changes the fleet itself.
  const sampler = createRandom(options.seed ^ 0x5eed);
  const featureCount = INFORMATIVE_SENSORS.length;
  const features = new Float32Array(options.size * featureCount);
  const rul = new Float32Array(options.size);
  const health = new Int32Array(options.size);
  for (let i = 0; i < options.size; i += 1) {
    const row = sampler.int(fleet.rows);
    INFORMATIVE_SENSORS.forEach((sensor, f) => {
      features[i * featureCount + f] = (fleet.sensors[row * SENSOR_COUNT + sensor - 1] - mean[f]) / std[f];
    });
    rul[i] = fleetRul[row];
    health[i] = healthClass(fleetRul[row]);
  }
  return { features, rul, health, featureCount: 14 };
}
