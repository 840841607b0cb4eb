/**
 * `?backend=webgpu|webgl|wasm|cpu` in the page URL (before the hash) forces a TensorFlow.js
 * backend. Anything else is reported back to the reader instead of being ignored silently.
 */

export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BackendRequest {
  /** The backend the reader asked for, when the value is one we know. */
  readonly forced?: BackendName;
  /** The raw value when it is not a backend name (shown in a notice). */
  readonly invalid?: string;
}

function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}

/** Reads `backend` from a query string such as `location.search`. */
export function parseBackendRequest(search: string): BackendRequest {
  const value = new URLSearchParams(search).get('backend');
  if (value === null || value.trim() === '') return {};
  const normalised = value.trim().toLowerCase();
  return isBackendName(normalised) ? { forced: normalised } : { invalid: value };
}

/** How the badge spells a backend. */
export function backendLabel(name: string): string {
  const labels: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
  return labels[name] ?? name;
}
