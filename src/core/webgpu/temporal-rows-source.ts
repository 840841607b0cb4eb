/**
 * Phase 1 of the temporal resident step: one workgroup per batch row, its invocations spread over
 * the (time step, channel) outputs of each layer in turn. Forward through the convolutions (each a
 * dense layer on time patches), the mean over time, the dense layers and the heads; the row's two
 * losses and output errors; then both tasks' pre-activation errors back down to the first
 * convolution (docs/step-semantics.md, "Temporal model"; trainer/temporal-gradients.ts is the same
 * pass on tensors). Everything goes to scratch in the state buffer, where the gradient phase reads it.
 */
import type { ModelConfig } from '../model';
import { CONTROL } from './resident-layout';
import type { ResidentPlan } from './resident-plan';
import { TEMPORAL_WORKGROUP, type TemporalLayout } from './temporal-layout';
import { f } from './plans/wgsl';

const W = TEMPORAL_WORKGROUP;

/**
 * `baAct(z)` and its slope written in terms of the output, `baSlope(h)`, as dense-ops.ts's
 * activationSlope. A NaN goes through the activation as on the cpu backend: WGSL's max() may return
 * the other operand of a NaN, which would hide an overflow from the loss (found by the overflow test).
 */
export function activationSource(activation: ModelConfig['activation']): string {
  const isNaN = 'fn baIsNaN(z: f32) -> bool { return (bitcast<u32>(z) & 0x7fffffffu) > 0x7f800000u; }';
  switch (activation) {
    case 'relu':
      return `${isNaN}
  fn baAct(z: f32) -> f32 { return select(max(z, 0.0), z, baIsNaN(z)); }
  fn baSlope(h: f32) -> f32 { return select(0.0, 1.0, h > 0.0); }`;
    case 'tanh':
      return `${isNaN}
  fn baAct(z: f32) -> f32 { return select(tanh(z), z, baIsNaN(z)); }
  fn baSlope(h: f32) -> f32 { return 1.0 - h * h; }`;
    case 'elu':
      return `${isNaN}
  fn baAct(z: f32) -> f32 { return select(select(exp(z) - 1.0, z, z > 0.0), z, baIsNaN(z)); }
  fn baSlope(h: f32) -> f32 { return select(h + 1.0, 1.0, h > 0.0); }`;
  }
}

/** `fn baRow(t, sample)`: the pool row of sample `sample` at step t, ((t − 1)·B + i) mod N. */
export function poolRowSource(batch: number, poolRows: number): string {
  return `fn baRow(t: i32, sample: i32) -> i32 { return ((t - 1) * ${batch} + sample) % ${poolRows}; }`;
}

/** The start of every phase: leave when a step has failed, else `t`, the step under way (1-based). */
export function failedGuardSource(layout: TemporalLayout): string {
  return `if (lid == 0) { baGo = select(1, 0, result[${layout.control + CONTROL.failed}] != 0.0); }
    if (workgroupUniformLoad(&baGo) == 0) { return; }
    let t = i32(result[${layout.control + CONTROL.steps}]) + 1;`;
}

function forwardSource(L: TemporalLayout): string {
  const parts: string[] = [];
  L.convolutions.forEach((conv, i) => {
    const slot = L.convolutionSlots[i];
    const width = conv.outLength * conv.outChannels;
    const input = i === 0
      ? (at: string) => `poolX[xBase + ${at}]`
      : (at: string) => `result[${L.convolutionOutputs[i - 1]} + b * ${conv.inLength * conv.inChannels} + ${at}]`;
    parts.push(`for (var o = lid; o < ${width}; o += ${W}) {
      let tm = o / ${conv.outChannels};
      let c = o % ${conv.outChannels};
      var a = 0.0;
      for (var j = 0; j < ${conv.kernel}; j++) {
        let tap0 = (tm * ${conv.stride} + j) * ${conv.inChannels};
        let w = ${slot.weight} + j * ${conv.inChannels * conv.outChannels} + c;
        for (var ci = 0; ci < ${conv.inChannels}; ci++) { a += ${input('tap0 + ci')} * result[w + ci * ${conv.outChannels}]; }
      }
      result[${L.convolutionOutputs[i]} + b * ${width} + o] = baAct(a + result[${slot.bias} + c]);
    }
    storageBarrier();`);
  });
  const last = L.convolutions[L.convolutions.length - 1];
  const lastWidth = last.outLength * last.outChannels;
  parts.push(`for (var c = lid; c < ${last.outChannels}; c += ${W}) {
      var s = 0.0;
      for (var tm = 0; tm < ${last.outLength}; tm++) { s += ${f(1 / last.outLength)} * result[${L.convolutionOutputs[L.convolutions.length - 1]} + b * ${lastWidth} + tm * ${last.outChannels} + c]; }
      result[${L.pooled} + b * ${last.outChannels} + c] = s;
    }
    storageBarrier();`);
  L.denseSlots.forEach((slot, i) => {
    const input = i === 0 ? L.pooled : L.denseOutputs[i - 1];
    parts.push(`for (var o = lid; o < ${slot.outputs}; o += ${W}) {
      var a = 0.0;
      for (var r = 0; r < ${slot.inputs}; r++) { a += result[${input} + b * ${slot.inputs} + r] * result[${slot.weight} + r * ${slot.outputs} + o]; }
      result[${L.denseOutputs[i]} + b * ${slot.outputs} + o] = baAct(a + result[${slot.bias} + o]);
    }
    storageBarrier();`);
  });
  return parts.join('\n    ');
}

/** Where the heads read: the last dense layer's output, or the pooled one without dense layers. */
function topOf(L: TemporalLayout): { at: number; width: number } {
  const dense = L.denseSlots;
  return dense.length > 0 ? { at: L.denseOutputs[dense.length - 1], width: dense[dense.length - 1].outputs } : { at: L.pooled, width: L.headSlots[0].inputs };
}

function headsSource(L: TemporalLayout, plan: ResidentPlan): string {
  const { at, width } = topOf(L);
  const [rul, health] = L.headSlots;
  const B = L.batch;
  const rulWeight = plan.rulLoss === 'weightedMse' ? '(2.0 - min(rul, 125.0) * 0.008)' : '1.0';
  return `if (lid == 0) {
      let top = ${at} + b * ${width};
      var y = 0.0;
      var z: array<f32, 3>;
      for (var i = 0; i < ${width}; i++) { y += result[top + i] * result[${rul.weight} + i]; }
      y += result[${rul.bias}];
      for (var c = 0; c < 3; c++) {
        var a = 0.0;
        for (var i = 0; i < ${width}; i++) { a += result[top + i] * result[${health.weight} + i * 3 + c]; }
        z[c] = a + result[${health.bias} + c];
      }
      let rul = poolT[row * 2];
      let label = i32(poolT[row * 2 + 1]);
      let error = y - rul;
      let weighted = ${rulWeight} * error;
      let zMax = max(z[0], max(z[1], z[2]));
      var e: array<f32, 3>;
      var eTotal = 0.0;
      for (var c = 0; c < 3; c++) { e[c] = exp(z[c] - zMax); eTotal += e[c]; }
      result[${L.rowLosses} + b * 2] = weighted * error;
      result[${L.rowLosses} + b * 2 + 1] = log(eTotal) - (z[label] - zMax);
      result[${L.outputErrors} + b * 4] = weighted * ${f(2 / B)};
      for (var c = 0; c < 3; c++) { result[${L.outputErrors} + b * 4 + 1 + c] = (e[c] / eTotal - select(0.0, 1.0, c == label)) * ${f(1 / B)}; }
    }
    storageBarrier();`;
}

/** Task `task`'s error on input `i` of the heads (an i32 expression in scope as `i`). */
function headErrorSource(L: TemporalLayout): string {
  const [rul, health] = L.headSlots;
  return `select(
        result[${L.outputErrors} + b * 4 + 1] * result[${health.weight} + i * 3] + result[${L.outputErrors} + b * 4 + 2] * result[${health.weight} + i * 3 + 1] + result[${L.outputErrors} + b * 4 + 3] * result[${health.weight} + i * 3 + 2],
        result[${L.outputErrors} + b * 4] * result[${rul.weight} + i], task == 0)`;
}

function backwardSource(L: TemporalLayout): string {
  const B = L.batch;
  const parts: string[] = [];
  const dense = L.denseSlots;
  // Dense layers, last first: the error arriving at a layer's output times its slope.
  for (let l = dense.length - 1; l >= 0; l -= 1) {
    const width = dense[l].outputs;
    const arriving = l === dense.length - 1
      ? headErrorSource(L)
      : `baSumTimes(${L.denseErrors[l + 1]} + (task * ${B} + b) * ${dense[l + 1].outputs}, ${dense[l + 1].weight} + i * ${dense[l + 1].outputs}, ${dense[l + 1].outputs})`;
    parts.push(`for (var k = lid; k < ${2 * width}; k += ${W}) {
      let task = k / ${width};
      let i = k % ${width};
      let arriving = ${arriving};
      result[${L.denseErrors[l]} + (task * ${B} + b) * ${width} + i] = arriving * baSlope(result[${L.denseOutputs[l]} + b * ${width} + i]);
    }
    storageBarrier();`);
  }
  const convs = L.convolutions;
  const last = convs[convs.length - 1];
  const pooledArriving = dense.length > 0
    ? `baSumTimes(${L.denseErrors[0]} + (task * ${B} + b) * ${dense[0].outputs}, ${dense[0].weight} + i * ${dense[0].outputs}, ${dense[0].outputs})`
    : headErrorSource(L);
  parts.push(`for (var k = lid; k < ${2 * last.outChannels}; k += ${W}) {
      let task = k / ${last.outChannels};
      let i = k % ${last.outChannels};
      result[${L.pooledErrors} + (task * ${B} + b) * ${last.outChannels} + i] = ${pooledArriving};
    }
    storageBarrier();`);
  const lastWidth = last.outLength * last.outChannels;
  parts.push(`for (var k = lid; k < ${2 * lastWidth}; k += ${W}) {
      let task = k / ${lastWidth};
      let o = k % ${lastWidth};
      let spread = result[${L.pooledErrors} + (task * ${B} + b) * ${last.outChannels} + o % ${last.outChannels}] * ${f(1 / last.outLength)};
      result[${L.convolutionErrors[convs.length - 1]} + (task * ${B} + b) * ${lastWidth} + o] = spread * baSlope(result[${L.convolutionOutputs[convs.length - 1]} + b * ${lastWidth} + o]);
    }
    storageBarrier();`);
  // Convolution i's patch errors folded back onto the time steps of its input (conv i − 1's output).
  for (let i = convs.length - 1; i >= 1; i -= 1) {
    const conv = convs[i];
    const slot = L.convolutionSlots[i];
    const inWidth = conv.inLength * conv.inChannels;
    const outWidth = conv.outLength * conv.outChannels;
    parts.push(`for (var k = lid; k < ${2 * inWidth}; k += ${W}) {
      let task = k / ${inWidth};
      let at = k % ${inWidth};
      let tm = at / ${conv.inChannels};
      let c = at % ${conv.inChannels};
      let first = select(0, (tm - ${conv.kernel} + ${conv.stride}) / ${conv.stride}, tm >= ${conv.kernel});
      let lastPatch = min(${conv.outLength - 1}, tm / ${conv.stride});
      var s = 0.0;
      for (var p = first; p <= lastPatch; p++) {
        let j = tm - p * ${conv.stride};
        s += baSumTimes(${L.convolutionErrors[i]} + (task * ${B} + b) * ${outWidth} + p * ${conv.outChannels}, ${slot.weight} + (j * ${conv.inChannels} + c) * ${conv.outChannels}, ${conv.outChannels});
      }
      result[${L.convolutionErrors[i - 1]} + (task * ${B} + b) * ${inWidth} + at] = s * baSlope(result[${L.convolutionOutputs[i - 1]} + b * ${inWidth} + at]);
    }
    storageBarrier();`);
  }
  return parts.join('\n    ');
}

/** The rows phase's user code (bindings by tfjs: `result` = state, `poolX`, `poolT`). Dispatch: B workgroups of TEMPORAL_WORKGROUP. */
export function temporalRowsSource(L: TemporalLayout, plan: ResidentPlan, poolRows: number): string {
  return `
  var<workgroup> baGo: i32;
  ${activationSource(L.activation)}
  ${poolRowSource(L.batch, poolRows)}
  // Σ_o result[a + o]·result[w + o]: an error row against a weight row.
  fn baSumTimes(a: i32, w: i32, count: i32) -> f32 {
    var s = 0.0;
    for (var o = 0; o < count; o++) { s += result[a + o] * result[w + o]; }
    return s;
  }

  fn main(index: i32) {
    _ = uniforms.NAN;
    let lid = i32(localIndex);
    let b = i32(workgroupId.x);
    ${failedGuardSource(L)}
    let row = baRow(t, b);
    let xBase = row * ${L.rowWidth};
    ${forwardSource(L)}
    ${headsSource(L, plan)}
    ${backwardSource(L)}
  }
`;
}
