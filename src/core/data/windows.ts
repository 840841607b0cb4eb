import type { CmapssTable } from './cmapss-table';
import { healthClass, type HealthThresholds, HEALTH_THRESHOLDS } from './health';

/** Sliding windows over engine histories, with their targets, ready for a model. */
export interface WindowSet {
  /** count × windowLength × featureCount, row-major: windows, then cycles, then features. */
  windows: Float32Array;
  /** Number of windows. */
  count: number;
  /** Cycles in each window */
  windowLength: number;
  /** Features per cycle. */
  featureCount: number;
  /** Capped RUL at each window's last cycle. */
  rul: Float32Array;
  /** Health class of each window's RUL: 0 normal, 1 degrading, 2 critical. */
  health: Int32Array;
  /** Unit number (as in the file) of the engine each window comes from. */
  engineIds: Int32Array;
  /** count × featureCount: each window's last row, the input of the dense model. */
  lastFeatures: Float32Array;
}

/** Options of {@link makeWindows}. */
export interface WindowOptions {
  /** Cycles in each window (30 by convention) */
  windowLength: number;
  /** Engines (indices into the table) to cut, in order; all engines when left out. */
  engines?: ArrayLike<number>;
  /** Only each engine's last window (how test engines are scored). */
  lastOnly?: boolean;
  /** Health thresholds (default {@link HEALTH_THRESHOLDS}). */
  thresholds?: HealthThresholds;
}

// #region listing:make-windows
/** Window end rows: every row from cycle `windowLength` on, or the last row alone; at least one per engine. */
function windowEnds(table: CmapssTable, engines: ArrayLike<number>, windowLength: number, lastOnly: boolean): number[] {
  const ends: number[] = [];
  for (let i = 0; i < engines.length; i += 1) {
    const start = table.engineStarts[engines[i]];
    const end = table.engineStarts[engines[i] + 1];
    // An engine shorter than the window still gives one window, padded at the start.
    const first = lastOnly ? end - 1 : Math.min(start + windowLength - 1, end - 1);
    for (let row = first; row < end; row += 1) ends.push(row);
  }
  return ends;
}

/**
 * Cuts windows ending at each row (from cycle `windowLength` on) of the chosen engines. `features` is
 * rows × F (normalised), `rul` the per-row capped RUL. Rows before an engine's first cycle are filled
 * with that first row.
 */
export function makeWindows(table: CmapssTable, features: Float32Array, featureCount: number, rul: Float32Array, options: WindowOptions): WindowSet {
  const length = options.windowLength;
  const engines = options.engines ?? Array.from({ length: table.engineCount }, (_, e) => e);
  const ends = windowEnds(table, engines, length, options.lastOnly ?? false);
  const count = ends.length;
  const windows = new Float32Array(count * length * featureCount);
  const lastFeatures = new Float32Array(count * featureCount);
  const windowRul = new Float32Array(count);
  const health = new Int32Array(count);
  const engineIds = new Int32Array(count);
  let engineStart = 0;
  ends.forEach((end, w) => {
    const unit = table.units[end];
    // Walk back to this engine's first row (ends come engine by engine, so this is cheap).
    engineStart = w > 0 && table.units[ends[w - 1]] === unit ? engineStart : firstRowOf(table, end);
    for (let step = 0; step < length; step += 1) {
      const row = Math.max(end - length + 1 + step, engineStart);
      windows.set(features.subarray(row * featureCount, (row + 1) * featureCount), (w * length + step) * featureCount);
    }
    lastFeatures.set(features.subarray(end * featureCount, (end + 1) * featureCount), w * featureCount);
    windowRul[w] = rul[end];
    health[w] = healthClass(rul[end], options.thresholds ?? HEALTH_THRESHOLDS);
    engineIds[w] = unit;
  });
  return { windows, count, windowLength: length, featureCount, rul: windowRul, health, engineIds, lastFeatures };
}
// #endregion listing:make-windows

function firstRowOf(table: CmapssTable, row: number): number {
  let first = row;
  while (first > 0 && table.units[first - 1] === table.units[row]) first -= 1;
  return first;
}
