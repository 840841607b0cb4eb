import { CMAPSS_COLUMN_COUNT, findEngineStarts, SENSOR_COUNT, SETTING_COUNT, type CmapssTable } from './cmapss-table';
import { createLineScanner, type LineScanner } from './line-scanner';
import { IssueCollector, type ParseResult } from './parse-issues';

/** Upper bound on the rows: one per line feed, plus a last line without one. */
function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** Offset of the last character that is not whitespace (−1 for a blank text). */
function lastNonSpace(text: string): number {
  let at = text.length - 1;
  while (at >= 0 && text.charCodeAt(at) <= 32) at -= 1;
  return at;
}

/** Index of the first of the 26 tokens that is not a finite number, or −1. */
function firstNonNumeric(scanner: LineScanner): number {
  for (let i = 0; i < scanner.tokenCount() && i < CMAPSS_COLUMN_COUNT; i += 1) {
    if (!Number.isFinite(scanner.number(i))) return i;
  }
  return -1;
}

/**
 * Reads a C-MAPSS text line by line into preallocated typed arrays, in as many steps as the caller
 * likes (so a page can yield between slices). Collects every problem instead of throwing.
 */
export class CmapssTableParser {
  private readonly units: Int32Array;
  private readonly cycles: Int32Array;
  private readonly settings: Float32Array;
  private readonly sensors: Float32Array;
  private readonly scanner: LineScanner;
  private readonly errors: IssueCollector;
  private readonly warnings: string[] = [];
  private readonly lastContent: number;
  private rows = 0;
  private seenContent = false;
  private blankLinesInside = 0;
  private pendingBlank = 0;
  // The last unit and cycle read, even from a rejected row, so one bad row does not cascade.
  private previousUnit = 0;
  private previousCycle = 0;

  constructor(text: string, private readonly fileName: string) {
    const capacity = countLines(text);
    this.units = new Int32Array(capacity);
    this.cycles = new Int32Array(capacity);
    this.settings = new Float32Array(capacity * SETTING_COUNT);
    this.sensors = new Float32Array(capacity * SENSOR_COUNT);
    this.scanner = createLineScanner(text, CMAPSS_COLUMN_COUNT + 1);
    this.errors = new IssueCollector(fileName);
    this.lastContent = lastNonSpace(text);
  }

  /** Share of the text's lines read so far, 0 … 1 (for a progress bar). */
  get fractionRead(): number {
    return Math.min(1, this.scanner.lineNumber / this.units.length);
  }

  /** Reads up to `maxLines` more lines; false once the text is exhausted. */
  step(maxLines: number): boolean {
    for (let read = 0; read < maxLines; read += 1) {
      if (!this.scanner.nextLine()) return false;
      this.readLine();
    }
    return true;
  }

  /** The table, or every problem found (the first 20 and a count of the rest). */
  finish(): ParseResult<CmapssTable> {
    if (this.errors.count === 0 && this.rows === 0) this.errors.add(0, 'holds no data rows');
    if (this.errors.count > 0) return { ok: false, errors: this.errors.list() };
    const blank = this.blankLinesInside;
    if (blank > 0) this.warnings.push(`skipped ${blank} blank line${blank === 1 ? '' : 's'} between rows`);
    return { ok: true, value: this.trimmedTable(), warnings: this.warnings };
  }

  private readLine(): void {
    const scanner = this.scanner;
    const line = scanner.lineNumber;
    if (scanner.isBlank()) {
      // Blank lines at the end are just the file's last line feeds; only inner ones are reported.
      if (this.seenContent) this.pendingBlank += 1;
      return;
    }
    this.blankLinesInside += this.pendingBlank;
    this.pendingBlank = 0;
    const isFirst = !this.seenContent;
    this.seenContent = true;
    // A first line with words in it is a header (column names), not data.
    if (isFirst && firstNonNumeric(scanner) !== -1) {
      this.warnings.push(`line ${line} looks like a header row and was skipped`);
      return;
    }
    const valid = this.checkNumbers(line);
    if (valid) this.checkOrder(line, scanner.number(0), scanner.number(1));
    this.rememberIds();
    if (valid) this.storeRow();
  }

  /** Checks one line's shape and numbers; false (after reporting) when it cannot be stored. */
  private checkNumbers(line: number): boolean {
    const scanner = this.scanner;
    const found = scanner.tokenCount();
    if (found !== CMAPSS_COLUMN_COUNT) {
      const cutShort = found < CMAPSS_COLUMN_COUNT && scanner.lineEnd > this.lastContent;
      this.errors.add(line, `expected ${CMAPSS_COLUMN_COUNT} numbers, found ${found}${cutShort ? ' (the file may be cut short)' : ''}`);
      return false;
    }
    const bad = firstNonNumeric(scanner);
    if (bad !== -1) {
      this.errors.add(line, `column ${bad + 1} is "${scanner.token(bad)}", not a number`);
      return false;
    }
    for (const [column, what] of [[0, 'unit number'], [1, 'cycle']] as const) {
      const value = scanner.number(column);
      if (!Number.isInteger(value) || value < 1) {
        this.errors.add(line, `${what} "${scanner.token(column)}" is not a whole number of at least 1`);
        return false;
      }
    }
    return true;
  }

  private checkOrder(line: number, unit: number, cycle: number): void {
    const { previousUnit, previousCycle } = this;
    if (unit < previousUnit) this.errors.add(line, `unit ${unit} follows unit ${previousUnit}; unit numbers must not decrease`);
    else if (unit > previousUnit && cycle !== 1) this.errors.add(line, `unit ${unit} starts at cycle ${cycle}; expected cycle 1`);
    else if (unit === previousUnit && cycle !== previousCycle + 1) {
      this.errors.add(line, `cycle ${cycle} follows cycle ${previousCycle} of unit ${unit}; expected cycle ${previousCycle + 1}`);
    }
  }

  private rememberIds(): void {
    if (this.scanner.tokenCount() < 2) return;
    const unit = this.scanner.number(0);
    const cycle = this.scanner.number(1);
    if (Number.isInteger(unit) && Number.isInteger(cycle)) {
      this.previousUnit = unit;
      this.previousCycle = cycle;
    }
  }

  private storeRow(): void {
    const { scanner, rows } = this;
    this.units[rows] = scanner.number(0);
    this.cycles[rows] = scanner.number(1);
    for (let s = 0; s < SETTING_COUNT; s += 1) this.settings[rows * SETTING_COUNT + s] = scanner.number(2 + s);
    for (let s = 0; s < SENSOR_COUNT; s += 1) this.sensors[rows * SENSOR_COUNT + s] = scanner.number(2 + SETTING_COUNT + s);
    this.rows += 1;
  }

  private trimmedTable(): CmapssTable {
    const rows = this.rows;
    const units = this.units.slice(0, rows);
    const engineStarts = findEngineStarts(units);
    return {
      fileName: this.fileName,
      rows,
      units,
      cycles: this.cycles.slice(0, rows),
      settings: this.settings.slice(0, rows * SETTING_COUNT),
      sensors: this.sensors.slice(0, rows * SENSOR_COUNT),
      engineCount: engineStarts.length - 1,
      engineStarts,
    };
  }
}
