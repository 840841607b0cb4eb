/**
 * Shared by fenced code blocks (@shikijs/rehype) and live listings, so both colour code the same
 * way. Both themes are emitted as CSS variables (`--shiki-light`, `--shiki-dark`) and the page's
 * data-theme picks one: see src/book/styles/code.css.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

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
