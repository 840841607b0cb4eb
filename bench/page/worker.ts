/** The step benchmark inside a module Worker, as the book's live training runs. */
import { residentSpeed } from './resident-bench';
import { runStepBench, type StepBenchRequest } from './step-bench';
import type { ResidentSpeedRequest } from './main';

self.onmessage = async (event: MessageEvent<StepBenchRequest | ResidentSpeedRequest>) => {
  const request = event.data;
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
