/**
 * Where everything lives in the state buffer of the temporal GPU-resident trainer: parameters,
 * Adam's moments, the control block and the ring of records first, as in the dense layout
 * (resident-layout.ts), so one readback serves both; then the scratch its four phase programs
 * (temporal-rows-source.ts, temporal-gradients-source.ts, temporal-update-source.ts) pass to each
 * other: per row activations, per task and row pre-activation errors, the gradients, the per-workgroup
 * partial Gramians and the step's coefficients.
 */
import { layerShapes, type ModelConfig } from '../model';
import { convolutionShapes } from '../temporal';
import { CONTROL_SIZE, RECORD_SIZE } from './resident-layout';

/** Invocations per workgroup of the rows, gradient and update phases. */
export const TEMPORAL_WORKGROUP = 64;

/** One convolution in the step's terms: taps, stride, channels in and out, time steps in and out. */
export interface ConvolutionDims {
  readonly kernel: number;
  readonly stride: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inLength: number;
  readonly outLength: number;
}

/** A weight `[inputs, outputs]` at `weight` (row-major) and its bias at `bias`, in the flat parameters. */
export interface LayerSlots {
  readonly weight: number;
  readonly bias: number;
  readonly inputs: number;
  readonly outputs: number;
}

export interface TemporalLayout {
  readonly batch: number;
  readonly ring: number;
  /** Values in one pool row (windowLength × inputSize). */
  readonly rowWidth: number;
  readonly inputSize: number;
  readonly activation: ModelConfig['activation'];
  readonly convolutions: readonly ConvolutionDims[];
  /** Parameters: convolutions, dense layers, heads (layerShapes order). */
  readonly convolutionSlots: readonly LayerSlots[];
  readonly denseSlots: readonly LayerSlots[];
  readonly headSlots: readonly [LayerSlots, LayerSlots];
  readonly sharedSize: number;
  readonly headSize: number;
  readonly parameterCount: number;
  readonly firstMoment: number;
  readonly secondMoment: number;
  readonly control: number;
  readonly records: number;
  /** Per row: each convolution's output `[T_i, C_i]`, the time mean `[C]`, each dense layer's output. */
  readonly convolutionOutputs: readonly number[];
  readonly pooled: number;
  readonly denseOutputs: readonly number[];
  /** Per row: RUL output error, then the three health logits' errors; the row's two losses. */
  readonly outputErrors: number;
  readonly rowLosses: number;
  /** Per task and row (`(task·B + b)·width`): pre-activation errors of each layer, the pooled error. */
  readonly convolutionErrors: readonly number[];
  readonly pooledErrors: number;
  readonly denseErrors: readonly number[];
  /** Per-task shared gradients `[2, sharedSize]`, then the head gradients `[headSize]`. */
  readonly sharedGradients: number;
  readonly headGradients: number;
  /** Workgroups of the gradient phase, and their partial sums (G00, G01, G11, last-layer squares). */
  readonly gradientWorkgroups: number;
  readonly partials: number;
  /** The step's shared and head coefficients, from the summary phase to the update. */
  readonly coefficients: number;
  readonly size: number;
}

function slotsOf(shapes: readonly [number, number][], start: number): { slots: LayerSlots[]; end: number } {
  let at = start;
  const slots = shapes.map(([inputs, outputs]) => {
    const slot = { weight: at, bias: at + inputs * outputs, inputs, outputs };
    at += inputs * outputs + outputs;
    return slot;
  });
  return { slots, end: at };
}

/** Every offset of the state buffer of `model` (which must be temporal) for `batch` rows and a ring of `ring`. */
export function temporalLayout(model: ModelConfig, batch: number, ring: number): TemporalLayout {
  const temporal = model.temporal;
  if (temporal === undefined) throw new Error('temporalLayout needs a model with a temporal backbone');
  const { lengths } = convolutionShapes(model.inputSize, temporal);
  const convolutions = temporal.convolutions.map((conv, i): ConvolutionDims => ({
    kernel: conv.kernel, stride: conv.stride, outChannels: conv.channels, outLength: lengths[i],
    inChannels: i === 0 ? model.inputSize : temporal.convolutions[i - 1].channels,
    inLength: i === 0 ? temporal.windowLength : lengths[i - 1],
  }));
  const shapes = layerShapes(model);
  const conv = slotsOf(shapes.shared.slice(0, convolutions.length), 0);
  const dense = slotsOf(shapes.shared.slice(convolutions.length), conv.end);
  const heads = slotsOf(shapes.heads, dense.end);
  const sharedSize = dense.end;
  const parameterCount = heads.end;

  let at = 3 * parameterCount;
  const take = (count: number): number => {
    const start = at;
    at += count;
    return start;
  };
  const control = take(CONTROL_SIZE);
  const records = take(ring * RECORD_SIZE);
  const convolutionOutputs = convolutions.map((c) => take(batch * c.outLength * c.outChannels));
  const pooledWidth = convolutions[convolutions.length - 1].outChannels;
  const pooled = take(batch * pooledWidth);
  const denseOutputs = dense.slots.map((slot) => take(batch * slot.outputs));
  const outputErrors = take(batch * 4);
  const rowLosses = take(batch * 2);
  const convolutionErrors = convolutions.map((c) => take(2 * batch * c.outLength * c.outChannels));
  const pooledErrors = take(2 * batch * pooledWidth);
  const denseErrors = dense.slots.map((slot) => take(2 * batch * slot.outputs));
  const sharedGradients = take(2 * sharedSize);
  const headGradients = take(parameterCount - sharedSize);
  const gradientWorkgroups = Math.ceil(parameterCount / TEMPORAL_WORKGROUP);
  const partials = take(gradientWorkgroups * 5);
  const coefficients = take(4);
  return {
    batch, ring, rowWidth: model.inputSize * temporal.windowLength, inputSize: model.inputSize, activation: model.activation,
    convolutions, convolutionSlots: conv.slots, denseSlots: dense.slots, headSlots: [heads.slots[0], heads.slots[1]],
    sharedSize, headSize: parameterCount - sharedSize, parameterCount,
    firstMoment: parameterCount, secondMoment: 2 * parameterCount, control, records,
    convolutionOutputs, pooled, denseOutputs, outputErrors, rowLosses, convolutionErrors, pooledErrors, denseErrors,
    sharedGradients, headGradients, gradientWorkgroups, partials, coefficients, size: at,
  };
}

/** The slots of the last shared layer's weight (the last dense layer, or the last convolution without one). */
export function lastSharedSlots(layout: TemporalLayout): LayerSlots {
  const dense = layout.denseSlots;
  return dense.length > 0 ? dense[dense.length - 1] : layout.convolutionSlots[layout.convolutionSlots.length - 1];
}
