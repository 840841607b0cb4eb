import { createRandom, type RandomSource } from '../random';
import { SETTING_COUNT } from './cmapss-table';

/** Operating conditions found by clustering the three settings of the training rows. */
export interface OperatingConditions {
  /** Number of conditions k. */
  count: number;
  /** Cluster centres in raw setting units, k × 3, sorted by setting 1, then 2, then 3. */
  centres: Float32Array;
  /** Per-setting scale used for distances (the training std, or 1 for a constant setting). */
  scale: Float32Array;
  /** Condition of every clustered row, 0..k−1. */
  assignments: Int32Array;
}

/** Share of rows a group must hold to count as a condition rather than a stray reading. */
const MIN_CONDITION_SHARE = 0.005;
/**
 * Distances at which two settings rows belong to different conditions: the published conditions are
 * at least 5 kft, 0.08 Mach or 40 throttle points apart, while the jitter within one is in the third
 * decimal. Rows within one unit of these scales of a group's first row join that group.
 */
const CONDITION_RADIUS = [1, 0.04, 5];
/** More groups than this means the settings are not clustered at all; counting stops there. */
const MAX_GROUPS = 64;

/**
 * How many operating conditions the settings show (FD001/FD003 give 1, FD002/FD004 give 6): rows are
 * grouped around leader rows within {@link CONDITION_RADIUS}, and groups with at least 0.5 % of the
 * rows are counted.
 */
export function detectConditionCount(settings: Float32Array): number {
  const rows = settings.length / SETTING_COUNT;
  const leaders: number[] = [];
  const sizes: number[] = [];
  for (let row = 0; row < rows && leaders.length < MAX_GROUPS; row += 1) {
    const group = leaders.findIndex((leader) => withinRadius(settings, row, leader));
    if (group === -1) {
      leaders.push(row);
      sizes.push(1);
    } else sizes[group] += 1;
  }
  const counted = sizes.filter((size) => size >= rows * MIN_CONDITION_SHARE).length;
  return Math.max(counted, 1);
}

function withinRadius(settings: Float32Array, a: number, b: number): boolean {
  for (let s = 0; s < SETTING_COUNT; s += 1) {
    const distance = Math.abs(settings[a * SETTING_COUNT + s] - settings[b * SETTING_COUNT + s]);
    if (distance > CONDITION_RADIUS[s]) return false;
  }
  return true;
}

function settingScale(settings: Float32Array, rows: number): Float32Array {
  const scale = new Float32Array(SETTING_COUNT);
  for (let s = 0; s < SETTING_COUNT; s += 1) {
    let sum = 0;
    let squares = 0;
    for (let row = 0; row < rows; row += 1) sum += settings[row * SETTING_COUNT + s];
    const mean = sum / rows;
    for (let row = 0; row < rows; row += 1) squares += (settings[row * SETTING_COUNT + s] - mean) ** 2;
    const std = Math.sqrt(squares / rows);
    // Scaling by the std keeps altitude (tens) from drowning Mach (tenths); a constant setting stays 1.
    scale[s] = std > 1e-9 ? std : 1;
  }
  return scale;
}

function squaredDistance(settings: Float32Array, row: number, centres: Float64Array, centre: number, scale: Float32Array): number {
  let sum = 0;
  for (let s = 0; s < SETTING_COUNT; s += 1) {
    const d = (settings[row * SETTING_COUNT + s] - centres[centre * SETTING_COUNT + s]) / scale[s];
    sum += d * d;
  }
  return sum;
}

/** k-means++ seeding: each next centre is a row drawn with probability ∝ squared distance. */
function seedCentres(settings: Float32Array, rows: number, k: number, scale: Float32Array, random: RandomSource): Float64Array {
  const centres = new Float64Array(k * SETTING_COUNT);
  const nearest = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  let chosen = random.int(rows);
  for (let c = 0; c < k; c += 1) {
    for (let s = 0; s < SETTING_COUNT; s += 1) centres[c * SETTING_COUNT + s] = settings[chosen * SETTING_COUNT + s];
    let total = 0;
    for (let row = 0; row < rows; row += 1) {
      nearest[row] = Math.min(nearest[row], squaredDistance(settings, row, centres, c, scale));
      total += nearest[row];
    }
    let target = random.next() * total;
    chosen = 0;
    while (chosen < rows - 1 && target >= nearest[chosen]) target -= nearest[chosen++];
  }
  return centres;
}

function assignRows(settings: Float32Array, rows: number, centres: Float64Array, k: number, scale: Float32Array, out: Int32Array): boolean {
  let changed = false;
  for (let row = 0; row < rows; row += 1) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c += 1) {
      const distance = squaredDistance(settings, row, centres, c, scale);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (out[row] !== best) changed = true;
    out[row] = best;
  }
  return changed;
}

function moveCentres(settings: Float32Array, rows: number, assignments: Int32Array, centres: Float64Array, k: number): void {
  const sums = new Float64Array(k * SETTING_COUNT);
  const counts = new Float64Array(k);
  for (let row = 0; row < rows; row += 1) {
    const c = assignments[row];
    counts[c] += 1;
    for (let s = 0; s < SETTING_COUNT; s += 1) sums[c * SETTING_COUNT + s] += settings[row * SETTING_COUNT + s];
  }
  // An emptied cluster keeps its old centre rather than jumping to NaN.
  for (let c = 0; c < k; c += 1) {
    if (counts[c] === 0) continue;
    for (let s = 0; s < SETTING_COUNT; s += 1) centres[c * SETTING_COUNT + s] = sums[c * SETTING_COUNT + s] / counts[c];
  }
}

/** Centres sorted by setting 1, 2, 3, so condition numbers do not depend on the seed. */
function sortCentres(centres: Float64Array, k: number): Float32Array {
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => {
    for (let s = 0; s < SETTING_COUNT; s += 1) {
      const difference = centres[a * SETTING_COUNT + s] - centres[b * SETTING_COUNT + s];
      if (difference !== 0) return difference;
    }
    return 0;
  });
  const sorted = new Float32Array(k * SETTING_COUNT);
  order.forEach((from, to) => sorted.set(centres.subarray(from * SETTING_COUNT, (from + 1) * SETTING_COUNT), to * SETTING_COUNT));
  return sorted;
}

/** Seeded k-means (k-means++ start, Lloyd iterations) on the three settings, scaled by their std. */
export function clusterOperatingConditions(settings: Float32Array, k: number, seed: number): OperatingConditions {
  const rows = settings.length / SETTING_COUNT;
  const scale = settingScale(settings, rows);
  const working = seedCentres(settings, rows, k, scale, createRandom(seed));
  const assignments = new Int32Array(rows).fill(-1);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    if (!assignRows(settings, rows, working, k, scale, assignments)) break;
    moveCentres(settings, rows, assignments, working, k);
  }
  const centres = sortCentres(working, k);
  return { count: k, centres, scale, assignments: assignConditions(settings, { count: k, centres, scale }) };
}

/** Nearest centre of each row of `settings` (e.g. test rows against the training clusters). */
export function assignConditions(settings: Float32Array, conditions: Pick<OperatingConditions, 'count' | 'centres' | 'scale'>): Int32Array {
  const rows = settings.length / SETTING_COUNT;
  const assignments = new Int32Array(rows);
  assignRows(settings, rows, Float64Array.from(conditions.centres), conditions.count, conditions.scale, assignments);
  return assignments;
}
