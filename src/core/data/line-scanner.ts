/**
 * Walks a text line by line and token by token without splitting it into arrays, so a 10+ MB file
 * costs one pass and no garbage per token. Tokens are separated by spaces or tabs; CRLF and LF both end
 * a line; trailing whitespace is ignored.
 */
export interface LineScanner {
  /** 1-based number of the current line (0 before the first call to nextLine). */
  readonly lineNumber: number;
  /** Offset in the text just past the current line's last character (before its line feed). */
  readonly lineEnd: number;
  /** Moves to the next line; false at the end of the text. */
  nextLine(): boolean;
  /** Number of tokens on the current line (at most `limit` are recorded; counting goes on). */
  tokenCount(): number;
  /** Text of token i of the current line. */
  token(i: number): string;
  /** Token i as a number (NaN when it is not one). */
  number(i: number): number;
  /** True when the current line holds no tokens. */
  isBlank(): boolean;
}

const SPACE = 32;
const TAB = 9;
const CARRIAGE_RETURN = 13;

/** A scanner recording the start and end of up to `limit` tokens per line. */
export function createLineScanner(text: string, limit = 64): LineScanner {
  const starts = new Int32Array(limit);
  const ends = new Int32Array(limit);
  let position = 0;
  let lineNumber = 0;
  let lineEnd = 0;
  let count = 0;

  const tokenise = (from: number, to: number): void => {
    count = 0;
    let i = from;
    while (i < to) {
      let code = text.charCodeAt(i);
      while (i < to && (code === SPACE || code === TAB || code === CARRIAGE_RETURN)) code = text.charCodeAt(++i);
      if (i >= to) break;
      const start = i;
      while (i < to && code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN) code = text.charCodeAt(++i);
      if (count < limit) {
        starts[count] = start;
        ends[count] = i;
      }
      count += 1;
    }
  };

  return {
    get lineNumber() {
      return lineNumber;
    },
    get lineEnd() {
      return lineEnd;
    },
    nextLine() {
      if (position >= text.length) return false;
      const newline = text.indexOf('\n', position);
      const end = newline === -1 ? text.length : newline;
      lineEnd = end;
      tokenise(position, end);
      position = end + 1;
      lineNumber += 1;
      return true;
    },
    tokenCount: () => count,
    token: (i) => text.slice(starts[i], ends[i]),
    number: (i) => parseDecimal(text, starts[i], ends[i]),
    isBlank: () => count === 0,
  };
}

const DIGIT_0 = 48;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
/** Powers of ten that are exact in a double, so mantissa / 10^k is correctly rounded. */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Plain decimals ("-0.0007", "2388", "8.4195") read without allocating a substring; anything else
 * (exponents, more than 15 digits, words) falls back to Number(), which also yields NaN for words.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let i = start;
  let sign = 1;
  const first = text.charCodeAt(i);
  if (first === MINUS || first === PLUS) {
    sign = first === MINUS ? -1 : 1;
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code === DOT && fractionDigits === -1) {
      fractionDigits = 0;
      continue;
    }
    const digit = code - DIGIT_0;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    mantissa = mantissa * 10 + digit;
    digits += 1;
    if (fractionDigits !== -1) fractionDigits += 1;
  }
  if (digits === 0 || digits > 15) return Number(text.slice(start, end));
  return fractionDigits > 0 ? (sign * mantissa) / EXACT_POWERS[fractionDigits] : sign * mantissa;
}
