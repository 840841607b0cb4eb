/** Columns in every C-MAPSS row: unit, cycle, three operational settings, sensors s1..s21. */
export const CMAPSS_COLUMN_COUNT = 26;
/** Operational settings per row (columns 3–5). */
export const SETTING_COUNT = 3;
/** Sensor channels per row (columns 6–26), s1..s21. */
export const SENSOR_COUNT = 21;

/**
 * One C-MAPSS file (or a synthetic fleet in the same layout), column-major by kind, row-major within.
 * Rows of one engine are contiguous and ordered by cycle.
 */
export interface CmapssTable {
  /** The file the rows came from (or a synthetic label); used in messages. */
  fileName: string;
  /** Number of rows (engine cycles). */
  rows: number;
  /** Unit (engine) number of each row, as written in the file. */
  units: Int32Array;
  /** Cycle number of each row, starting at 1 within each engine. */
  cycles: Int32Array;
  /** Operational settings, rows × 3, row-major. */
  settings: Float32Array;
  /** Sensors s1..s21, rows × 21, row-major (sensor n sits at index n − 1). */
  sensors: Float32Array;
  /** Number of distinct engines. */
  engineCount: number;
  /**
   * First row of each engine, plus a final entry equal to `rows` (length engineCount + 1),
   * so engine e spans rows [engineStarts[e], engineStarts[e + 1]).
   */
  engineStarts: Int32Array;
}

/** Engine boundaries of a unit column whose units never decrease: one start per change of unit. */
export function findEngineStarts(units: Int32Array): Int32Array {
  const starts: number[] = [];
  for (let row = 0; row < units.length; row += 1) {
    if (row === 0 || units[row] !== units[row - 1]) starts.push(row);
  }
  starts.push(units.length);
  return Int32Array.from(starts);
}

/** Number of rows of engine e. */
export function engineLength(table: CmapssTable, engine: number): number {
  return table.engineStarts[engine + 1] - table.engineStarts[engine];
}

/** A new table holding the given engines (by index) of `table`, in the given order. */
export function selectEngines(table: CmapssTable, engines: ArrayLike<number>, fileName = table.fileName): CmapssTable {
  let rows = 0;
  for (let i = 0; i < engines.length; i += 1) rows += engineLength(table, engines[i]);
  const units = new Int32Array(rows);
  const cycles = new Int32Array(rows);
  const settings = new Float32Array(rows * SETTING_COUNT);
  const sensors = new Float32Array(rows * SENSOR_COUNT);
  const engineStarts = new Int32Array(engines.length + 1);
  let target = 0;
  for (let i = 0; i < engines.length; i += 1) {
    const from = table.engineStarts[engines[i]];
    const to = table.engineStarts[engines[i] + 1];
    engineStarts[i] = target;
    units.set(table.units.subarray(from, to), target);
    cycles.set(table.cycles.subarray(from, to), target);
    settings.set(table.settings.subarray(from * SETTING_COUNT, to * SETTING_COUNT), target * SETTING_COUNT);
    sensors.set(table.sensors.subarray(from * SENSOR_COUNT, to * SENSOR_COUNT), target * SENSOR_COUNT);
    target += to - from;
  }
  engineStarts[engines.length] = rows;
  return { fileName, rows, units, cycles, settings, sensors, engineCount: engines.length, engineStarts };
}
