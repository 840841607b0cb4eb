/**
 * Forgiving links: a chapter or section named the way a person would type it (`#/GABA`,
 * `#/04-gaba`, `#/gaba/The Controller`) resolves to the book's own slug or heading id; what matches
 * nothing resolves to undefined, and the page says so.
 */

/** The shape rehype-slug gives headings: lower case, punctuation dropped, spaces and runs of dashes as one dash. */
export function slugLike(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/[\s_-]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface ChapterKey {
  readonly slug: string;
  readonly title: string;
  readonly number: number;
}

/** The chapter a typed slug means: exact, then by case and punctuation, by `NN-slug`, by title, by number. */
export function resolveChapterSlug(wanted: string, chapters: readonly ChapterKey[]): string | undefined {
  if (chapters.some((chapter) => chapter.slug === wanted)) return wanted;
  const key = slugLike(wanted);
  if (key === '') return undefined;
  const match = chapters.find((chapter) =>
    chapter.slug === key
    || `${String(chapter.number).padStart(2, '0')}-${chapter.slug}` === key
    || slugLike(chapter.title) === key
    || String(chapter.number) === key);
  return match?.slug;
}

/** The heading id a typed section means: exact, then the one with the same slug-like form. */
export function resolveSection(wanted: string, ids: readonly string[]): string | undefined {
  if (ids.includes(wanted)) return wanted;
  const key = slugLike(wanted);
  return key === '' ? undefined : ids.find((id) => slugLike(id) === key);
}

/** The page's query without any widget's state (`<id>.<key>`), keeping page-wide options such as `backend`. */
export function withoutWidgetState(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params].filter(([name]) => !name.includes('.')));
}

/** Takes widget state out of the address bar (no history entry), e.g. when the reader moves to another chapter. */
export function dropWidgetStateFromAddress(): void {
  const params = new URLSearchParams(location.search);
  const kept = withoutWidgetState(params).toString();
  if (kept === params.toString()) return;
  history.replaceState(history.state, '', `${location.pathname}${kept ? `?${kept}` : ''}${location.hash}`);
}
