/**
 * Node-only setup for tfjs, shared by the CLI, the benchmarks, the reference scripts and the unit
 * tests, and kept out of the core: a module hook that lets Node's ESM loader read tfjs-core's ESM
 * build, and the folder the wasm backend's binaries live in.
 */
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Install the resolve hook in tfjs-resolve-hook.mjs. Call it before anything imports the core:
 * the core imports tfjs-core's gradient registrations by a deep path that Node cannot otherwise load.
 */
export function installTfjsResolveHook(): void {
  register('./tfjs-resolve-hook.mjs', import.meta.url);
}

/** The wasm backend's dist folder, with the trailing slash `setWasmPaths` expects. */
export function nodeWasmPaths(): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`;
}
