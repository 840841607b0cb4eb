import type { CmapssTable } from './cmapss-table';
import { checkTextFile, type ParseIssue, type ParseResult } from './parse-issues';
import { CmapssTableParser } from './table-parser';

/** Options of {@link parseCmapssTableInSlices}. */
export interface SlicedParseOptions {
  /** Lines handled between two yields (e.g. 4000). */
  sliceRows: number;
  /** Hands control back to the host (e.g. a zero-delay timeout) so a page stays responsive. */
  yieldToHost: () => Promise<void>;
  /** Hears the share of lines read (0 … 1) after each slice. */
  onProgress?: (fraction: number) => void;
}

function rejected<T>(issue: ParseIssue): ParseResult<T> {
  return { ok: false, errors: [issue] };
}

/**
 * Parses a C-MAPSS train or test file (26 numbers per line, space- or tab-separated, LF or CRLF,
 * trailing spaces, optional header row). Checks 26 numeric columns, cycles starting at 1 and rising by
 * 1 within an engine, and unit numbers that never decrease. Never throws: every problem comes back as
 * an issue with its line number.
 */
export function parseCmapssTable(text: string, fileName: string): ParseResult<CmapssTable> {
  const fileIssue = checkTextFile(text, fileName);
  if (fileIssue) return rejected(fileIssue);
  const parser = new CmapssTableParser(text, fileName);
  parser.step(Number.POSITIVE_INFINITY);
  return parser.finish();
}

/** {@link parseCmapssTable} in slices of `sliceRows` lines, yielding to the host between slices. */
export async function parseCmapssTableInSlices(text: string, fileName: string, options: SlicedParseOptions): Promise<ParseResult<CmapssTable>> {
  const fileIssue = checkTextFile(text, fileName);
  if (fileIssue) return rejected(fileIssue);
  const parser = new CmapssTableParser(text, fileName);
  const slice = Math.max(1, Math.floor(options.sliceRows));
  while (parser.step(slice)) {
    options.onProgress?.(parser.fractionRead);
    await options.yieldToHost();
  }
  options.onProgress?.(1);
  return parser.finish();
}
