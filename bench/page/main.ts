/**
 * The benchmark page: exposes `window.stepBench(request, where)` for bench/step.ts, which calls it
 * through page.evaluate, on the page's main thread or in a module Worker. One backend per page load:
 * tfjs keeps its backend registry per realm, so the script opens a fresh page for each.
 */
import { residentPlanCheck, type PlanCheckCase, type PlanCheckResult } from './plan-harness';
import { residentParity, residentSpeed, type ParityResult, type ResidentSpeed } from './resident-bench';
import { temporalResidentParity, type TemporalCase } from './temporal-resident-bench';
import { temporalSpeed, type TemporalSpeedRequest, type TemporalSpeedResult } from './temporal-speed';
import type { StrategySpec } from '../../src/core/strategies/index';
import { runStepBench, type StepBenchRequest, type StepBenchResult } from './step-bench';
import { labSpeed, residentLabCheck, type LabLeakCheck, type LabSpeed, type LabSpeedRequest } from './lab-bench';

export type LabSpeedResult = { readonly ok: true; readonly result: LabSpeed } | { readonly ok: false; readonly reason: string };

/** The GPU-resident trainer timed in the Worker. */
export interface ResidentSpeedRequest {
  readonly resident: true;
  readonly plan: { warmupSteps: number; stepsPerRepeat: number; repeats: number };
  readonly stepsPerDispatch: number;
  /** The strategy trained (default GABA). */
  readonly strategy?: StrategySpec;
}
export type ResidentSpeedResult = { readonly ok: true; readonly result: ResidentSpeed } | { readonly ok: false; readonly reason: string };

function inWorker<Request, Result>(request: Request): Promise<Result | { ok: false; reason: string }> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<Result>) => {
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
    residentParity(scenarios: readonly unknown[], steps: number): Promise<ParityResult[]>;
    temporalResidentParity(cases: readonly TemporalCase[], steps: number): Promise<ParityResult[]>;
    residentPlanCheck(cases: readonly PlanCheckCase[]): Promise<PlanCheckResult[]>;
    residentSpeed(request: Omit<ResidentSpeedRequest, 'resident'>, where: 'page' | 'worker'): Promise<ResidentSpeedResult>;
    labSpeed(request: Omit<LabSpeedRequest, 'wasmPaths'>, where: 'page' | 'worker'): Promise<LabSpeedResult>;
    temporalSpeed(request: Omit<TemporalSpeedRequest, 'temporal' | 'wasmPaths'>, where: 'page' | 'worker'): Promise<TemporalSpeedResult>;
    residentLabCheck(backbone?: 'dense' | 'temporal', calls?: number): Promise<LabLeakCheck>;
  }
}

window.stepBench = (request, where) => {
  const full = { ...request, wasmPaths: new URL('tfjs-wasm/', document.baseURI).href };
  return where === 'worker' ? inWorker<StepBenchRequest, StepBenchResult>(full) : runStepBench(full);
};
window.residentParity = residentParity;
window.temporalResidentParity = temporalResidentParity;
window.residentPlanCheck = residentPlanCheck;
window.residentSpeed = async (request, where) => {
  if (where === 'worker') return inWorker<ResidentSpeedRequest, ResidentSpeedResult>({ ...request, resident: true });
  try {
    return { ok: true, result: await residentSpeed(request.plan, request.stepsPerDispatch, request.strategy) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
};
window.residentLabCheck = residentLabCheck;
window.temporalSpeed = (request, where) => {
  const full: TemporalSpeedRequest = { ...request, temporal: true, wasmPaths: new URL('tfjs-wasm/', document.baseURI).href };
  return where === 'worker' ? inWorker<TemporalSpeedRequest, TemporalSpeedResult>(full) : temporalSpeed(full);
};
window.labSpeed = async (request, where) => {
  const full = { ...request, wasmPaths: new URL('tfjs-wasm/', document.baseURI).href };
  if (where === 'worker') return inWorker<{ lab: LabSpeedRequest }, LabSpeedResult>({ lab: full });
  try {
    return { ok: true, result: await labSpeed(full) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
};
document.getElementById('status')!.textContent = 'ready';
