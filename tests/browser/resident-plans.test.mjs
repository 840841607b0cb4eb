// Each GPU plan of the resident WebGPU trainer (src/core/webgpu/plans/) alone, in Chromium on
// SwiftShader WebGPU, against its TypeScript strategy's plan: a WGSL harness (bench/page/plan-harness.ts)
// runs only the plan over 400 random steps (Gramians with conflicting, aligned, opposite, orthogonal,
// zero and tiny gradients; losses and last-layer norms over decades), carrying the plan's state from
// step to step, and every weight and coefficient must agree to 1e-5 relative. Two plans are held to
// 1e-5 relative to the larger of each pair instead, because float32 cannot bound the small member's
// own relative error: GradNorm's cut at zero leaves a weight that is the difference of two O(1)
// numbers (w − step), and DWA's softmax gives e^{−Δ}, whose relative error grows as Δ·2⁻²⁴ (Δ near
// 100 when losses fall by decades between blocks).
import { assert, test } from './harness.mjs';
import { withBenchPage } from './bench-page.mjs';

const TOLERANCE = 1e-5;
const STEPS = 400;
const ADAM = { kind: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const FAST_ADAM = { kind: 'adam', learningRate: 0.05, beta1: 0.8, beta2: 0.99, epsilon: 1e-8 };
const SGD = { kind: 'sgd', learningRate: 0.01 };

/** A seed per case from its name, so adding a case leaves the others' random steps as they were. */
function seedOf(name) {
  let seed = 7;
  for (const character of name) seed = (seed * 31 + character.codePointAt(0)) >>> 0;
  return seed;
}

const CASES = [
  { name: 'fixed', strategy: { name: 'fixed', hyper: { weights: [0.75, 0.25] } } },
  { name: 'amnl', strategy: { name: 'amnl' } },
  { name: 'amnlNormalised', strategy: { name: 'amnlNormalised' } },
  { name: 'gaba', strategy: { name: 'gaba', hyper: { warmupSteps: 5, beta: 0.9 } } },
  { name: 'gabaInverseNorm', strategy: { name: 'gabaInverseNorm', hyper: { warmupSteps: 5, beta: 0.9 } } },
  { name: 'grace', strategy: { name: 'grace' } },
  { name: 'uncertainty paper (Adam)', strategy: { name: 'uncertainty', hyper: { form: 'paper' } }, optimiser: FAST_ADAM },
  { name: 'uncertainty libmtl (Adam, s₀ = 1)', strategy: { name: 'uncertainty', hyper: { form: 'libmtl', initialLogVariance: 1 } } },
  { name: 'uncertainty paper (SGD)', strategy: { name: 'uncertainty', hyper: { form: 'paper' } }, optimiser: SGD },
  { name: 'dwa (blocks of 3, T = 2)', strategy: { name: 'dwa', hyper: { blockSize: 3, temperature: 2 } }, scale: 'pair' },
  { name: 'dwa (blocks of 1, T = 0.5)', strategy: { name: 'dwa', hyper: { blockSize: 1, temperature: 0.5 } }, scale: 'pair' },
  { name: 'pcgrad', strategy: { name: 'pcgrad', hyper: { seed: 7 } } },
  { name: 'mgda', strategy: { name: 'mgda' } },
  { name: 'upgrad', strategy: { name: 'upgrad' } },
  { name: 'dualProj', strategy: { name: 'dualProj' } },
  { name: 'gradnorm (α = 1.5)', strategy: { name: 'gradnorm' }, optimiser: FAST_ADAM, scale: 'pair' },
  { name: 'gradnorm (α = 0, SGD)', strategy: { name: 'gradnorm', hyper: { alpha: 0, weightLr: 1e-3 } }, optimiser: SGD, scale: 'pair' },
].map((entry) => ({ optimiser: ADAM, seed: seedOf(entry.name), steps: STEPS, ...entry }));

test('every GPU plan gives the TypeScript plan\'s weights and coefficients on random Gramians and losses', async ({ webgpuBrowser }) => {
  const results = await withBenchPage(await webgpuBrowser(), (page) => page.evaluate((cases) => window.residentPlanCheck(cases), CASES));
  assert.equal(results.length, CASES.length);
  results.forEach((result, i) => {
    const where = result.worstAt ? ` (step ${result.worstAt.step}, output ${result.worstAt.output}: gpu ${result.worstAt.gpu}, ts ${result.worstAt.ts})` : '';
    const [worst, ofPair] = [result.worst, result.worstOfPair].map((value) => Number(value).toExponential(1));
    console.log(`     ${result.name}: ${result.steps} steps, worst ${worst} relative, ${ofPair} of the pair${where}`);
    assert.equal(result.error, undefined, `${result.name}: ${result.error}`);
    const measured = CASES[i].scale === 'pair' ? result.worstOfPair : result.worst;
    assert.ok(measured <= TOLERANCE, `${result.name}: differs by ${measured} relative${where}`);
  });
});
