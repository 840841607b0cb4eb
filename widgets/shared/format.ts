/**
 * Numbers as people write them, in one place for every widget: three significant digits, kept even
 * when they are zeros so a readout does not jump in width ("50.0%"), thousands grouped ("1,260"),
 * decimals for small values ("0.00612"), and powers of ten written out ("6.12 × 10⁻¹⁵") only where
 * plain digits would run long. Never JavaScript's "1.26e+3". Axis ticks drop the trailing zeros.
 */

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (exponent: number): string => String(exponent).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');

/** Below this, and from 10⁷ on, a number is written with a power of ten (JavaScript switches at 10⁻⁶ too). */
const SMALLEST_PLAIN = 1e-6;
const LARGEST_PLAIN = 1e7;

/** A number with `digits` significant digits (default 3); "—" for NaN, "∞" for infinities. */
export function formatNumber(value: number, digits = 3): string {
  return written(value, digits, true);
}

/** An axis tick: up to six significant digits, no trailing zeros ("0.25", "10,000", "10⁻⁸"). */
export function formatTick(value: number): string {
  return written(value, 6, false);
}

function written(value: number, digits: number, keepZeros: boolean): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const sign = value < 0 ? '−' : '';
  const size = Math.abs(value);
  const rounded = Number(size.toPrecision(digits));
  if (rounded >= SMALLEST_PLAIN && rounded < LARGEST_PLAIN) {
    return sign + rounded.toLocaleString('en-US', { maximumSignificantDigits: digits, minimumSignificantDigits: keepZeros ? digits : 1, useGrouping: true });
  }
  const exponent = Math.floor(Math.log10(rounded));
  const mantissa = Number((rounded / 10 ** exponent).toPrecision(digits));
  const head = mantissa === 1 && !keepZeros ? '' : `${keepZeros ? mantissa.toPrecision(digits) : mantissa} × `;
  return `${sign}${head}10${superscript(exponent)}`;
}

/** "1,260×": a ratio of two like quantities. */
export const formatRatio = (value: number, digits = 3): string => (Number.isFinite(value) ? `${formatNumber(value, digits)}×` : formatNumber(value, digits));

/** A fraction as a percentage: 0.123 → "12.3%", 0 → "0%". */
export const formatPercent = (fraction: number, digits = 3): string => (Number.isFinite(fraction) ? `${formatNumber(fraction * 100, digits)}%` : formatNumber(fraction, digits));
