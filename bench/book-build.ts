/**
 * The built book for bench:load and bench:ui: a fresh production build of the working tree into
 * dist-bench/book/ (so the shared dist/ is never overwritten mid-test), or dist/ as it is with --dist.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Chapter slug of bench/ui-content/90-widget-bench.mdx, which holds every widget. */
export const WIDGET_BENCH_SLUG = 'widget-bench';

/**
 * Adds bench/ui-content/*.mdx to the chapters the shell discovers, in this build only: the glob in
 * src/book/chapters/chapters.ts gains a second pattern. content/ and the book's own build are untouched.
 */
function benchChaptersPlugin(): Plugin {
  return {
    name: 'bench:extra-chapters',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/book/chapters/chapters.ts')) return null;
      const patched = code.replaceAll(`'/content/*.mdx'`, `['/content/*.mdx', '/bench/ui-content/*.mdx']`);
      if (patched === code) throw new Error('bench:extra-chapters: the chapter glob in chapters.ts has changed');
      return patched;
    },
  };
}

/**
 * Folder holding the built book; builds it unless `--dist` is among `argv`. With `widgetBench`, the
 * build also has the chapter `#/widget-bench` holding every widget (into dist-bench/book-ui/).
 */
export async function bookFolder(argv: readonly string[], widgetBench = false): Promise<string> {
  if (argv.includes('--dist')) return path.join(ROOT, 'dist');
  const name = widgetBench ? 'book-ui' : 'book';
  const outDir = path.join(ROOT, 'dist-bench', name);
  const started = performance.now();
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    root: ROOT,
    logLevel: 'warn',
    plugins: widgetBench ? [benchChaptersPlugin()] : [],
    build: { outDir, emptyOutDir: true },
  });
  console.log(`built the book → dist-bench/${name}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

/** Chapter slugs in reading order, from content/NN-slug.mdx. */
export async function chapterSlugs(): Promise<string[]> {
  const { readdirSync } = await import('node:fs');
  return readdirSync(path.join(ROOT, 'content'))
    .filter((name) => /^\d+-[a-z0-9-]+\.mdx$/.test(name))
    .sort()
    .map((name) => name.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
}
