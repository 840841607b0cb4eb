// The temporal GPU-resident trainer (src/core/webgpu/temporal-*.ts) against the cpu backend's fused
// temporal trainer, in Chromium on SwiftShader WebGPU: the committed temporal scenario
// (reference/temporal/scenario.json: conv 5/2 → conv 3/2, 16 channels, mean, 32, batch 32 of 64
// windows) for 200 steps under several strategies, the FD001 preset's network with its warm-up and
// cosine schedule at a smaller batch, and a window that overflows, which must stop both paths at the
// same step and task with the parameters before it. Losses, gradient norms, weights, coefficients
// within 1e-4 relative at every step; final parameters within 1e-4 relative to max(|x|, 1e-2).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, ROOT, test } from './harness.mjs';
import { withBenchPage } from './bench-page.mjs';
import { checkParity } from './parity-check.mjs';

const STEPS = 200;
const scenario = JSON.parse(readFileSync(path.join(ROOT, 'reference/temporal/scenario.json'), 'utf8'));

function replay(browser, cases, steps) {
  return withBenchPage(browser, (page) => page.evaluate(([list, count]) => window.temporalResidentParity(list, count), [cases, steps]));
}


const withStrategy = (name, strategy) => ({ ...scenario, name, strategy });

test('the temporal GPU-resident trainer replays the committed temporal scenario as the cpu backend does, under fixed, GABA, Uncertainty, PCGrad and MGDA', async ({ webgpuBrowser }) => {
  const cases = [
    withStrategy('temporal-gaba', scenario.strategy),
    withStrategy('temporal-fixed', { name: 'fixed' }),
    withStrategy('temporal-uncertainty', { name: 'uncertainty' }),
    withStrategy('temporal-pcgrad', { name: 'pcgrad' }),
    withStrategy('temporal-mgda', { name: 'mgda' }),
  ];
  for (const result of await replay(await webgpuBrowser(), cases, STEPS)) {
    checkParity(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});

/**
 * The FD001 preset's network (src/core/lab/fd001-preset.ts: conv 10/1 16ch → conv 10/1 16ch → conv
 * 12/1 32ch, 30 → 21 → 12 → 1 steps, dense 64) under its Adam schedule compressed to the run as
 * presetOptimiser does (peak 5e-3, warm-up a quarter, cosine to 2 %), on the committed scenario's
 * windows. Batch 32 and 100 steps instead of 256 and 1,000: the cpu backend's fused step takes about
 * 0.15 s a step at this size in this browser, and the test must finish within the harness's 120 s.
 * The two float32 paths sum the convolutions' 672 products per weight entry in different orders
 * and drift apart slowly: at 150 steps the gradient norms differed by 8.7e-5, near the bound, at 100
 * by 4.3e-5. GABA leaves its warm-up at step 20, so the weights move for 80 steps.
 */
const FD001_STEPS = 100;
const FD001_CASE = {
  ...scenario,
  name: 'temporal-fd001-shape-scheduled',
  model: {
    ...scenario.model,
    hidden: [64],
    temporal: { windowLength: 30, convolutions: [{ kernel: 10, stride: 1, channels: 16 }, { kernel: 10, stride: 1, channels: 16 }, { kernel: 12, stride: 1, channels: 32 }] },
  },
  parameters: { seed: 5 },
  strategy: { name: 'gaba', hyper: { warmupSteps: 20 } },
  optimiser: { ...scenario.optimiser, learningRate: 5e-3, schedule: { warmupSteps: 25, totalSteps: 100, finalFraction: 0.02 } },
};

test('the temporal GPU-resident trainer trains the FD001 preset’s network under its learning-rate schedule as the cpu backend does', async ({ webgpuBrowser }) => {
  const [result] = await replay(await webgpuBrowser(), [FD001_CASE], FD001_STEPS);
  checkParity(result);
  assert.equal(result.recordsCompared, FD001_STEPS);
  assert.equal(result.residentFailure, null);
});

test('a window that overflows stops the temporal GPU-resident trainer at the step and task where the cpu backend stops, with the parameters before it', async ({ webgpuBrowser }) => {
  // Row 40 is in the second batch of 32 (rows 32–63).
  const x = scenario.data.x.map((row, i) => (i === 40 ? row.map(() => 3e38) : row));
  const overflowing = { ...scenario, name: 'temporal-overflow', data: { ...scenario.data, x } };
  const [result] = await replay(await webgpuBrowser(), [overflowing], STEPS);
  checkParity(result);
  assert.ok(result.cpuFailure, 'the cpu trainer meets the overflow');
  assert.equal(result.cpuFailure.step, 2);
  assert.deepEqual(result.residentFailure, result.cpuFailure);
  assert.equal(result.recordsCompared, 1);
});
