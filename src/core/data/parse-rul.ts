import type { CmapssTable } from './cmapss-table';
import { createLineScanner } from './line-scanner';
import { checkTextFile, IssueCollector, type ParseIssue, type ParseResult } from './parse-issues';

/**
 * Parses an RUL file: one non-negative number per line, the true RUL after each test engine's last
 * row, in engine order. Blank lines are ignored; a first line of words is taken as a header.
 */
export function parseRulFile(text: string, fileName: string): ParseResult<Float32Array> {
  const fileIssue = checkTextFile(text, fileName);
  if (fileIssue) return { ok: false, errors: [fileIssue] };
  const scanner = createLineScanner(text, 2);
  const errors = new IssueCollector(fileName);
  const warnings: string[] = [];
  const values: number[] = [];
  let seenContent = false;
  while (scanner.nextLine()) {
    if (scanner.isBlank()) continue;
    const line = scanner.lineNumber;
    const value = scanner.number(0);
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && !Number.isFinite(value)) {
      warnings.push(`line ${line} looks like a header row and was skipped`);
      continue;
    }
    if (scanner.tokenCount() !== 1) errors.add(line, `expected 1 number, found ${scanner.tokenCount()}`);
    else if (!Number.isFinite(value)) errors.add(line, `"${scanner.token(0)}" is not a number`);
    else if (value < 0) errors.add(line, `RUL ${value} is negative`);
    else values.push(value);
  }
  if (errors.count === 0 && values.length === 0) errors.add(0, 'holds no RUL values');
  if (errors.count > 0) return { ok: false, errors: errors.list() };
  return { ok: true, value: Float32Array.from(values), warnings };
}

/** Names of the two files being matched, for messages. */
export interface RulTestFileNames {
  /** The RUL file, e.g. "RUL_FD001.txt". */
  rul: string;
  /** The test file, e.g. "test_FD001.txt". */
  test: string;
}

/** Problems matching an RUL file to a test table: it must hold one value per test engine. Empty when fine. */
export function checkRulAgainstTest(rul: Float32Array, testTable: CmapssTable, fileNames: RulTestFileNames): ParseIssue[] {
  if (rul.length === testTable.engineCount) return [];
  const values = `${rul.length} value${rul.length === 1 ? '' : 's'}`;
  const engines = `${testTable.engineCount} engine${testTable.engineCount === 1 ? '' : 's'}`;
  return [{ file: fileNames.rul, line: 0, message: `has ${values} but ${fileNames.test} has ${engines}; expected one RUL value per test engine` }];
}
