// The GPU-resident WebGPU trainer (src/core/webgpu/) against the cpu backend's fused trainer, in
// Chromium on SwiftShader WebGPU: every committed scenario whose strategy has a GPU plan (fixed, AMNL,
// AMNL-normalised, the GABA family, Uncertainty, DWA, PCGrad, GradNorm, MGDA, UPGrad, DualProj:
// resident-plan.ts), 200 steps, losses, gradient norms and weights within 1e-4 relative at every
// step, final parameters too. A
// scenario whose pool holds an overflowing row must stop at the same step and task on both paths,
// with the parameters as they were before that step. The bench page (bench/page/) hosts the code.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, ROOT, test } from './harness.mjs';
import { withBenchPage } from './bench-page.mjs';
import { checkParity } from './parity-check.mjs';

const STEPS = 200;

function committedScenarios() {
  const directory = path.join(ROOT, 'reference/scenarios');
  return readdirSync(directory).sort().map((file) => JSON.parse(readFileSync(path.join(directory, file), 'utf8')));
}

/** gaba.json with one pool row scaled up until the forward pass overflows: step 2 takes that row. */
function overflowingScenario(gaba) {
  const x = gaba.data.x.map((row, i) => (i === 100 ? row.map(() => 3e38) : row));
  return { ...gaba, name: 'gaba-overflow', data: { ...gaba.data, x } };
}

function replay(browser, scenarios) {
  return withBenchPage(browser, (page) => page.evaluate(([list, steps]) => window.residentParity(list, steps), [scenarios, STEPS]));
}


test('the GPU-resident trainer replays the fixed-weight and AMNL scenarios as the cpu backend does, and stops where it does', async ({ webgpuBrowser }) => {
  const all = committedScenarios();
  const fixed = all.filter((scenario) => ['fixed', 'amnl', 'amnlNormalised'].includes(scenario.strategy.name));
  assert.equal(fixed.length, 4, 'fixed, fixed-sgd, amnl and amnl-normalised');
  const results = await replay(await webgpuBrowser(), [...fixed, overflowingScenario(all.find((scenario) => scenario.name === 'gaba'))]);
  for (const result of results) {
    checkParity(result);
    if (result.name === 'gaba-overflow') {
      assert.ok(result.cpuFailure, 'the cpu trainer meets the overflow');
      assert.deepEqual(result.residentFailure, result.cpuFailure);
      // Only the steps before the failing one were applied, on both paths, and the parameters agree.
      assert.equal(result.recordsCompared, result.cpuFailure.step - 1);
    } else {
      assert.equal(result.recordsCompared, STEPS);
      assert.equal(result.residentFailure, null);
    }
  }
});

test('the GPU-resident trainer replays the GABA-family scenarios (EMA, warm-up, floor) as the cpu backend does', async ({ webgpuBrowser }) => {
  const gabaFamily = committedScenarios().filter((scenario) => ['gaba', 'gabaInverseNorm', 'grace'].includes(scenario.strategy.name));
  assert.equal(gabaFamily.length, 4, 'gaba, gaba-warmup20, gaba-inverse-norm and grace');
  for (const result of await replay(await webgpuBrowser(), gabaFamily)) {
    checkParity(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});

test('the GPU-resident trainer replays the Uncertainty, DWA and GradNorm scenarios (learned scalars, loss blocks) as the cpu backend does', async ({ webgpuBrowser }) => {
  const planned = committedScenarios().filter((scenario) => ['uncertainty', 'dwa', 'gradnorm'].includes(scenario.strategy.name));
  assert.equal(planned.length, 4, 'uncertainty-paper, uncertainty-libmtl, dwa and gradnorm');
  for (const result of await replay(await webgpuBrowser(), planned)) {
    checkParity(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});

test('the GPU-resident trainer replays the PCGrad, MGDA, UPGrad and DualProj scenarios (Gramian projections, unit heads) as the cpu backend does', async ({ webgpuBrowser }) => {
  const planned = committedScenarios().filter((scenario) => ['pcgrad', 'mgda', 'upgrad', 'dualProj'].includes(scenario.strategy.name));
  assert.equal(planned.length, 4, 'pcgrad, mgda, upgrad and dualproj');
  for (const result of await replay(await webgpuBrowser(), planned)) {
    checkParity(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});

/** A scenario trained with the learning rate warmed up over 20 steps, then decayed to 10 % by step 150 and held. */
const scheduled = (scenario) => ({ scenario, schedule: { warmupSteps: 20, totalSteps: 150, finalFraction: 0.1 } });

test('the GPU-resident trainer follows a learning-rate schedule (warm-up, cosine decay, the floor after it) as the cpu backend does', async ({ webgpuBrowser }) => {
  const all = committedScenarios();
  const picked = ['gaba', 'fixed-sgd'].map((name) => scheduled(all.find((scenario) => scenario.name === name)));
  for (const result of await replay(await webgpuBrowser(), picked)) {
    checkParity(result);
    assert.equal(result.recordsCompared, STEPS);
    assert.equal(result.residentFailure, null);
  }
});
