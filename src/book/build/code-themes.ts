/**
 * Shared by fenced code blocks (@shikijs/rehype) and live listings, so both colour code the same
 * way. Both themes are emitted as CSS variables (`--shiki-light`, `--shiki-dark`) and the page's
 * data-theme picks one: see src/book/styles/code.css.
 *
 * GitHub's themes are made for white and near-black; on the book's code panel some of their tokens
 * fall under 4.5:1 (comments 4.4:1 light and 3.3:1 dark, `#e36209` 3.2:1). Every token colour is
 * therefore pushed to at least {@link CODE_TOKEN_CONTRAST} against the panel of its theme, keeping its hue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ThemeRegistration } from 'shiki';
import { bundledThemes } from 'shiki/themes';
import { paletteFromTokens, withContrast } from './contrast.ts';

/** WCAG AA for body-size text is 4.5; a little above it, so rounding never drops a token below. */
export const CODE_TOKEN_CONTRAST = 4.6;

const TOKENS_CSS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../styles/tokens.css');

type CodeThemes = { readonly light: ThemeRegistration; readonly dark: ThemeRegistration };

function readable(theme: ThemeRegistration, name: string, panel: string): ThemeRegistration {
  const fix = (colour: unknown) => (typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour) ? withContrast(colour, panel, CODE_TOKEN_CONTRAST) : colour);
  // A rule with its own background (e.g. white on red for a stray carriage return) is left as designed.
  const tokenColors = (theme.tokenColors ?? []).map((rule) =>
    rule.settings?.foreground && !rule.settings.background ? { ...rule, settings: { ...rule.settings, foreground: fix(rule.settings.foreground) as string } } : rule,
  );
  const colors = { ...theme.colors, 'editor.foreground': fix(theme.colors?.['editor.foreground']) as string };
  return { ...theme, name, displayName: name, tokenColors, colors, fg: fix(theme.fg) as string | undefined };
}

let loaded: Promise<CodeThemes> | undefined;

/** The two code themes, GitHub light/dark with every token readable on the book's panels. */
export function loadCodeThemes(): Promise<CodeThemes> {
  loaded ??= (async () => {
    const palette = paletteFromTokens(readFileSync(TOKENS_CSS, 'utf8'));
    const [light, dark] = await Promise.all([bundledThemes['github-light'](), bundledThemes['github-dark']()]);
    return {
      light: readable(light.default, 'balancing-act-light', palette.light['--panel']),
      dark: readable(dark.default, 'balancing-act-dark', palette.dark['--panel']),
    };
  })();
  return loaded;
}

export const LISTING_LANGUAGES = ['typescript', 'tsx', 'javascript', 'python', 'css', 'json', 'bash'] as const;

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, (typeof LISTING_LANGUAGES)[number]>> = {
  ts: 'typescript',
  mts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  css: 'css',
  json: 'json',
  sh: 'bash',
};

/** The Shiki language for a file path; plain text when the extension is unknown. */
export function highlightLanguageFor(file: string): string {
  const extension = file.split('.').pop()?.toLowerCase() ?? '';
  return LANGUAGE_BY_EXTENSION[extension] ?? 'text';
}
