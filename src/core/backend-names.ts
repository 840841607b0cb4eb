/**
 * The tfjs backends the book knows how to use, by name. Kept apart from backend.ts, which imports
 * tfjs, so the page shell can check a `?backend=` value without downloading TensorFlow.js.
 */

export const BACKEND_NAMES = Object.freeze(['webgpu', 'webgl', 'wasm', 'cpu'] as const);

export type BackendName = (typeof BACKEND_NAMES)[number];

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}
