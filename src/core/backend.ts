/**
 * Choosing the tfjs backend. Each backend package is imported only when it is tried, so a page that
 * ends up on WebGPU never downloads the wasm binary, and Node never loads WebGL.
 */
import * as tf from '@tensorflow/tfjs-core';
import { installWasmBatchedMatMul } from './wasm-batched-matmul';
import { installWasmHeapCopies } from './wasm-heap-copies';
import { installWasmTimePatches } from './wasm-time-patches';
import { installWasmAdam } from './wasm-adam';
import type { BackendName } from './backend-names';

export { BACKEND_NAMES, isBackendName, type BackendName } from './backend-names';

/** Fastest first on the machines the book targets; cpu always works. */
export const DEFAULT_BACKEND_ORDER: readonly BackendName[] = Object.freeze(['webgpu', 'wasm', 'webgl', 'cpu']);

/** Steps per second of the toy training step, measured on one backend (backend-probe.ts). */
export interface BackendSpeed {
  readonly name: BackendName;
  readonly stepsPerSecond: number;
}

/** What {@link selectBackend} ended up with, and why it passed over the others. */
export interface BackendChoice {
  /** The backend now active in tfjs. */
  readonly name: BackendName;
  /** Backends tried before `name`, with a one-line reason each ("webgpu: no adapter"). */
  readonly skipped: readonly { readonly name: BackendName; readonly reason: string }[];
  /** Set when a forced backend could not start: a sentence for the reader. */
  readonly forcedUnavailable?: string;
  /** Backends whose speed was measured (the chosen one among them), when the choice was measured. */
  readonly speeds?: readonly BackendSpeed[];
}

/** Options of {@link selectBackend}. */
export interface BackendOptions {
  /** Try this backend first; if it fails, fall back to `order` and say so in `forcedUnavailable`. */
  readonly forced?: BackendName;
  /** Order to try backends in (default {@link DEFAULT_BACKEND_ORDER}). */
  readonly order?: readonly BackendName[];
  /**
   * Where the wasm binaries live: a URL prefix in the page, the package's dist folder (with a
   * trailing slash) in Node.
   */
  readonly wasmPaths?: string;
}

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/** The part of GPUAdapterInfo read here, typed loosely: the core has no DOM types. */
interface AdapterInfoLike {
  readonly isFallbackAdapter?: boolean;
  readonly architecture?: string;
  readonly vendor?: string;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Resolves to null when WebGPU can be used here, otherwise to the reason it cannot. */
async function webgpuUnavailableReason(): Promise<string | null> {
  const navigatorLike = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  if (navigatorLike?.gpu === undefined) return 'webgpu: navigator.gpu missing';
  try {
    const adapter = await navigatorLike.gpu.requestAdapter();
    return adapter === null || adapter === undefined ? 'webgpu: no adapter' : null;
  } catch (error) {
    return `webgpu: requestAdapter failed (${message(error)})`;
  }
}

/**
 * The adapter's name when this page's WebGPU adapter is a software (fallback) one, such as Chromium's
 * SwiftShader; null for a hardware adapter or when there is no WebGPU at all.
 */
export async function softwareWebgpuAdapter(): Promise<string | null> {
  const navigatorLike = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  if (navigatorLike?.gpu === undefined) return null;
  try {
    const adapter = (await navigatorLike.gpu.requestAdapter()) as { info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null;
    if (adapter === null || adapter === undefined) return null;
    const info = adapter.info ?? {};
    if (info.isFallbackAdapter !== true && adapter.isFallbackAdapter !== true && info.architecture !== 'swiftshader') return null;
    return [info.vendor, info.architecture].filter((part) => part).join(' ') || 'fallback adapter';
  } catch {
    return null;
  }
}

/** Import the package that registers `name` with tfjs-core; a string is the reason it cannot be used. */
async function registerBackend(name: BackendName, wasmPaths: string | undefined): Promise<string | null> {
  switch (name) {
    case 'webgpu': {
      const reason = await webgpuUnavailableReason();
      if (reason !== null) return reason;
      await import('@tensorflow/tfjs-backend-webgpu');
      return null;
    }
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      installWasmHeapCopies();
      installWasmBatchedMatMul();
      installWasmTimePatches();
      installWasmAdam();
      // The threaded build spawns its pthread workers from a script that does not survive bundling
      // ("e is not defined" in every worker); the single-threaded SIMD build is what we ship.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // The paths can only be set before the backend first initialises.
      if (wasmPaths !== undefined && tf.findBackend('wasm') === null) wasm.setWasmPaths(wasmPaths);
      return null;
    }
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return null;
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return null;
  }
}

/** Register and activate one backend; null on success, otherwise the reason it failed. */
export async function tryBackend(name: BackendName, wasmPaths: string | undefined): Promise<string | null> {
  try {
    const reason = await registerBackend(name, wasmPaths);
    if (reason !== null) return reason;
    const ok = await tf.setBackend(name);
    return ok ? null : `${name}: failed to initialise`;
  } catch (error) {
    return `${name}: ${message(error)}`;
  }
}

/**
 * Activate the first backend that works, in `order`, after `forced` if given. Throws only when
 * every backend fails (cpu does not, unless it was left out of `order`).
 */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  const order = options.order ?? DEFAULT_BACKEND_ORDER;
  const skipped: { name: BackendName; reason: string }[] = [];
  const { forced } = options;
  if (forced !== undefined) {
    const reason = await tryBackend(forced, options.wasmPaths);
    if (reason === null) return { name: forced, skipped };
    skipped.push({ name: forced, reason });
  }
  for (const name of order) {
    if (name === forced) continue;
    const reason = await tryBackend(name, options.wasmPaths);
    if (reason === null) {
      if (forced === undefined) return { name, skipped };
      const forcedUnavailable = `The ${forced} backend is not available here (${skipped[0].reason}); using ${name} instead.`;
      return { name, skipped, forcedUnavailable };
    }
    skipped.push({ name, reason });
  }
  const reasons = skipped.map((entry) => entry.reason).join('; ');
  throw new Error(`No tfjs backend could start: ${reasons}`);
}

/** What a lost WebGPU device reports (GPUDeviceLostInfo), typed loosely: the core has no DOM types. */
interface DeviceLostInfo {
  readonly reason?: string;
  readonly message?: string;
}

/**
 * Resolves with a one-line reason when the active WebGPU backend loses its device (a driver reset,
 * the GPU process restarting, `device.destroy()`); null when the active backend is not WebGPU.
 */
export function webgpuDeviceLost(): Promise<string> | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<DeviceLostInfo> } }).device;
  if (device?.lost === undefined) return null;
  return device.lost.then((info) => [info.reason, info.message].filter((part) => part).join(': ') || 'no reason given');
}

/**
 * After the WebGPU device is lost: drop that backend and choose among the others, with the loss as
 * WebGPU's reason. Tensors that lived on the lost device are gone; their owners must start again.
 */
export async function selectBackendAfterLoss(lossReason: string, options: Pick<BackendOptions, 'wasmPaths'> = {}): Promise<BackendChoice> {
  try {
    tf.removeBackend('webgpu');
  } catch {
    // Releasing a dead device's buffers can fail; the backend is dropped either way.
  }
  const choice = await selectBackend({ order: DEFAULT_BACKEND_ORDER.filter((name) => name !== 'webgpu'), wasmPaths: options.wasmPaths });
  return { ...choice, skipped: [{ name: 'webgpu', reason: `WebGPU device lost (${lossReason})` }, ...choice.skipped] };
}
