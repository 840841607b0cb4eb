/**
 * A lab as StrategyLab runs it (toy data, dense backbone, batch 64), or LambdaSweep's seven fixed-weight
 * runs (a stacked request), in the page or a Worker: its steps per second on one backend and path, and
 * the tensor-count check of a GPU-resident lab. The
 * host asks the lab for a frame's worth of steps in one call (src/live/host.ts); `stepsPerCall` is
 * that frame's worth, the lab's speed setting.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../../src/core/backend';
import type { BackendName } from '../../src/core/backend-names';
import { createLab } from '../../src/core/lab/lab';
import { prepareSyntheticFleetForLab } from '../../src/core/lab/fleet-data';
import { resolveLabData } from '../../src/core/lab/lab-data';
import type { ResidentSupport } from '../../src/core/lab/resident-run';
import type { LabConfig, RunPath } from '../../src/core/lab/types';
import { sweepLabConfig } from '../../widgets/LambdaSweep/model';
import { median } from '../timing';

const STRATEGY_LAB_RUNS: LabConfig['runs'] = [
  { id: 'fixed', label: 'Fixed', strategy: { name: 'fixed' } },
  { id: 'amnl', label: 'AMNL', strategy: { name: 'amnl' } },
  { id: 'gaba', label: 'GABA', strategy: { name: 'gaba' } },
  { id: 'gabaInverseNorm', label: 'GABA (1/‖g‖)', strategy: { name: 'gabaInverseNorm' } },
];
const labConfig = (runs: number): LabConfig => ({ seed: 3, data: { kind: 'toy', seed: 11 }, runs: STRATEGY_LAB_RUNS.slice(0, runs) });
/** LambdaSweep's default sweep as the widget configures it (stacked: true, seven runs). */
const sweepConfig = (): LabConfig => sweepLabConfig({ steps: 600, seed: 0, data: 'toy' });
const toyData = () => resolveLabData({ kind: 'toy', seed: 11 }, new Map());
/** Every run on the fused trainer: today's op-by-op path on webgpu. */
const FUSED_ONLY: ResidentSupport = { unsupportedReason: () => 'op-by-op on purpose', create: () => { throw new Error('not used'); } };

export interface LabSpeedRequest {
  readonly backend: BackendName;
  /** StrategyLab's first `runs` runs (default), or LambdaSweep's seven ('sweep'; `runs` is then 7). */
  readonly lab?: 'strategy' | 'sweep';
  /**
   * 'resident': runs with a GPU plan on the resident step (webgpu only); 'fused': no run on the resident
   * step, so every run op by op, or for the sweep its stacked program (op by op on webgpu).
   */
  readonly path: 'resident' | 'fused';
  readonly runs: number;
  readonly stepsPerCall: number;
  readonly calls: number;
  readonly repeats: number;
  readonly wasmPaths?: string;
}
export interface LabSpeed {
  readonly backend: string;
  readonly paths: RunPath['path'][];
  /** Lab steps (every run one step) per second, median over the repeats. */
  readonly medianStepsPerSecond: number;
  readonly runs: number[];
}

export async function labSpeed(request: LabSpeedRequest): Promise<LabSpeed> {
  const choice = await selectBackend({ forced: request.backend, order: [request.backend], wasmPaths: request.wasmPaths });
  if (choice.name !== request.backend) throw new Error(`${request.backend} did not start: ${choice.skipped.map((s) => s.reason).join('; ')}`);
  const config = request.lab === 'sweep' ? sweepConfig() : labConfig(request.runs);
  const data = resolveLabData(config.data, new Map());
  const lab = createLab(config, data, request.path === 'fused' ? { resident: FUSED_ONLY } : {});
  try {
    await lab.steps(request.stepsPerCall); // compiles the programs
    const runs: number[] = [];
    for (let r = 0; r < request.repeats; r += 1) {
      const started = performance.now();
      for (let c = 0; c < request.calls; c += 1) await lab.steps(request.stepsPerCall);
      runs.push((request.calls * request.stepsPerCall * 1000) / (performance.now() - started));
    }
    return { backend: choice.name, paths: Object.values(lab.paths).map((p) => p.path), medianStepsPerSecond: median(runs), runs };
  } finally {
    lab.dispose();
  }
}

export interface LabLeakCheck {
  readonly paths?: RunPath['path'][];
  readonly before?: number;
  readonly afterFirst?: number;
  readonly afterCalls?: number;
  readonly afterDispose?: number;
  readonly error?: string;
}

/** StrategyLab's temporal backbone on a small synthetic fleet (20 engines of 30-cycle windows, so an evaluation is short on SwiftShader). */
const temporalLabConfig = (runs: number): LabConfig => ({ ...labConfig(runs), data: { kind: 'syntheticFleet', seed: 1, engines: 20 }, backbone: 'temporal' });

/**
 * Three resident runs (dense on the toy data, or temporal on the synthetic fleet): tensors after the
 * first call and evaluation, after `calls` more of each, after dispose.
 */
export async function residentLabCheck(backbone: 'dense' | 'temporal' = 'dense', calls = 20): Promise<LabLeakCheck> {
  try {
    await selectBackend({ order: ['webgpu'] });
    const config = backbone === 'temporal' ? temporalLabConfig(3) : labConfig(3);
    const data = backbone === 'temporal' ? resolveLabData(config.data, new Map(), prepareSyntheticFleetForLab) : toyData();
    const before = tf.memory().numTensors;
    const lab = createLab(config, data);
    const paths = Object.values(lab.paths).map((p) => p.path);
    await lab.steps(10);
    await lab.evaluate();
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < calls; i += 1) {
      await lab.steps(10);
      await lab.evaluate();
    }
    const afterCalls = tf.memory().numTensors;
    lab.dispose();
    return { paths, before, afterFirst, afterCalls, afterDispose: tf.memory().numTensors };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
