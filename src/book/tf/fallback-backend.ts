/**
 * Stand-in for src/core/backend.ts, used only while that file does not exist (see TfProvider.tsx).
 * Same contract: try WebGPU, then WASM, WebGL and CPU, and say why each one was skipped.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendModule } from './backend-contract';
import type { BackendName } from './backend-request';

const ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

async function whyUnavailable(name: BackendName): Promise<string | undefined> {
  if (name !== 'webgpu') return undefined;
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return 'this browser has no WebGPU';
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? undefined : 'no WebGPU adapter';
}

async function tryBackend(name: BackendName): Promise<string | undefined> {
  const reason = await whyUnavailable(name);
  if (reason) return reason;
  try {
    return (await tf.setBackend(name)) ? undefined : `${name} failed to initialise`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const selectBackend: BackendModule['selectBackend'] = async (options = {}) => {
  if (options.wasmPaths) setWasmPaths(options.wasmPaths);
  const skipped: { name: string; reason: string }[] = [];
  const { forced } = options;
  if (forced) {
    const reason = await tryBackend(forced);
    if (!reason) return { name: forced, skipped };
    skipped.push({ name: forced, reason });
  }
  for (const name of ORDER.filter((candidate) => candidate !== forced)) {
    const reason = await tryBackend(name);
    if (!reason) {
      await tf.ready();
      const forcedUnavailable = forced ? `The ${forced} backend is not available here (${skipped[0].reason}); using ${name} instead.` : undefined;
      return { name, skipped, forcedUnavailable };
    }
    skipped.push({ name, reason });
  }
  throw new Error(`No TensorFlow.js backend could start: ${skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}`);
};
