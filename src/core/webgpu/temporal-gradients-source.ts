/**
 * Phase 2 of the temporal resident step: one invocation per parameter entry, each summing its
 * gradient over the batch rows (and, for a convolution, over the time patches) from the rows phase's
 * scratch, for both tasks on the shared layers and for its own task on a head. Each workgroup adds
 * its entries' contributions to the Gramian and to the last shared layer's squared norms, and
 * leaves those five partial sums for the summary phase.
 */
import { TEMPORAL_WORKGROUP, lastSharedSlots, type LayerSlots, type TemporalLayout } from './temporal-layout';
import { failedGuardSource, poolRowSource } from './temporal-rows-source';

const W = TEMPORAL_WORKGROUP;

/** Statements setting s0, s1 for entry `e` of convolution i's weight or bias. */
function convolutionEntry(L: TemporalLayout, i: number): { weight: string; bias: string } {
  const conv = L.convolutions[i];
  const slot = L.convolutionSlots[i];
  const outWidth = conv.outLength * conv.outChannels;
  const inWidth = conv.inLength * conv.inChannels;
  // Where row r's input starts: its pool row's window, or its slice of the previous layer's output.
  const rowStart = i === 0 ? `baRow(t, r) * ${L.rowWidth}` : `${L.convolutionOutputs[i - 1]} + r * ${inWidth}`;
  const input = i === 0 ? 'poolX[tap]' : 'result[tap]';
  const errors = (task: number) => `result[${L.convolutionErrors[i]} + ${task * L.batch * outWidth} + r * ${outWidth} + p * ${conv.outChannels} + o]`;
  const weight = `let k = e - ${slot.weight};
        let o = k % ${slot.outputs};
        let column = k / ${slot.outputs};
        let j = column / ${conv.inChannels};
        let c = column % ${conv.inChannels};
        for (var r = 0; r < ${L.batch}; r++) {
          let rowStart = ${rowStart};
          for (var p = 0; p < ${conv.outLength}; p++) {
            let tap = rowStart + (p * ${conv.stride} + j) * ${conv.inChannels} + c;
            let value = ${input};
            s0 += value * ${errors(0)};
            s1 += value * ${errors(1)};
          }
        }`;
  const bias = `let o = e - ${slot.bias};
        for (var r = 0; r < ${L.batch}; r++) {
          for (var p = 0; p < ${conv.outLength}; p++) { s0 += ${errors(0)}; s1 += ${errors(1)}; }
        }`;
  return { weight, bias };
}

/** The same for dense layer i, whose input is the pooled output or the previous dense layer's. */
function denseEntry(L: TemporalLayout, i: number): { weight: string; bias: string } {
  const slot = L.denseSlots[i];
  const input = i === 0 ? L.pooled : L.denseOutputs[i - 1];
  const errors = (task: number) => `result[${L.denseErrors[i]} + ${task * L.batch * slot.outputs} + r * ${slot.outputs} + o]`;
  const weight = `let k = e - ${slot.weight};
        let o = k % ${slot.outputs};
        let column = k / ${slot.outputs};
        for (var r = 0; r < ${L.batch}; r++) {
          let value = result[${input} + r * ${slot.inputs} + column];
          s0 += value * ${errors(0)};
          s1 += value * ${errors(1)};
        }`;
  const bias = `let o = e - ${slot.bias};
        for (var r = 0; r < ${L.batch}; r++) { s0 += ${errors(0)}; s1 += ${errors(1)}; }`;
  return { weight, bias };
}

/** Statements setting `s` for head entry `e` (head 0 reads the RUL output error, head 1 the logits'). */
function headEntry(L: TemporalLayout, head: 0 | 1): { weight: string; bias: string } {
  const slot: LayerSlots = L.headSlots[head];
  const dense = L.denseSlots;
  const top = dense.length > 0 ? L.denseOutputs[dense.length - 1] : L.pooled;
  const error = (output: string) => `result[${L.outputErrors} + r * 4 + ${head} + ${output}]`;
  const weight = `let k = e - ${slot.weight};
        let o = k % ${slot.outputs};
        let column = k / ${slot.outputs};
        for (var r = 0; r < ${L.batch}; r++) { s0 += result[${top} + r * ${slot.inputs} + column] * ${error('o')}; }`;
  const bias = `let o = e - ${slot.bias};
        for (var r = 0; r < ${L.batch}; r++) { s0 += ${error('o')}; }`;
  return { weight, bias };
}

/** The gradient phase's user code. Dispatch: layout.gradientWorkgroups workgroups of TEMPORAL_WORKGROUP. */
export function temporalGradientsSource(L: TemporalLayout, poolRows: number): string {
  const blocks: { start: number; end: number; body: string }[] = [];
  const push = (slot: LayerSlots, entry: { weight: string; bias: string }) => {
    blocks.push({ start: slot.weight, end: slot.bias, body: entry.weight });
    blocks.push({ start: slot.bias, end: slot.bias + slot.outputs, body: entry.bias });
  };
  L.convolutionSlots.forEach((slot, i) => push(slot, convolutionEntry(L, i)));
  L.denseSlots.forEach((slot, i) => push(slot, denseEntry(L, i)));
  L.headSlots.forEach((slot, head) => push(slot, headEntry(L, head as 0 | 1)));
  const chain = blocks.map((block, i) => `${i === 0 ? '' : 'else '}if (e < ${block.end}) {
        ${block.body}
      }`).join(' ');
  const last = lastSharedSlots(L);
  return `
  var<workgroup> baGo: i32;
  var<workgroup> baPartial: array<f32, ${5 * W}>;
  ${poolRowSource(L.batch, poolRows)}

  fn main(index: i32) {
    _ = uniforms.NAN;
    _ = poolT[0];
    let lid = i32(localIndex);
    ${failedGuardSource(L)}
    let e = i32(workgroupId.x) * ${W} + lid;
    var s0 = 0.0;
    var s1 = 0.0;
    if (e < ${L.parameterCount}) {
      ${chain}
    }
    var pair = vec2<f32>(0.0, 0.0);
    if (e < ${L.sharedSize}) {
      result[${L.sharedGradients} + e] = s0;
      result[${L.sharedGradients + L.sharedSize} + e] = s1;
      pair = vec2<f32>(s0, s1);
    } else if (e < ${L.parameterCount}) {
      result[${L.headGradients - L.sharedSize} + e] = s0;
    }
    let isLast = e >= ${last.weight} && e < ${last.bias};
    baPartial[lid * 5] = pair.x * pair.x;
    baPartial[lid * 5 + 1] = pair.x * pair.y;
    baPartial[lid * 5 + 2] = pair.y * pair.y;
    baPartial[lid * 5 + 3] = select(0.0, s0 * s0, isLast);
    baPartial[lid * 5 + 4] = select(0.0, s1 * s1, isLast);
    workgroupBarrier();
    if (lid == 0) {
      var sums = array<f32, 5>(0.0, 0.0, 0.0, 0.0, 0.0);
      for (var i = 0; i < ${W}; i++) {
        for (var q = 0; q < 5; q++) { sums[q] += baPartial[i * 5 + q]; }
      }
      for (var q = 0; q < 5; q++) { result[${L.partials} + i32(workgroupId.x) * 5 + q] = sums[q]; }
    }
  }
`;
}
