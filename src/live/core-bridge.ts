/**
 * The core as the training host sees it: backend selection and labs. Imported only by the Worker (or
 * lazily by the main-thread fallback), so TensorFlow.js is fetched when the first lab starts.
 */
import { webgpuDeviceLost } from '../core/backend';
import { selectMeasuredBackend, selectMeasuredBackendAfterLoss } from '../core/backend-probe';
import { createLab } from '../core/lab/lab';
import { resolveLabData } from '../core/lab/lab-data';
import { prepareSyntheticFleetForLab } from '../core/lab/fleet-data';
import { runScorecard } from '../core/lab/scorecard';
import { prepareSyntheticFleetWithTest } from '../core/lab/synthetic-test-split';
import type { CoreBridge, LabEngine } from './host';
import type { LabStepRecord } from './types';

function toLabRecord(record: LabStepRecord): LabStepRecord {
  // Only what the page draws crosses the thread boundary.
  const { step, losses, gradNorms, cosine, weights, projections } = record;
  return projections === undefined ? { step, losses, gradNorms, cosine, weights } : { step, losses, gradNorms, cosine, weights, projections };
}

export const coreBridge: CoreBridge = {
  async selectBackend(forced, wasmPaths) {
    // Auto means measured: the real step races on each backend here (backend-probe.ts).
    const choice = await selectMeasuredBackend({ forced, wasmPaths });
    return { name: choice.name, skipped: choice.skipped, forcedUnavailable: choice.forcedUnavailable, speeds: choice.speeds };
  },
  backendLost: () => webgpuDeviceLost(),
  async recoverFromLoss(reason, wasmPaths) {
    const choice = await selectMeasuredBackendAfterLoss(reason, { wasmPaths });
    return { name: choice.name, skipped: choice.skipped, speeds: choice.speeds };
  },
  async createLab(config, datasets): Promise<LabEngine> {
    const data = resolveLabData(config.data, datasets, prepareSyntheticFleetForLab);
    const lab = createLab(config, data);
    return {
      runIds: lab.runIds,
      paths: lab.paths,
      async steps(count) {
        const { records, failures } = await lab.steps(count);
        const plain: Record<string, LabStepRecord[]> = {};
        for (const [runId, list] of Object.entries(records)) plain[runId] = list.map(toLabRecord);
        return { records: plain, failures };
      },
      // Loaded test files are scored as chapter 6 scores them, next to the validation windows; a lab
      // that keeps its best validation parameters (the preset) meets the test engines once, at the end.
      evaluate: async () => {
        const finished = config.totalSteps !== undefined && lab.stepCount >= config.totalSteps;
        const scoreTest = lab.hasTest && (!config.keepBest || finished);
        return scoreTest ? [...(await lab.evaluate('validation')), ...(await lab.evaluate('test'))] : lab.evaluate('validation');
      },
      retune: (runId, hyper) => lab.retune(runId, hyper),
      dispose: () => lab.dispose(),
    };
  },
  // The scorecard's fleet carries a test split cut before failure, so it is scored as FD001 is.
  runScorecard: (config, datasets, hooks) =>
    runScorecard(config, resolveLabData(config.data, datasets, (spec) => prepareSyntheticFleetWithTest(spec.seed, spec.engines)), hooks),
};
