/**
 * WCAG 2 contrast, for the colours the build chooses (code tokens) and the tests check (palette,
 * chart series). Colours are #rrggbb.
 */

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`expected a #rrggbb colour, got ${hex}`);
  const value = match[1];
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

const toHex = (rgb: readonly number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/**
 * `colour` moved towards black (on a light background) or white (on a dark one) in 1 % steps until
 * it reaches `ratio` against `background`; unchanged if it already does. The hue stays, so a
 * theme's token colours keep their meaning.
 */
export function withContrast(colour: string, background: string, ratio: number): string {
  if (contrastRatio(colour, background) >= ratio) return colour;
  const target = relativeLuminance(background) > 0.18 ? 0 : 255;
  const rgb = channels(colour);
  for (let step = 1; step <= 100; step += 1) {
    const candidate = toHex(rgb.map((c) => c + (target - c) * (step / 100)));
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return toHex([target, target, target]);
}

/** The custom properties of tokens.css per theme: { light: { '--panel': '#f3f4f1', … }, dark: … }. */
export function paletteFromTokens(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const block = (selector: RegExp): Record<string, string> => {
    const body = selector.exec(css)?.[1] ?? '';
    return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1], m[2].toLowerCase()]));
  };
  return { light: block(/\[data-theme='light'\]\s*\{([^}]*)\}/), dark: block(/\[data-theme='dark'\]\s*\{([^}]*)\}/) };
}
