/**
 * The plan harness: each GPU plan (src/core/webgpu/plans/) run alone, as a small WGSL program on the
 * tfjs WebGPU backend, over a sequence of random steps (Gramian, losses, last-layer norms), against
 * the TypeScript strategy's plan fed the same float32 inputs. The state carries from step to step on
 * both sides, so EMAs, blocks, learned scalars and warm-ups are exercised too.
 */
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../../src/core/backend';
import type { OptimiserConfig } from '../../src/core/optimiser-config';
import { createRandom, type RandomSource } from '../../src/core/random';
import { createStrategy, type StrategySpec } from '../../src/core/strategies/index';
import { CONTROL_SIZE } from '../../src/core/webgpu/resident-layout';
import { residentHyperUniform, residentPlanFor } from '../../src/core/webgpu/resident-plan';
import { initialControl, planFunctionSource } from '../../src/core/webgpu/plans/index';
import { WGSL_HELPERS } from '../../src/core/webgpu/plans/wgsl';
import type { WebGPUBackendLike, WebGPUProgramLike } from '../../src/core/webgpu/webgpu-program';

/** Per step: t, losses (2), G00, G01, G11, last-layer norms (2). */
const INPUT_SIZE = 8;
/** Per step: weights (2), shared coefficients (2), head coefficients (2). */
const OUTPUT_SIZE = 6;


const logUniform = (random: RandomSource, low: number, high: number) => Math.exp(random.uniform(Math.log(low), Math.log(high)));

/** Which kind of step: the edge cases come round regularly among the plain random ones. */
const KINDS = ['random', 'conflicting', 'aligned', 'opposite', 'zero0', 'zero1', 'zeroBoth', 'tiny', 'random', 'orthogonal'] as const;

/** `count` steps of float32 inputs (as the step program would measure them). */
export function randomSteps(seed: number, count: number): Float32Array {
  const random = createRandom(seed);
  const inputs = new Float32Array(count * INPUT_SIZE);
  for (let i = 0; i < count; i += 1) {
    const kind = KINDS[random.int(KINDS.length)];
    const scale = kind === 'tiny' ? [1e-6, 1e-4] : [1e-3, 1e3];
    let n0 = logUniform(random, scale[0], scale[1]);
    let n1 = logUniform(random, scale[0], scale[1]);
    if (kind === 'zero0' || kind === 'zeroBoth') n0 = 0;
    if (kind === 'zero1' || kind === 'zeroBoth') n1 = 0;
    const cosine = { conflicting: random.uniform(-1, -0.01), aligned: 1, opposite: -1, orthogonal: 0 }[kind as string] ?? random.uniform(-1, 1);
    const losses = [logUniform(random, 1e-3, 1e2), logUniform(random, 1e-3, 1e1)];
    const lastNorms = [n0 * random.uniform(0.05, 1), n1 * random.uniform(0.05, 1)];
    inputs.set([i + 1, losses[0], losses[1], n0 * n0, cosine * n0 * n1, n1 * n1, lastNorms[0], lastNorms[1]], i * INPUT_SIZE);
  }
  return inputs;
}

function harnessSource(planFunction: string, steps: number): string {
  return `
  ${WGSL_HELPERS}
  ${planFunction}

  fn main(index: i32) {
    _ = uniforms.NAN;
    if (index != 0) { return; }
    for (var i = 0; i < ${CONTROL_SIZE}; i++) { result[i] = initial[i]; }
    for (var i = 0; i < ${steps}; i++) {
      let at = i * ${INPUT_SIZE};
      let p = baPlan(i32(inputs[at]), inputs[at + 1], inputs[at + 2], inputs[at + 3], inputs[at + 4], inputs[at + 5], inputs[at + 6], inputs[at + 7]);
      let out = ${CONTROL_SIZE} + i * ${OUTPUT_SIZE};
      result[out] = p.w0; result[out + 1] = p.w1; result[out + 2] = p.k0; result[out + 3] = p.k1; result[out + 4] = p.h0; result[out + 5] = p.h1;
    }
  }
`;
}

export interface PlanCheckCase {
  readonly name: string;
  readonly strategy: StrategySpec;
  readonly optimiser: OptimiserConfig;
  readonly seed: number;
  readonly steps: number;
}

export interface PlanCheckResult {
  readonly name: string;
  readonly steps: number;
  /** Largest |gpu − ts| / max(|ts|, 1e-6) over every output of every step. */
  readonly worst: number;
  /** The same, relative to the larger of the output's pair (w0, w1; k0, k1; h0, h1) instead. */
  readonly worstOfPair: number;
  readonly worstAt: { step: number; output: number; gpu: number; ts: number } | null;
  readonly error?: string;
}

async function runOnGpu(check: PlanCheckCase, inputs: Float32Array): Promise<Float32Array> {
  const plan = residentPlanFor(createStrategy(check.strategy, { taskCount: 2, optimiser: check.optimiser }), check.optimiser);
  if (typeof plan === 'string') throw new Error(plan);
  const source = harnessSource(planFunctionSource(plan, 0), check.steps);
  const program: WebGPUProgramLike = {
    variableNames: ['initial', 'inputs'],
    outputShape: [CONTROL_SIZE + check.steps * OUTPUT_SIZE],
    shaderKey: `baPlanHarness_${check.name}_${check.steps}`,
    dispatchLayout: { x: [0] },
    dispatch: [1, 1, 1],
    workgroupSize: [1, 1, 1],
    // The plan reads its retunable settings from this uniform, as in the step program.
    uniforms: 'hyper : vec4<f32>,',
    getUserCode: () => source,
  };
  const initial = tf.tensor1d(initialControl(plan));
  const stepInputs = tf.tensor1d(inputs);
  const backend = tf.backend() as unknown as WebGPUBackendLike;
  const output = tf.engine().makeTensorFromTensorInfo(backend.runWebGPUProgram(program, [initial, stepInputs], 'float32', [{ type: 'float32', data: residentHyperUniform(plan) }]));
  try {
    return ((await output.data()) as Float32Array).slice(CONTROL_SIZE);
  } finally {
    tf.dispose([initial, stepInputs, output]);
  }
}

function runInTypeScript(check: PlanCheckCase, inputs: Float32Array): Float64Array {
  const strategy = createStrategy(check.strategy, { taskCount: 2, optimiser: check.optimiser });
  const outputs = new Float64Array(check.steps * OUTPUT_SIZE);
  for (let i = 0; i < check.steps; i += 1) {
    const [step, loss0, loss1, g00, g01, g11, last0, last1] = inputs.subarray(i * INPUT_SIZE, (i + 1) * INPUT_SIZE);
    const plan = strategy.plan({ step, losses: [loss0, loss1], sharedGramian: [[g00, g01], [g01, g11]], lastLayerNorms: [last0, last1] });
    outputs.set([...plan.weights, ...plan.sharedCoefficients, ...plan.headCoefficients], i * OUTPUT_SIZE);
  }
  return outputs;
}

/** Each case's plan on the GPU and in TypeScript over the same random steps; the worst relative error. */
export async function residentPlanCheck(cases: readonly PlanCheckCase[]): Promise<PlanCheckResult[]> {
  await selectBackend({ order: ['webgpu'] });
  const results: PlanCheckResult[] = [];
  for (const check of cases) {
    try {
      const inputs = randomSteps(check.seed, check.steps);
      const [gpu, ts] = [await runOnGpu(check, inputs), runInTypeScript(check, inputs)];
      let worst = 0;
      let worstOfPair = 0;
      let worstAt: PlanCheckResult['worstAt'] = null;
      const relative = (error: number) => (Number.isNaN(error) ? Infinity : error);
      ts.forEach((expected, i) => {
        const difference = Math.abs(gpu[i] - expected);
        const measured = relative(difference / Math.max(Math.abs(expected), 1e-6));
        const pairScale = Math.max(Math.abs(ts[i - (i % 2)]), Math.abs(ts[i - (i % 2) + 1]), 1e-6);
        worstOfPair = Math.max(worstOfPair, relative(difference / pairScale));
        if (measured > worst || worstAt === null) {
          worst = Math.max(worst, measured);
          worstAt = { step: Math.floor(i / OUTPUT_SIZE) + 1, output: i % OUTPUT_SIZE, gpu: gpu[i], ts: expected };
        }
      });
      results.push({ name: check.name, steps: check.steps, worst, worstOfPair, worstAt });
    } catch (error) {
      results.push({ name: check.name, steps: check.steps, worst: NaN, worstOfPair: NaN, worstAt: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
