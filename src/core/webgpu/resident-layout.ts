/**
 * Where everything lives in the GPU-resident trainer's one state buffer (a float32 WebGPU tensor):
 * parameters, Adam's moments, the control block (step counters, strategy state, the sticky
 * non-finite flag) and the ring of step records. The step program's scratch lives in workgroup
 * memory (resident-passes.ts). The shader (resident-shader.ts) and the host (resident-trainer.ts)
 * both read offsets from here only.
 */

/** The dense toy network this path trains: 14 → 32 → 32 (ReLU), heads of 1 and 3 outputs. */
export const FEATURES = 14;
export const WIDTH = 32;
export const CLASSES = 3;

/** Flat parameter offsets, in listVariables order (shared W, b, …, then head V, c, …). */
export const PARAM = Object.freeze({
  w0: 0,
  b0: FEATURES * WIDTH,
  w1: FEATURES * WIDTH + WIDTH,
  b1: FEATURES * WIDTH + WIDTH + WIDTH * WIDTH,
  v0: FEATURES * WIDTH + 2 * WIDTH + WIDTH * WIDTH,
  c0: FEATURES * WIDTH + 2 * WIDTH + WIDTH * WIDTH + WIDTH,
  v1: FEATURES * WIDTH + 2 * WIDTH + WIDTH * WIDTH + WIDTH + 1,
  c1: FEATURES * WIDTH + 2 * WIDTH + WIDTH * WIDTH + WIDTH + 1 + WIDTH * CLASSES,
});
/** Shared parameters (both shared layers), then every parameter. */
export const SHARED_SIZE = PARAM.v0;
export const PARAMETER_COUNT = PARAM.c1 + CLASSES;

/** Slots of the control block. */
export const CONTROL = Object.freeze({
  /** Steps applied so far (the trainer's and Adam's t). */
  steps: 0,
  /** GABA's own counter (moves with every applied step, as the controller's). */
  strategySteps: 1,
  ema0: 2,
  ema1: 3,
  /** 1 once a step met a non-finite value; every later step then applies nothing. */
  failed: 4,
  failedStep: 5,
  failedTask: 6,
  /** 0 loss, 1 gradient. */
  failedQuantity: 7,
  /** First of the slots a strategy's GPU plan keeps its own state in (plans/plan-source.ts). */
  planState: 8,
});
export const CONTROL_SIZE = 24;

/**
 * One ring record: step, losses (2), gradient norms (2), cosine, weights (2), last-layer norms (2),
 * shared coefficients (2), head coefficients (2), PCGrad's projections (−1 for other strategies).
 */
export const RECORD_SIZE = 15;

/** Every offset of the state buffer for a batch of `batch` rows and a ring of `ring` records. */
export interface StateLayout {
  readonly batch: number;
  readonly ring: number;
  readonly firstMoment: number;
  readonly secondMoment: number;
  readonly control: number;
  readonly records: number;
  readonly size: number;
}

export function stateLayout(batch: number, ring: number): StateLayout {
  const firstMoment = PARAMETER_COUNT;
  const secondMoment = 2 * PARAMETER_COUNT;
  const control = 3 * PARAMETER_COUNT;
  const records = control + CONTROL_SIZE;
  const size = records + ring * RECORD_SIZE;
  return { batch, ring, firstMoment, secondMoment, control, records, size };
}
