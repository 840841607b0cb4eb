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

const STEPS = 200;
const TOLERANCE = 1e-4;
const scenario = JSON.parse(readFileSync(path.join(ROOT, 'reference/temporal/scenario.json'), 'utf8'));

function replay(browser, cases, steps) {
  return withBenchPage(browser, (page) => page.evaluate(([list, count]) => window.temporalResidentParity(list, count), [cases, steps]));
}

function check(result) {
  const keys = ['losses', 'gradNorms', 'weights', 'coefficients', 'cosine', 'parameters'];
  const figures = keys.map((key) => `${key} ${Number(result[key]).toExponential(1)}`).join(', ');
  const worst = result.parameterWorstAt;
  const where = worst ? ` (parameter ${worst.index}: ${worst.resident} vs ${worst.cpu})` : '';
  console.log(`     ${result.name}: ${result.recordsCompared} steps, ${figures}${where}${result.cpuFailure ? `; stopped at step ${result.cpuFailure.step}` : ''}`);
  assert.equal(result.error, undefined, `${result.name}: ${result.error}`);
  for (const key of keys) assert.ok(result[key] <= TOLERANCE, `${result.name}: ${key} differs by ${result[key]} relative`);
  assert.equal(result.projectionsDiffer, 0, `${result.name}: PCGrad's projection count differs at ${result.projectionsDiffer} steps`);
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
    check(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});
