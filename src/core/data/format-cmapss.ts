import { SENSOR_COUNT, SETTING_COUNT, type CmapssTable } from './cmapss-table';

/**
 * Writes a table in NASA's own text layout (26 space-separated numbers per line), so synthetic fleets
 * can be exported, benchmarked through the parser, or loaded like a real file.
 */
export function formatCmapssTable(table: CmapssTable): string {
  const lines: string[] = new Array<string>(table.rows);
  const fields: string[] = new Array<string>(2 + SETTING_COUNT + SENSOR_COUNT);
  for (let row = 0; row < table.rows; row += 1) {
    fields[0] = String(table.units[row]);
    fields[1] = String(table.cycles[row]);
    for (let s = 0; s < SETTING_COUNT; s += 1) fields[2 + s] = formatNumber(table.settings[row * SETTING_COUNT + s]);
    for (let s = 0; s < SENSOR_COUNT; s += 1) fields[2 + SETTING_COUNT + s] = formatNumber(table.sensors[row * SENSOR_COUNT + s]);
    lines[row] = fields.join(' ');
  }
  return lines.join('\n') + '\n';
}

/** Shortest decimal that reads back to the same float32, so a round trip is exact. */
function formatNumber(value: number): string {
  for (let digits = 6; digits < 10; digits += 1) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}
