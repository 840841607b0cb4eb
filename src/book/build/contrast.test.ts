import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_TOKEN_CONTRAST, loadCodeThemes } from './code-themes';
import { contrastRatio, paletteFromTokens, withContrast } from './contrast';

const palette = paletteFromTokens(readFileSync('src/book/styles/tokens.css', 'utf8'));
const THEMES = ['light', 'dark'] as const;
// Text colours that sit on the page and on panels (widgets, code, tables).
const TEXT = ['--fg', '--muted', '--accent', '--task-rul', '--task-health', '--task-combined', '--danger', '--warning'];
const SURFACES = ['--bg', '--panel'];
const SERIES = Array.from({ length: 10 }, (_, n) => `--series-${n}`);

const ratios = (theme: (typeof THEMES)[number], names: readonly string[]) =>
  names.flatMap((name) => SURFACES.map((surface) => ({ pair: `${name} on ${surface}`, ratio: contrastRatio(palette[theme][name], palette[theme][surface]) })));

describe('colour contrast of the palette (WCAG 2)', () => {
  it('computes the WCAG ratio (black on white is 21:1) and darkens a colour only as far as needed', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#e36209', '#f3f4f1')).toBeCloseTo(3.16, 2);
    const fixed = withContrast('#e36209', '#f3f4f1', 4.6);
    expect(contrastRatio(fixed, '#f3f4f1')).toBeGreaterThanOrEqual(4.6);
    expect(contrastRatio(fixed, '#f3f4f1')).toBeLessThan(4.8);
    expect(withContrast('#1d1f21', '#f3f4f1', 4.6)).toBe('#1d1f21');
  });

  for (const theme of THEMES) {
    it(`${theme}: text colours reach 4.5:1 on the page and on panels`, () => {
      for (const { pair, ratio } of ratios(theme, TEXT)) expect(ratio, pair).toBeGreaterThanOrEqual(4.5);
    });

    it(`${theme}: the ten series colours reach 4.5:1 (lines need 3:1, legend labels 4.5:1)`, () => {
      for (const { pair, ratio } of ratios(theme, SERIES)) expect(ratio, pair).toBeGreaterThanOrEqual(4.5);
    });

    it(`${theme}: every code token colour reaches ${CODE_TOKEN_CONTRAST}:1 on the code panel`, async () => {
      const themes = await loadCodeThemes();
      const colours = (themes[theme].tokenColors ?? []).filter((rule) => !rule.settings?.background).map((rule) => rule.settings?.foreground).filter((c): c is string => /^#[0-9a-f]{6}$/i.test(c ?? ''));
      expect(colours.length).toBeGreaterThan(10);
      for (const colour of colours) expect(contrastRatio(colour, palette[theme]['--panel']), colour).toBeGreaterThanOrEqual(CODE_TOKEN_CONTRAST);
    });
  }
});
