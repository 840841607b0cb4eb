/** The step benchmark inside a module Worker, as the book's live training runs. */
import { runStepBench, type StepBenchRequest } from './step-bench';

self.onmessage = async (event: MessageEvent<StepBenchRequest>) => {
  self.postMessage(await runStepBench(event.data));
};
