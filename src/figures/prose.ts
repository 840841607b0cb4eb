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

/**
 * The printed form of a figure as a regular expression that matches it only as a whole number, with
 * its sign ("1,200×", "3.7 %") where it has one, and with or without thousands separators.
 */
export function literalPattern(printed: string): RegExp {
  const suffix = /×$/u.test(printed) ? '\\s?×' : /%$/.test(printed) ? '\\s?%' : '(?![\\d]|[.,]\\d)';
  const number = printed.replace(/[×%\s]+$/u, '').trim();
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const plain = number.includes(',') ? `|${number.replace(/,/g, '')}` : '';
  return new RegExp(`(?<![\\d.,])(?:${escaped}${plain})${suffix}`, 'u');
}

/**
 * Only forms specific enough to be a figure are checked, so that settings and small counts in the
 * prose ("0.5/0.5", "floor of 0.05", "100 engines") do not trip the rule: a ratio or a percentage
 * (its sign makes it specific), a decimal with at least three significant digits or three decimals
 * ("22.0", "0.339", "0.049"), or a whole number of at least three digits that does not end in 0
 * ("333", "13,908"; not "100" or "5,000").
 */
export function isDistinctive(printed: string): boolean {
  if (/[×%]$/u.test(printed)) return true;
  const number = printed.replace(/,/g, '');
  const [whole, decimals = ''] = number.replace(/^-/, '').split('.');
  const significant = `${whole}${decimals}`.replace(/^0+/, '').length;
  if (decimals !== '') return significant >= 3 || decimals.length >= 3;
  return whole.length >= 3 && !whole.endsWith('0');
}
