/** One problem found in an input file. */
export interface ParseIssue {
  /** Name of the file, as the reader gave it. */
  file: string;
  /** 1-based line number, or 0 for a problem with the whole file. */
  line: number;
  /** What is wrong, phrased so a reader can fix the file. */
  message: string;
}

/** Outcome of parsing: a value plus non-fatal warnings, or the list of errors (never a throw). */
export type ParseResult<T> =
  | { ok: true; value: T; warnings: string[] }
  | { ok: false; errors: ParseIssue[] };

/** Errors listed one by one before the rest are summarised as "and N more". */
export const MAX_REPORTED_ERRORS = 20;

/** "train_FD001.txt line 7: expected 26 numbers, found 25", or "x.txt is empty" for whole-file issues. */
export function formatIssue(issue: ParseIssue): string {
  return issue.line > 0 ? `${issue.file} line ${issue.line}: ${issue.message}` : `${issue.file} ${issue.message}`;
}

/** Collects errors, keeping the first {@link MAX_REPORTED_ERRORS} and counting the rest. */
export class IssueCollector {
  private readonly kept: ParseIssue[] = [];
  private overflow = 0;

  constructor(private readonly file: string) {}

  add(line: number, message: string): void {
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push({ file: this.file, line, message });
    else this.overflow += 1;
  }

  get count(): number {
    return this.kept.length + this.overflow;
  }

  /** The kept errors, with a final "and N more problems" entry when some were left out. */
  list(): ParseIssue[] {
    if (this.overflow === 0) return this.kept.slice();
    const more = `and ${this.overflow} more problem${this.overflow === 1 ? '' : 's'}`;
    return [...this.kept, { file: this.file, line: 0, message: more }];
  }
}

/** How much of a text must look binary before it is rejected. */
const SNIFF_LENGTH = 4096;
const MAX_CONTROL_FRACTION = 0.05;

/**
 * A whole-file problem that stops parsing before any line is read: an empty file or one that is not
 * text (a zip, a spreadsheet). Returns null when the text is worth scanning line by line.
 */
export function checkTextFile(text: string, file: string): ParseIssue | null {
  if (text.trim().length === 0) return { file, line: 0, message: 'is empty' };
  const sniffed = Math.min(text.length, SNIFF_LENGTH);
  let control = 0;
  for (let i = 0; i < sniffed; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return notText(file);
    // Tab, line feed and carriage return are text; other C0 controls and U+FFFD (bytes that did not
    // decode) are not.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  return control > sniffed * MAX_CONTROL_FRACTION ? notText(file) : null;
}

function notText(file: string): ParseIssue {
  return { file, line: 0, message: 'does not look like a text file (it holds binary bytes)' };
}
