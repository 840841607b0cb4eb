/**
 * Serves `/content/NN-slug.mdx?meta` as a tiny JSON-like module holding only the validated
 * frontmatter. The shell imports these eagerly for the sidebar and landing page, while the chapter
 * bodies stay in their own lazily loaded chunks (importing the .mdx itself eagerly would pull every
 * chapter into the first download).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parse as parseYaml } from 'yaml';
import { slugFromFile, validateFrontmatter, type ChapterMeta } from '../chapters/chapter-meta.ts';

const META_SUFFIX = '?meta';
// \0 keeps other plugins (MDX, React) from treating the virtual id as a real .mdx file.
const VIRTUAL_PREFIX = '\0chapter-meta:';

/** The YAML between a leading `---` line and the next `---` line, or undefined when there is none. */
export function extractFrontmatter(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  return match?.[1];
}

export function chapterMetaPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'balancing-act:chapter-meta',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    resolveId(source, importer) {
      if (!source.endsWith(`.mdx${META_SUFFIX}`)) return null;
      const file = source.slice(0, -META_SUFFIX.length);
      // The glob hands over paths relative to the importer; `/content/…` means the project root.
      const absolute = file.startsWith('.') && importer ? path.resolve(path.dirname(importer), file)
        : file.startsWith(root + path.sep) ? file : path.join(root, file);
      return VIRTUAL_PREFIX + absolute;
    },
    async load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const absolute = id.slice(VIRTUAL_PREFIX.length);
      const file = '/' + path.relative(root, absolute).split(path.sep).join('/');
      this.addWatchFile(absolute);
      const yaml = extractFrontmatter(await readFile(absolute, 'utf8'));
      let data: unknown;
      try {
        data = yaml === undefined ? undefined : parseYaml(yaml);
      } catch (error) {
        throw new Error(`${file}: frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
      }
      const meta: ChapterMeta = { ...validateFrontmatter(data, file), slug: slugFromFile(file), file };
      return `export default ${JSON.stringify(meta)};`;
    },
  };
}
