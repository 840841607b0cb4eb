import type { CmapssTable } from './cmapss-table';
import { DEFAULT_RUL_CAP } from './health';

/**
 * RUL of every row, min(cycles to failure, cap). For a training table each engine fails right after
 * its last row (RUL 0 there); for a test table `finalRul[e]` (the RUL file) is the true RUL after engine
 * e's last row, so earlier rows count back from it.
 */
export function rowRul(table: CmapssTable, cap: number = DEFAULT_RUL_CAP, finalRul?: ArrayLike<number>): Float32Array {
  const rul = new Float32Array(table.rows);
  for (let engine = 0; engine < table.engineCount; engine += 1) {
    const start = table.engineStarts[engine];
    const end = table.engineStarts[engine + 1];
    const lastCycle = table.cycles[end - 1];
    const afterLast = finalRul ? finalRul[engine] : 0;
    for (let row = start; row < end; row += 1) {
      rul[row] = Math.min(lastCycle - table.cycles[row] + afterLast, cap);
    }
  }
  return rul;
}
