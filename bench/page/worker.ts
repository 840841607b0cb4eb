/** The step benchmark inside a module Worker, as the book's live training runs. */
import { residentSpeed } from './resident-bench';
import { runStepBench, type StepBenchRequest } from './step-bench';
import type { ResidentSpeedRequest } from './main';
import { labSpeed, type LabSpeedRequest } from './lab-bench';
import { temporalSpeed, type TemporalSpeedRequest } from './temporal-speed';

self.onmessage = async (event: MessageEvent<StepBenchRequest | ResidentSpeedRequest | TemporalSpeedRequest | { lab: LabSpeedRequest }>) => {
  const request = event.data;
  if ('temporal' in request) {
    self.postMessage(await temporalSpeed(request));
    return;
  }
  if ('lab' in request) {
    try {
      self.postMessage({ ok: true, result: await labSpeed(request.lab) });
    } catch (error) {
      self.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if ('resident' in request) {
    try {
      self.postMessage({ ok: true, result: await residentSpeed(request.plan, request.stepsPerDispatch, request.strategy) });
    } catch (error) {
      self.postMessage({ ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  self.postMessage(await runStepBench(request));
};
