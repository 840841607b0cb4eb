import { createRandom, type RandomSource } from '../random';
import { findEngineStarts, SENSOR_COUNT, SETTING_COUNT, type CmapssTable } from './cmapss-table';

/** Options of {@link createSyntheticFleet}. */
export interface SyntheticFleetOptions {
  /** Seed of every random choice; the same seed gives the same fleet. */
  seed: number;
  /** Number of engines (default 100, like FD001). */
  engines?: number;
  /** 1 operating condition like FD001/FD003, or 6 like FD002/FD004 (default 1). */
  conditions?: 1 | 6;
  /** Multiplier on the sensor noise (default 1: about FD001's cycle-to-cycle noise; 0: none). */
  noise?: number;
}

/**
 * Per-sensor behaviour, s1..s21: healthy baseline, change from a new engine to failure, and noise std.
 * Baselines and changes are rounded from FD001's early-life and last-cycles means; a change of 0 marks
 * the flat sensors (s1, s5, s6, s10, s16, s18, s19).
 */
const SENSOR_BASELINE = [
  518.67, 642.4, 1587, 1403, 14.62, 21.61, 553.9, 2388.05, 9057, 1.3, 47.35,
  521.9, 2388.05, 8138, 8.418, 0.03, 392.3, 2388, 100, 38.93, 23.36,
];
const SENSOR_CHANGE = [
  0, 1.3, 15.4, 26.2, 0, 0, -2.47, 0.176, 41, 0, 0.79,
  -2.11, 0.179, 28.6, 0.1025, 0, 3.98, 0, 0, -0.487, -0.29,
];
const SENSOR_NOISE = [
  0, 0.3, 4.2, 5.2, 0, 0, 0.55, 0.045, 6, 0, 0.15,
  0.45, 0.045, 5.5, 0.023, 0, 1.0, 0, 0, 0.115, 0.07,
];

/** Setting centres of the six operating conditions (altitude in kft, Mach, throttle), FD002-like. */
const CONDITION_CENTRES = [
  [0, 0, 100],
  [10, 0.25, 100],
  [20, 0.7, 100],
  [25, 0.62, 60],
  [35, 0.84, 100],
  [42, 0.84, 100],
];
/** Fraction by which each condition lowers the sensor baselines (before the per-sensor sensitivity). */
const CONDITION_SHIFT = [0, 0.06, 0.11, 0.2, 0.15, 0.24];

/** Per-engine hidden state: how long it lives, how worn it starts, how fast its fault accelerates. */
interface EngineProfile {
  lifetime: number;
  initialWear: number;
  growth: number;
  sensorOffsets: Float64Array;
}

/** Lifetimes between 128 and 360 cycles, skewed short like FD001 (mean ≈ 210). */
function drawEngineProfile(random: RandomSource, noise: number): EngineProfile {
  const lifetime = 128 + Math.round(232 * Math.pow(random.next(), 1.8));
  const sensorOffsets = new Float64Array(SENSOR_COUNT);
  // Manufacturing variation: each engine sits a little off the fleet baseline on every live sensor.
  for (let s = 0; s < SENSOR_COUNT; s += 1) sensorOffsets[s] = 0.5 * noise * SENSOR_NOISE[s] * random.normal();
  return { lifetime, initialWear: random.uniform(0, 0.15), growth: random.uniform(3, 6), sensorOffsets };
}

/** Damage in [initialWear, 1]: the fault grows exponentially and reaches 1 at the last cycle. */
function damageAt(profile: EngineProfile, cycle: number): number {
  const fault = (Math.exp((profile.growth * cycle) / profile.lifetime) - 1) / (Math.exp(profile.growth) - 1);
  return profile.initialWear + (1 - profile.initialWear) * fault;
}

/** How strongly sensor s responds to the operating condition: varied so conditions are not one scale. */
function conditionSensitivity(sensor: number): number {
  return 0.5 + (sensor % 3) * 0.5;
}

function writeSettings(settings: Float32Array, row: number, condition: number, sixConditions: boolean, random: RandomSource): void {
  const centre = sixConditions ? CONDITION_CENTRES[condition] : [0, 0, 100];
  settings[row * SETTING_COUNT] = centre[0] + 0.002 * random.normal();
  settings[row * SETTING_COUNT + 1] = centre[1] + 0.0003 * random.normal();
  settings[row * SETTING_COUNT + 2] = centre[2];
}

function writeSensors(sensors: Float32Array, row: number, damage: number, shift: number, profile: EngineProfile, noise: number, random: RandomSource): void {
  for (let s = 0; s < SENSOR_COUNT; s += 1) {
    const baseline = SENSOR_BASELINE[s] * (1 - shift * conditionSensitivity(s));
    if (SENSOR_CHANGE[s] === 0) {
      sensors[row * SENSOR_COUNT + s] = baseline;
      continue;
    }
    const measured = baseline + profile.sensorOffsets[s] + SENSOR_CHANGE[s] * damage;
    sensors[row * SENSOR_COUNT + s] = measured + noise * SENSOR_NOISE[s] * random.normal();
  }
}

/**
 * A seeded run-to-failure fleet in the C-MAPSS layout, so the same pipeline runs on it as on the NASA
 * files: random initial wear and manufacturing offsets, an exponentially growing fault until failure
 * at the last cycle, optional six operating conditions drawn per cycle, and sensor noise.
 */
export function createSyntheticFleet(options: SyntheticFleetOptions): CmapssTable {
  const engineCount = options.engines ?? 100;
  const sixConditions = (options.conditions ?? 1) === 6;
  const noise = options.noise ?? 1;
  const random = createRandom(options.seed);
  const profiles: EngineProfile[] = [];
  for (let e = 0; e < engineCount; e += 1) profiles.push(drawEngineProfile(random, noise));
  const rows = profiles.reduce((total, profile) => total + profile.lifetime, 0);
  const units = new Int32Array(rows);
  const cycles = new Int32Array(rows);
  const settings = new Float32Array(rows * SETTING_COUNT);
  const sensors = new Float32Array(rows * SENSOR_COUNT);
  let row = 0;
  profiles.forEach((profile, engine) => {
    for (let cycle = 1; cycle <= profile.lifetime; cycle += 1, row += 1) {
      const condition = sixConditions ? random.int(CONDITION_CENTRES.length) : 0;
      units[row] = engine + 1;
      cycles[row] = cycle;
      writeSettings(settings, row, condition, sixConditions, random);
      writeSensors(sensors, row, damageAt(profile, cycle), CONDITION_SHIFT[condition], profile, noise, random);
    }
  });
  const fileName = `synthetic fleet (seed ${options.seed}, ${sixConditions ? 6 : 1} condition${sixConditions ? 's' : ''})`;
  return { fileName, rows, units, cycles, settings, sensors, engineCount, engineStarts: findEngineStarts(units) };
}
