/**
 * The book's chapters, discovered from `content/*.mdx`: frontmatter is bundled up front (it is
 * small and feeds the sidebar and landing page), each body is its own lazily loaded chunk.
 */
import type { MDXModule } from 'mdx/types';
import { orderChapters, type ChapterMeta } from './chapter-meta';

const metaModules = import.meta.glob<ChapterMeta>('/content/*.mdx', { query: '?meta', import: 'default', eager: true });
const bodyModules = import.meta.glob<MDXModule>('/content/*.mdx');

export interface Chapter extends ChapterMeta {
  /** Fetches and evaluates the chapter body. */
  readonly load: () => Promise<MDXModule>;
}

function collectChapters(): readonly Chapter[] {
  const metas = orderChapters(Object.values(metaModules));
  return metas.map((meta) => {
    const load = bodyModules[meta.file];
    if (!load) throw new Error(`No body module for ${meta.file}`);
    return { ...meta, load };
  });
}

/** All chapters in reading order (a compile-time constant). */
export const chapters: readonly Chapter[] = collectChapters();

export function findChapter(slug: string): { chapter: Chapter; previous?: Chapter; next?: Chapter } | undefined {
  const index = chapters.findIndex((chapter) => chapter.slug === slug);
  if (index < 0) return undefined;
  return { chapter: chapters[index], previous: chapters[index - 1], next: chapters[index + 1] };
}
