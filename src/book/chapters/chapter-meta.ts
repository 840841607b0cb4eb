/**
 * What every chapter declares in its frontmatter, and the rules it must follow. Checked at build
 * time (so a typo fails `npm run build` with the file named) by src/book/build/chapter-meta-plugin.ts.
 */

/** Frontmatter of `content/NN-slug.mdx`. */
export interface ChapterFrontmatter {
  /** Position in the book; chapters are listed by this number. */
  readonly number: number;
  readonly title: string;
  /** One or two sentences for the landing page and the sidebar tooltip. */
  readonly summary: string;
}

/** A chapter as the shell knows it before its body is loaded. */
export interface ChapterMeta extends ChapterFrontmatter {
  /** Route name: the file name without the `NN-` prefix and `.mdx` (stable when chapters are renumbered). */
  readonly slug: string;
  /** Path of the source file, e.g. `/content/01-one-loss-for-two-tasks.mdx`. */
  readonly file: string;
}

const FILE_NAME = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The route slug of a chapter file, or an error naming the expected pattern. */
export function slugFromFile(file: string): string {
  const base = file.split('/').pop() ?? file;
  const match = FILE_NAME.exec(base);
  if (!match) throw new Error(`${file}: chapter files are named NN-lowercase-slug.mdx (e.g. 03-gradnorm.mdx).`);
  return match[2];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks parsed frontmatter; throws an Error that names the file and every problem found. */
export function validateFrontmatter(data: unknown, file: string): ChapterFrontmatter {
  const problems: string[] = [];
  const record = isRecord(data) ? data : {};
  if (!isRecord(data)) problems.push('no YAML frontmatter block (--- … ---) at the top');
  const { number, title, summary } = record;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) problems.push('`number` must be a non-negative integer');
  if (typeof title !== 'string' || title.trim() === '') problems.push('`title` must be a non-empty string');
  if (typeof summary !== 'string' || summary.trim() === '') problems.push('`summary` must be a non-empty string');
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}.`);
  return { number: number as number, title: (title as string).trim(), summary: (summary as string).trim() };
}

/** Sorts chapters by number and rejects two chapters with the same number or slug. */
export function orderChapters(chapters: readonly ChapterMeta[]): ChapterMeta[] {
  const sorted = [...chapters].sort((a, b) => a.number - b.number);
  for (let index = 1; index < sorted.length; index += 1) {
    const [previous, current] = [sorted[index - 1], sorted[index]];
    if (previous.number === current.number) throw new Error(`${previous.file} and ${current.file} both claim chapter number ${current.number}.`);
  }
  const slugs = new Set<string>();
  for (const chapter of sorted) {
    if (slugs.has(chapter.slug)) throw new Error(`Two chapters share the slug "${chapter.slug}" (${chapter.file}).`);
    slugs.add(chapter.slug);
  }
  return sorted;
}
