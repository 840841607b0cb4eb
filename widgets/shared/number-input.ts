/**
 * What a number field accepts when the reader commits it (Enter or leaving the field): the whole text,
 * read once, never clamped keystroke by keystroke. A value out of range is refused with a message that
 * says what would be accepted, and the field keeps what was typed.
 */

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export type NumberReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const written = (value: number): string => value.toLocaleString('en-GB', { maximumFractionDigits: 6 });

/** "a whole number from 100 to 5,000". */
export function describeRange(range: NumberRange): string {
  return `${range.integer ? 'a whole number' : 'a number'} from ${written(range.min)} to ${written(range.max)}`;
}

/** Reads typed text: spaces, thin spaces and thousands commas are allowed ("2 000", "2,000"). */
export function readNumberInput(text: string, range: NumberRange): NumberReading {
  const cleaned = text.trim().replace(/[\s\u202f,_]/g, '');
  const expected = describeRange(range);
  if (cleaned === '') return { ok: false, message: `Enter ${expected}.` };
  const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim().slice(0, 20)}” is not a number; enter ${expected}.` };
  if (range.integer && !Number.isInteger(value)) return { ok: false, message: `Enter ${expected} (no decimals).` };
  if (value < range.min || value > range.max) return { ok: false, message: `${written(value)} is out of range; enter ${expected}.` };
  return { ok: true, value };
}
