/**
 * What the page asks of the training host, read in one place: `?backend=webgpu|webgl|wasm|cpu` in
 * the page URL (before the hash) forces a TensorFlow.js backend, and the build serves the tfjs wasm
 * binaries from a folder of the site. The live client starts its host with this; the book shell
 * reports an unknown `?backend=` value to the reader instead of ignoring it silently.
 */
import { isBackendName, type BackendName } from '../core/backend-names';

export interface BackendRequest {
  /** The backend the reader asked for, when the value is one we know. */
  readonly forced?: BackendName;
  /** The raw value when it is not a backend name (shown in a notice). */
  readonly invalid?: string;
}

export interface PageRequest {
  readonly backend: BackendRequest;
  /** Folder URL (ending in `/`) the tfjs wasm binaries are served from. */
  readonly wasmPaths: string;
}

/** Reads `backend` from a query string such as `location.search`. */
export function parseBackendRequest(search: string): BackendRequest {
  const value = new URLSearchParams(search).get('backend');
  if (value === null || value.trim() === '') return {};
  const normalised = value.trim().toLowerCase();
  return isBackendName(normalised) ? { forced: normalised } : { invalid: value };
}

/** This page's request; book-assets-plugin puts the wasm binaries in `tfjs-wasm/` of the site. */
export function readPageRequest(): PageRequest {
  return {
    backend: parseBackendRequest(location.search),
    wasmPaths: new URL('tfjs-wasm/', document.baseURI).href,
  };
}
