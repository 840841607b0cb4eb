import { CMAPSS_COLUMN_COUNT, findEngineStarts, SENSOR_COUNT, SETTING_COUNT, type CmapssTable } from './cmapss-table';
import { createLineScanner, type LineScanner } from './line-scanner';
import { checkTextFile, IssueCollector, type ParseIssue, type ParseResult } from './parse-issues';

/** Options of {@link parseCmapssTableInSlices}. */
export interface SlicedParseOptions {
  /** Lines handled between two yields (e.g. 2000). */
  sliceRows: number;
  /** Hands control back to the host (e.g. a zero-delay timeout) so a page stays responsive. */
  yieldToHost: () => Promise<void>;
}

/** Parser state shared by the one-shot and the sliced entry points. */
interface TableParser {
  /** Reads up to `maxLines` more lines; false once the text is exhausted. */
  step(maxLines: number): boolean;
  finish(): ParseResult<CmapssTable>;
}

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

function firstNonNumeric(scanner: LineScanner): number {
  for (let i = 0; i < scanner.tokenCount() && i < CMAPSS_COLUMN_COUNT; i += 1) {
    if (!Number.isFinite(scanner.number(i))) return i;
  }
  return -1;
}

function createTableParser(text: string, fileName: string): TableParser {
  const capacity = countLines(text);
  const units = new Int32Array(capacity);
  const cycles = new Int32Array(capacity);
  const settings = new Float32Array(capacity * SETTING_COUNT);
  const sensors = new Float32Array(capacity * SENSOR_COUNT);
  const scanner = createLineScanner(text, CMAPSS_COLUMN_COUNT + 1);
  const errors = new IssueCollector(fileName);
  const warnings: string[] = [];
  let rows = 0;
  let seenContent = false;
  let blankLinesInside = 0;
  let pendingBlank = 0;

  /** Checks one line's shape and numbers; returns false (after reporting) when it cannot be stored. */
  const readNumbers = (line: number): boolean => {
    const found = scanner.tokenCount();
    if (found !== CMAPSS_COLUMN_COUNT) {
      const atEnd = found < CMAPSS_COLUMN_COUNT && !scannerHasMoreContent();
      errors.add(line, `expected ${CMAPSS_COLUMN_COUNT} numbers, found ${found}${atEnd ? ' (the file may be cut short)' : ''}`);
      return false;
    }
    const bad = firstNonNumeric(scanner);
    if (bad !== -1) {
      errors.add(line, `column ${bad + 1} is "${scanner.token(bad)}", not a number`);
      return false;
    }
    for (const [column, what] of [[0, 'unit number'], [1, 'cycle']] as const) {
      const value = scanner.number(column);
      if (!Number.isInteger(value) || value < 1) {
        errors.add(line, `${what} "${scanner.token(column)}" is not a whole number of at least 1`);
        return false;
      }
    }
    return true;
  };

  const lastContent = lastNonSpace(text);
  const scannerHasMoreContent = (): boolean => scanner.lineEnd <= lastContent;

  // The last unit and cycle read, even from a rejected row, so one bad row does not cascade.
  let previousUnit = 0;
  let previousCycle = 0;
  const checkOrder = (line: number, unit: number, cycle: number): void => {
    if (unit < previousUnit) errors.add(line, `unit ${unit} follows unit ${previousUnit}; unit numbers must not decrease`);
    else if (unit > previousUnit && cycle !== 1) errors.add(line, `unit ${unit} starts at cycle ${cycle}; expected cycle 1`);
    else if (unit === previousUnit && cycle !== previousCycle + 1) {
      errors.add(line, `cycle ${cycle} follows cycle ${previousCycle} of unit ${unit}; expected cycle ${previousCycle + 1}`);
    }
  };

  const rememberIds = (): void => {
    if (scanner.tokenCount() < 2) return;
    const unit = scanner.number(0);
    const cycle = scanner.number(1);
    if (Number.isInteger(unit) && Number.isInteger(cycle)) {
      previousUnit = unit;
      previousCycle = cycle;
    }
  };

  const storeRow = (): void => {
    units[rows] = scanner.number(0);
    cycles[rows] = scanner.number(1);
    for (let s = 0; s < SETTING_COUNT; s += 1) settings[rows * SETTING_COUNT + s] = scanner.number(2 + s);
    for (let s = 0; s < SENSOR_COUNT; s += 1) sensors[rows * SENSOR_COUNT + s] = scanner.number(2 + SETTING_COUNT + s);
    rows += 1;
  };

  const readLine = (): void => {
    const line = scanner.lineNumber;
    if (scanner.isBlank()) {
      if (seenContent) pendingBlank += 1;
      return;
    }
    blankLinesInside += pendingBlank;
    pendingBlank = 0;
    const isFirst = !seenContent;
    seenContent = true;
    // A first line with words in it is a header (column names), not data.
    if (isFirst && firstNonNumeric(scanner) !== -1) {
      warnings.push(`line ${line} looks like a header row and was skipped`);
      return;
    }
    const valid = readNumbers(line);
    if (valid) checkOrder(line, scanner.number(0), scanner.number(1));
    rememberIds();
    if (valid) storeRow();
  };

  return {
    step(maxLines) {
      for (let read = 0; read < maxLines; read += 1) {
        if (!scanner.nextLine()) return false;
        readLine();
      }
      return true;
    },
    finish() {
      if (errors.count === 0 && rows === 0) errors.add(0, 'holds no data rows');
      if (errors.count > 0) return { ok: false, errors: errors.list() };
      if (blankLinesInside > 0) warnings.push(`skipped ${blankLinesInside} blank line${blankLinesInside === 1 ? '' : 's'} between rows`);
      const table = trimTable(fileName, rows, units, cycles, settings, sensors);
      return { ok: true, value: table, warnings };
    },
  };
}

function trimTable(fileName: string, rows: number, units: Int32Array, cycles: Int32Array, settings: Float32Array, sensors: Float32Array): CmapssTable {
  const keptUnits = units.slice(0, rows);
  const engineStarts = findEngineStarts(keptUnits);
  return {
    fileName,
    rows,
    units: keptUnits,
    cycles: cycles.slice(0, rows),
    settings: settings.slice(0, rows * SETTING_COUNT),
    sensors: sensors.slice(0, rows * SENSOR_COUNT),
    engineCount: engineStarts.length - 1,
    engineStarts,
  };
}

function rejected<T>(issue: ParseIssue): ParseResult<T> {
  return { ok: false, errors: [issue] };
}

/**
 * Parses a C-MAPSS train or test file (26 numbers per line, space- or tab-separated, LF or CRLF,
 * optional header row). Never throws: every problem comes back as an issue with its line number.
 */
export function parseCmapssTable(text: string, fileName: string): ParseResult<CmapssTable> {
  const fileIssue = checkTextFile(text, fileName);
  if (fileIssue) return rejected(fileIssue);
  const parser = createTableParser(text, fileName);
  parser.step(Number.POSITIVE_INFINITY);
  return parser.finish();
}

/** {@link parseCmapssTable} in slices of `sliceRows` lines, yielding to the host between slices. */
export async function parseCmapssTableInSlices(text: string, fileName: string, options: SlicedParseOptions): Promise<ParseResult<CmapssTable>> {
  const fileIssue = checkTextFile(text, fileName);
  if (fileIssue) return rejected(fileIssue);
  const parser = createTableParser(text, fileName);
  const slice = Math.max(1, Math.floor(options.sliceRows));
  while (parser.step(slice)) await options.yieldToHost();
  return parser.finish();
}
