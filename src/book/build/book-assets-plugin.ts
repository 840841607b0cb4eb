/**
 * Ships the files the page fetches at run time that no import reaches:
 *  - the TensorFlow.js WASM binaries, under `tfjs-wasm/`, so the WASM backend loads from the site
 *    itself (never a CDN) and works offline;
 *  - a plain-text copy of every file a <Listing> shows, under `source/…txt`, so the caption link
 *    opens the whole file from the site.
 * In `vite dev` the same paths are answered by a middleware.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { sourceCopyPath } from './rehype-listing.ts';

export const WASM_DIRECTORY = 'tfjs-wasm';
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

export interface BookAssetsOptions {
  readonly root: string;
  /** Filled while MDX compiles (by the listing plugin); read when the bundle is written. */
  readonly listedSources: ReadonlySet<string>;
}

function wasmSource(root: string, file: string): Buffer {
  return readFileSync(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist', file));
}

export function bookAssetsPlugin(options: BookAssetsOptions): Plugin {
  return {
    name: 'balancing-act:book-assets',
    generateBundle() {
      for (const file of WASM_FILES) {
        this.emitFile({ type: 'asset', fileName: `${WASM_DIRECTORY}/${file}`, source: wasmSource(options.root, file) });
      }
      for (const file of [...options.listedSources].sort()) {
        this.emitFile({ type: 'asset', fileName: sourceCopyPath(file), source: readFileSync(path.join(options.root, file)) });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = decodeURIComponent((request.url ?? '').split('?')[0]);
        const wasm = WASM_FILES.find((file) => url.endsWith(`/${WASM_DIRECTORY}/${file}`));
        const listed = [...options.listedSources].find((file) => url.endsWith(`/${sourceCopyPath(file)}`));
        if (!wasm && !listed) return next();
        response.setHeader('Content-Type', wasm ? 'application/wasm' : 'text/plain; charset=utf-8');
        response.end(wasm ? wasmSource(options.root, wasm) : readFileSync(path.join(options.root, listed as string)));
      });
    },
  };
}
