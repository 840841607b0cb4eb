import { describe, expect, it } from 'vitest';
import { orderChapters, slugFromFile, validateFrontmatter, type ChapterMeta } from './chapter-meta';

const chapter = (number: number, slug: string): ChapterMeta => ({ number, slug, title: slug, summary: 's', file: `/content/${slug}.mdx` });

describe('chapter metadata', () => {
  it('derives the route slug from the file name without its number', () => {
    expect(slugFromFile('/content/01-one-loss-for-two-tasks.mdx')).toBe('one-loss-for-two-tasks');
  });

  it('rejects file names that do not follow NN-slug.mdx', () => {
    expect(() => slugFromFile('/content/Intro.mdx')).toThrow('NN-lowercase-slug.mdx');
  });

  it('accepts complete frontmatter and trims its strings', () => {
    expect(validateFrontmatter({ number: 2, title: ' Fixed ', summary: 'Why.' }, 'f.mdx')).toEqual({ number: 2, title: 'Fixed', summary: 'Why.' });
  });

  it('lists every problem with the file name', () => {
    expect(() => validateFrontmatter({ number: 'one' }, 'content/01-x.mdx')).toThrow(
      'content/01-x.mdx: `number` must be a non-negative integer; `title` must be a non-empty string; `summary` must be a non-empty string.',
    );
    expect(() => validateFrontmatter(undefined, 'f.mdx')).toThrow('no YAML frontmatter');
  });

  it('orders chapters by number and refuses duplicates', () => {
    expect(orderChapters([chapter(2, 'b'), chapter(1, 'a')]).map((c) => c.slug)).toEqual(['a', 'b']);
    expect(() => orderChapters([chapter(1, 'a'), chapter(1, 'b')])).toThrow('both claim chapter number 1');
  });
});
