/**
 * What of the temporal GPU-resident trainer runs without a GPU: the state layout (parameters in
 * layerShapes order, scratch that does not overlap), the refusals, the shared readback decoding and
 * the flat parameters turned back into JSON form. The programs themselves are held against the cpu
 * backend in tests/browser/temporal-resident-parity.test.mjs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { WEBGPU_RESIDENT_SUPPORT } from '../lab/resident-run';
import { DEFAULT_MODEL_CONFIG, DEFAULT_TEMPORAL_MODEL_CONFIG, drawInitialParameters, layerShapes, type ModelConfig } from '../model';
import { DEFAULT_ADAM } from '../optimiser-config';
import { createStrategy } from '../strategies/index';
import { CONTROL, CONTROL_SIZE, RECORD_SIZE, stateLayout } from './resident-layout';
import { residentPlanFor, type ResidentPlan } from './resident-plan';
import { decodeReadback } from './resident-readout';
import { initialState, unflattenParameters } from './resident-setup';
import { lastSharedSlots, temporalLayout } from './temporal-layout';
import { temporalShapeRefusal } from './temporal-resident-trainer';
import { temporalGradientsSource } from './temporal-gradients-source';
import { temporalRowsSource } from './temporal-rows-source';
import { temporalSummarySource, temporalUpdateSource } from './temporal-update-source';

const FD001_SHAPE: ModelConfig = {
  ...DEFAULT_TEMPORAL_MODEL_CONFIG,
  hidden: [64],
  temporal: { windowLength: 30, convolutions: [{ kernel: 10, stride: 1, channels: 16 }, { kernel: 10, stride: 1, channels: 16 }, { kernel: 12, stride: 1, channels: 32 }] },
};

const gabaPlan = residentPlanFor(createStrategy({ name: 'gaba' }, { taskCount: 2, optimiser: DEFAULT_ADAM }), DEFAULT_ADAM) as ResidentPlan;

describe('the temporal resident state layout', () => {
  it('puts every layer where listVariables order puts it, heads after the shared layers', () => {
    for (const model of [DEFAULT_TEMPORAL_MODEL_CONFIG, FD001_SHAPE]) {
      const layout = temporalLayout(model, 64, 16);
      const shapes = layerShapes(model);
      const slots = [...layout.convolutionSlots, ...layout.denseSlots, ...layout.headSlots];
      expect(slots.map((slot) => [slot.inputs, slot.outputs])).toEqual([...shapes.shared, ...shapes.heads]);
      let at = 0;
      for (const slot of slots) {
        expect(slot.weight).toBe(at);
        expect(slot.bias).toBe(at + slot.inputs * slot.outputs);
        at = slot.bias + slot.outputs;
      }
      expect(layout.parameterCount).toBe(at);
      expect(layout.sharedSize).toBe(layout.headSlots[0].weight);
      expect(lastSharedSlots(layout)).toBe(layout.denseSlots[layout.denseSlots.length - 1]);
    }
    expect(temporalLayout(DEFAULT_TEMPORAL_MODEL_CONFIG, 64, 16).parameterCount).toBe(2596);
  });

  it('keeps the dense layout’s prefix (parameters, moments, control, ring) and gives each scratch region its own span', () => {
    const layout = temporalLayout(FD001_SHAPE, 256, 32);
    const P = layout.parameterCount;
    expect([layout.firstMoment, layout.secondMoment, layout.control, layout.records]).toEqual([P, 2 * P, 3 * P, 3 * P + CONTROL_SIZE]);
    const regions: [number, number][] = [
      [layout.records, 32 * RECORD_SIZE],
      ...layout.convolutions.map((c, i): [number, number] => [layout.convolutionOutputs[i], 256 * c.outLength * c.outChannels]),
      [layout.pooled, 256 * 32], [layout.denseOutputs[0], 256 * 64], [layout.outputErrors, 256 * 4], [layout.rowLosses, 256 * 2],
      ...layout.convolutions.map((c, i): [number, number] => [layout.convolutionErrors[i], 2 * 256 * c.outLength * c.outChannels]),
      [layout.pooledErrors, 2 * 256 * 32], [layout.denseErrors[0], 2 * 256 * 64],
      [layout.sharedGradients, 2 * layout.sharedSize], [layout.headGradients, layout.headSize],
      [layout.partials, 5 * layout.gradientWorkgroups], [layout.coefficients, 4],
    ];
    regions.forEach(([start, length], i) => {
      const end = i + 1 < regions.length ? regions[i + 1][0] : layout.size;
      expect(start + length).toBe(end);
    });
    expect(layout.convolutions.map((c) => c.outLength)).toEqual([21, 12, 1]);
    expect(layout.convolutions.map((c) => c.inChannels)).toEqual([14, 16, 16]);
  });

  it('writes the four phase programs for every activation and for a stack without dense layers', () => {
    for (const activation of ['relu', 'tanh', 'elu'] as const) {
      for (const hidden of [[32], [], [24, 8]]) {
        const layout = temporalLayout({ ...DEFAULT_TEMPORAL_MODEL_CONFIG, activation, hidden }, 8, 4);
        const sources = [temporalRowsSource(layout, gabaPlan, 20), temporalGradientsSource(layout, 20), temporalSummarySource(layout, gabaPlan), temporalUpdateSource(layout, gabaPlan)];
        for (const source of sources) expect(source).toContain('fn main(index: i32)');
        if (hidden.length === 0) expect(lastSharedSlots(layout)).toBe(layout.convolutionSlots[1]);
      }
    }
  });
});

describe('the temporal resident step refuses, with a sentence,', () => {
  it('dense models, other heads, batches outside 1…256 and convolution stacks that do not fit the window', () => {
    expect(temporalShapeRefusal(DEFAULT_MODEL_CONFIG, 64)).toMatch(/temporal models only/);
    expect(temporalShapeRefusal({ ...DEFAULT_TEMPORAL_MODEL_CONFIG, headSizes: [1, 4] }, 64)).toMatch(/heads of 1 and 3/);
    expect(temporalShapeRefusal(DEFAULT_TEMPORAL_MODEL_CONFIG, 257)).toMatch(/1 to 256 rows, got 257/);
    expect(temporalShapeRefusal(DEFAULT_TEMPORAL_MODEL_CONFIG, 0)).toMatch(/1 to 256 rows/);
    const tooWide = { ...DEFAULT_TEMPORAL_MODEL_CONFIG, temporal: { windowLength: 4, convolutions: [{ kernel: 5, stride: 1, channels: 4 }] } };
    expect(temporalShapeRefusal(tooWide, 8)).toMatch(/wider than the 4 time steps/);
    expect(temporalShapeRefusal(DEFAULT_TEMPORAL_MODEL_CONFIG, 64)).toBeNull();
    expect(temporalShapeRefusal(FD001_SHAPE, 256)).toBeNull();
    expect(temporalShapeRefusal({ ...FD001_SHAPE, activation: 'tanh', hidden: [] }, 1)).toBeNull();
  });

  it('and the labs’ WebGPU support asks the temporal trainer about a temporal model, the dense one about a dense model', async () => {
    await tf.setBackend('cpu');
    const support = WEBGPU_RESIDENT_SUPPORT;
    expect(support.unsupportedReason(FD001_SHAPE, 256)).toBe('the GPU-resident step needs the webgpu backend, not cpu');
    expect(support.unsupportedReason(FD001_SHAPE, 512)).toMatch(/1 to 256 rows, got 512/);
    expect(support.unsupportedReason({ ...FD001_SHAPE, headSizes: [1, 5] }, 64)).toMatch(/heads of 1 and 3/);
    expect(support.unsupportedReason({ ...DEFAULT_MODEL_CONFIG, hidden: [16] }, 64)).toMatch(/written for the dense 14 → 32 → 32/);
    expect(support.unsupportedReason(DEFAULT_MODEL_CONFIG, 64)).toBe('the GPU-resident step needs the webgpu backend, not cpu');
  });
});

describe('the resident trainers’ shared host', () => {
  it('turns the flat parameters back into layers in layerShapes order, for the temporal and the dense model', () => {
    for (const model of [FD001_SHAPE, DEFAULT_TEMPORAL_MODEL_CONFIG, DEFAULT_MODEL_CONFIG]) {
      const values = drawInitialParameters(model, 3);
      const count = [...values.shared, ...values.heads].reduce((sum, layer) => sum + layer.weight.flat().length + layer.bias.length, 0);
      const state = initialState(count + CONTROL_SIZE, count, values, gabaPlan);
      const back = unflattenParameters(state.subarray(0, count), model);
      expect(back.shared.length).toBe(values.shared.length);
      back.shared.forEach((layer, i) => {
        expect(layer.weight.length).toBe(values.shared[i].weight.length);
        expect(layer.weight.flat()).toEqual(values.shared[i].weight.flat().map(Math.fround));
        expect(layer.bias).toEqual(values.shared[i].bias.map(Math.fround));
      });
      expect(back.heads.map((layer) => layer.bias)).toEqual(values.heads.map((layer) => layer.bias.map(Math.fround)));
      expect(state[count + CONTROL.ema0]).toBe(0.5);
      expect(() => unflattenParameters(state.subarray(0, count - 1), model)).toThrow(/expected/);
    }
  });

  it('decodes the records after the last read from the ring, wrapping, and the sticky failure', () => {
    const ring = 4;
    const block = new Float32Array(CONTROL_SIZE + ring * RECORD_SIZE);
    const write = (step: number, projections: number) => {
      const at = CONTROL_SIZE + ((step - 1) % ring) * RECORD_SIZE;
      block.set([step, 10 + step, 20 + step, 1, 2, 0.5, 0.25, 0.75, 3, 4, 0.3, 0.7, 0.3, 0.7, projections], at);
    };
    for (let step = 1; step <= 6; step += 1) write(step, step === 6 ? 1 : -1);
    block[CONTROL.steps] = 6;
    const decoded = decodeReadback(block, 3, ring);
    expect(decoded.applied).toBe(6);
    expect(decoded.records.map((record) => record.step)).toEqual([4, 5, 6]);
    expect(decoded.records[0]).toEqual({
      step: 4, losses: [14, 24], gradNorms: [1, 2], cosine: 0.5, weights: [0.25, 0.75],
      sharedCoefficients: [Math.fround(0.3), Math.fround(0.7)], headCoefficients: [Math.fround(0.3), Math.fround(0.7)], lastLayerNorms: [3, 4],
    });
    expect(decoded.records[2].projections).toBe(1);
    expect(decoded.failure).toBeNull();
    block.set([1, 7, 1, 1], CONTROL.failed);
    const failed = decodeReadback(block, 6, ring);
    expect(failed.records).toEqual([]);
    expect(failed.failure).toMatchObject({ step: 7, task: 1, quantity: 'gradient' });
    expect(() => decodeReadback(block.subarray(1), 0, ring)).toThrow(/readback holds/);
  });

  it('lays out the dense state with the same prefix the readback relies on', () => {
    const dense = stateLayout(64, 8);
    expect(dense.records).toBe(dense.control + CONTROL_SIZE);
  });
});
