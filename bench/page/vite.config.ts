/**
 * The benchmark page's own build (`npm run bench:step` runs it): bench/page/ bundled into
 * dist-bench/step/ with the core and every tfjs backend, the wasm binaries under tfjs-wasm/ as in the book.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { bookAssetsPlugin } from '../../src/book/build/book-assets-plugin.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/**
 * A/B runs: BENCH_REPLACE="src/core/trainer/optimiser.ts=dist-bench/baseline/optimiser.ts" builds the
 * page with one core module swapped for a baseline copy, leaving the shared checkout untouched.
 */
function replaceModule(spec: string | undefined): Plugin[] {
  if (!spec) return [];
  const [target, replacement] = spec.split('=').map((part) => path.resolve(root, part));
  return [
    {
      name: 'bench:replace-module',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved?.id === target ? replacement : null;
      },
    },
  ];
}

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  plugins: [...replaceModule(process.env.BENCH_REPLACE), bookAssetsPlugin({ root, listedSources: new Set() })],
  worker: { format: 'es' },
  build: { outDir: path.join(root, 'dist-bench/step'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
});
