/**
 * The benchmark page's own build (`npm run bench:step` runs it): bench/page/ bundled into
 * dist-bench/step/ with the core and every tfjs backend, the wasm binaries under tfjs-wasm/ as in the book.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bookAssetsPlugin } from '../../src/book/build/book-assets-plugin.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  plugins: [bookAssetsPlugin({ root, listedSources: new Set() })],
  worker: { format: 'es' },
  build: { outDir: path.join(root, 'dist-bench/step'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
});
