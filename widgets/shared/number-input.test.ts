import { describe, expect, it } from 'vitest';
import { readNumberInput } from './number-input';
import { MAX_SEED, parseField, SEED_FIELD, serializeState } from './url-state';

const steps = { min: 100, max: 5000, integer: true };

describe('a number field read on commit', () => {
  it('takes what people type, whole', () => {
    expect(readNumberInput('2000', steps)).toEqual({ ok: true, value: 2000 });
    expect(readNumberInput(' 2,000 ', steps)).toEqual({ ok: true, value: 2000 });
    expect(readNumberInput('2 000', steps)).toEqual({ ok: true, value: 2000 });
    expect(readNumberInput('0', { min: 0, max: MAX_SEED, integer: true })).toEqual({ ok: true, value: 0 });
    expect(readNumberInput('0.25', { min: 0, max: 1 })).toEqual({ ok: true, value: 0.25 });
  });

  it('refuses out-of-range, empty, fractional and non-numbers with a message saying what it accepts', () => {
    expect(readNumberInput('20000', steps)).toEqual({ ok: false, message: '20,000 is out of range; enter a whole number from 100 to 5,000.' });
    expect(readNumberInput('-3', { min: 0, max: MAX_SEED, integer: true })).toEqual({
      ok: false, message: '-3 is out of range; enter a whole number from 0 to 2,147,483,647.',
    });
    expect(readNumberInput('', steps)).toEqual({ ok: false, message: 'Enter a whole number from 100 to 5,000.' });
    expect(readNumberInput('250.5', steps)).toEqual({ ok: false, message: 'Enter a whole number from 100 to 5,000 (no decimals).' });
    expect(readNumberInput('12abc', steps)).toMatchObject({ ok: false, message: '“12abc” is not a number; enter a whole number from 100 to 5,000.' });
    expect(readNumberInput('Infinity', steps).ok).toBe(false);
    expect(readNumberInput('0x10', steps).ok).toBe(false);
  });
});

describe('seeds in the URL', () => {
  it('round-trip exactly up to 2³¹ − 1', () => {
    for (const seed of [1, 99_999_999, 123_456_789, MAX_SEED]) {
      const params = serializeState(new URLSearchParams(), 'lab', { seed: SEED_FIELD }, { seed });
      expect(params.get('lab.seed')).toBe(String(seed));
      expect(parseField(params.get('lab.seed'), SEED_FIELD)).toBe(seed);
    }
    expect(parseField('3000000000', SEED_FIELD)).toBe(MAX_SEED);
  });
});
