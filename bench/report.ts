/** Small helpers shared by the bench:* scripts: options, load average, percentiles, tables. */
import { loadavg } from 'node:os';

/** A positive integer option `--flag N`, or `fallback`. */
export function numberOption(argv: readonly string[], flag: string, fallback: number): number {
  const index = argv.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a non-negative integer, got ${argv[index + 1]}`);
  return value;
}

/** "load 1/5/15 min: a b c" — every table is printed with the machine's load, which is shared. */
export function loadAverage(): string {
  return `load 1/5/15 min: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`;
}

/** The p-th percentile (0–100) of a non-empty list, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A Markdown table with padded columns. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((cells) => (cells[column] ?? '').length)));
  const render = (cells: readonly string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [render(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(render)].join('\n');
}
