/**
 * The benchmark page: exposes `window.stepBench(request, where)` for bench/step.ts, which calls it
 * through page.evaluate, on the page's main thread or in a module Worker. One backend per page load:
 * tfjs keeps its backend registry per realm, so the script opens a fresh page for each.
 */
import { runStepBench, type StepBenchRequest, type StepBenchResult } from './step-bench';

function inWorker(request: StepBenchRequest): Promise<StepBenchResult> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<StepBenchResult>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      resolve({ ok: false, reason: `worker error: ${event.message}` });
      worker.terminate();
    };
    worker.postMessage(request);
  });
}

declare global {
  interface Window {
    stepBench(request: Omit<StepBenchRequest, 'wasmPaths'>, where: 'page' | 'worker'): Promise<StepBenchResult>;
  }
}

window.stepBench = (request, where) => {
  const full = { ...request, wasmPaths: new URL('tfjs-wasm/', document.baseURI).href };
  return where === 'worker' ? inWorker(full) : runStepBench(full);
};
document.getElementById('status')!.textContent = 'ready';
