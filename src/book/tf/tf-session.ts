/**
 * One TensorFlow.js backend choice per page. Nothing loads until a widget asks (`load()`); the
 * header badge only listens. Created once by the app and handed down through TfProvider, so the
 * state belongs to the page instance rather than to a module.
 */
import type { BackendModule, BackendSelection } from './backend-contract';
import type { BackendRequest } from '../../live/page-request';

export type TfState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly selection: BackendSelection }
  | { readonly status: 'error'; readonly message: string };

export interface TfSession {
  /** What the reader asked for with `?backend=`. */
  readonly request: BackendRequest;
  getState(): TfState;
  subscribe(listener: () => void): () => void;
  /** Loads TensorFlow.js and selects the backend; later calls share the first call's promise. */
  load(): Promise<BackendSelection>;
}

export interface TfSessionOptions {
  readonly request: BackendRequest;
  /** Imports the module that owns `selectBackend` (injected so tests need no TensorFlow.js). */
  readonly loadBackendModule: () => Promise<BackendModule>;
}

export function createTfSession(options: TfSessionOptions): TfSession {
  let state: TfState = { status: 'idle' };
  let pending: Promise<BackendSelection> | undefined;
  const listeners = new Set<() => void>();
  const setState = (next: TfState) => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  async function selectOnce(): Promise<BackendSelection> {
    setState({ status: 'loading' });
    try {
      const module = await options.loadBackendModule();
      const selection = await module.selectBackend();
      setState({ status: 'ready', selection });
      // The page lives as long as the session, so the subscription is never dropped.
      module.onChange?.((next) => setState({ status: 'ready', selection: next }));
      return selection;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: 'error', message });
      throw error;
    }
  }

  return {
    request: options.request,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () => (pending ??= selectOnce()),
  };
}

/** How the badge spells a backend. */
export function backendLabel(name: string): string {
  const labels: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };
  return labels[name] ?? name;
}

/** Turns a skip reason such as "webgpu: no adapter" into words for the badge. */
function webgpuReason(reason: string): string {
  const detail = reason.replace(/^webgpu:\s*/i, '').trim();
  if (/webgpu/i.test(detail)) return detail;
  return /^no adapter$/i.test(detail) ? 'no WebGPU adapter' : `no WebGPU (${detail})`;
}

/** Steps per second as the badge prints them: whole numbers with separators, one decimal below 10. */
export function formatStepRate(stepsPerSecond: number): string {
  return stepsPerSecond < 10 ? stepsPerSecond.toFixed(1) : Math.round(stepsPerSecond).toLocaleString('en-US');
}

/** The measured speed of the backend in use, e.g. "1,234 steps/s"; undefined when none was measured. */
export function describeSpeed(selection: BackendSelection): string | undefined {
  const speed = selection.speeds?.find((entry) => entry.name === selection.name);
  return speed === undefined ? undefined : `${formatStepRate(speed.stepsPerSecond)} steps/s`;
}

/** The sentence under the badge: why this backend, when it is not the first choice. */
export function describeSelection(selection: BackendSelection): string | undefined {
  const label = backendLabel(selection.name);
  const raced = selection.speeds?.filter((entry) => entry.name !== selection.name) ?? [];
  if (raced.length > 0) {
    const others = raced.map((entry) => `${backendLabel(entry.name)} ${formatStepRate(entry.stepsPerSecond)}`).join(', ');
    return `${others} steps/s measured: using ${label}, the fastest here`;
  }
  if (selection.name === 'webgpu') return undefined;
  const webgpu = selection.skipped.find((entry) => entry.name === 'webgpu');
  return webgpu ? `${webgpuReason(webgpu.reason)}: using ${label}` : `using ${label}`;
}
