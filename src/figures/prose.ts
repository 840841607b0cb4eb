/**
 * What the literal-number rule reads in a chapter: its prose, without what may hold a number on
 * purpose. Removed: the front matter, code (fenced and inline), math ($…$ and $$…$$), <Published>
 * spans (figures with their source) and every JSX tag (widget ids, listing regions, figure keys).
 */
export function proseOf(mdx: string): string {
  return mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$\n]*\$/g, ' ')
    .replace(/<Published\b[^>]*>[\s\S]*?<\/Published>/g, ' ')
    .replace(/<[A-Za-z][^>]*\/?>|<\/[A-Za-z]+>/g, ' ');
}

/** The printed form of a figure as a regular expression that matches it only as a whole number. */
export function literalPattern(printed: string): RegExp {
  const number = printed.replace(/[×%\s]+$/u, '').trim();
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Also catch the form without thousands separators ("1200" for "1,200").
  const plain = number.includes(',') ? `|${number.replace(/,/g, '')}` : '';
  return new RegExp(`(?<![\\d.,])(?:${escaped}${plain})(?![\\d]|[.,]\\d)`);
}

/**
 * Only forms specific enough to be a figure are checked: a decimal point or at least three digits.
 * A figure printed as "16" or "0" could be any count in the prose ("16 channels").
 */
export function isDistinctive(printed: string): boolean {
  const number = printed.replace(/[×%\s]+$/u, '');
  return number.includes('.') || number.replace(/\D/g, '').length >= 3;
}
