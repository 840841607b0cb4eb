/**
 * N dense networks of one shape, their parameters stacked so that one program trains them all with
 * few kernels: every hidden layer as weight `[N, in, out]` and bias `[N, 1, out]`, and all heads side
 * by side, weight `[N, H, ΣO]` and bias `[N, 1, ΣO]` (head k owns columns `offset_k … offset_k + O_k`),
 * so that one product serves every task. This file owns the layout: building it from each network's
 * values, and reading them back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerShapes, type DenseLayer, type ExplicitParameters, type ModelConfig } from '../model';

export interface StackedNetworks {
  readonly config: ModelConfig;
  readonly modelCount: number;
  readonly hidden: readonly DenseLayer[];
  readonly heads: DenseLayer;
  /** Column offset of each head in `heads`. */
  readonly headOffsets: readonly number[];
  /** Every variable, in the order the optimiser and {@link unstackParameters} read them. */
  readonly variables: readonly tf.Variable[];
}

/** Column offsets of heads of these sizes placed side by side. */
function offsetsOf(sizes: readonly number[]): number[] {
  return sizes.map((_, k) => sizes.slice(0, k).reduce((sum, size) => sum + size, 0));
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** Stack `initial` (one entry per network, all of `config`'s shape) into variables. */
export function stackNetworks(config: ModelConfig, initial: readonly ExplicitParameters[]): StackedNetworks {
  const modelCount = initial.length;
  const shapes = layerShapes(config);
  const headOffsets = offsetsOf(config.headSizes);
  const headWidth = sum(config.headSizes);
  const lastWidth = shapes.heads[0][0];
  const headWeight = new Float32Array(modelCount * lastWidth * headWidth);
  const headBias = new Float32Array(modelCount * headWidth);
  initial.forEach((values, n) =>
    values.heads.forEach((head, k) => {
      head.weight.forEach((row, i) => headWeight.set(row, (n * lastWidth + i) * headWidth + headOffsets[k]));
      headBias.set(head.bias, n * headWidth + headOffsets[k]);
    }),
  );
  const variable = (values: ArrayLike<number>, shape: [number, number, number]): tf.Variable => {
    const tensor = tf.tensor3d(Float32Array.from(values), shape);
    const held = tf.variable(tensor);
    tensor.dispose();
    return held;
  };
  const hidden = shapes.shared.map(([fanIn, fanOut], l) => ({
    weight: variable(initial.flatMap((values) => values.shared[l].weight.flat()), [modelCount, fanIn, fanOut]),
    bias: variable(initial.flatMap((values) => values.shared[l].bias), [modelCount, 1, fanOut]),
  }));
  const heads = { weight: variable(headWeight, [modelCount, lastWidth, headWidth]), bias: variable(headBias, [modelCount, 1, headWidth]) };
  const variables = [...hidden, heads].flatMap((layer) => [layer.weight, layer.bias]);
  return { config, modelCount, hidden, heads, headOffsets, variables };
}

/**
 * Each network's parameters in the trainer's JSON form, from `flat`: every variable of `stacked`
 * flattened and concatenated in {@link StackedNetworks.variables} order (one readback).
 */
export function unstackParameters(stacked: StackedNetworks, flat: Float32Array): ExplicitParameters[] {
  const { config, modelCount, headOffsets } = stacked;
  const shapes = layerShapes(config);
  const headWidth = sum(config.headSizes);
  let cursor = 0;
  const take = (count: number): Float32Array => flat.subarray(cursor, (cursor += count));
  const hidden = shapes.shared.map(([fanIn, fanOut]) => ({ fanIn, fanOut, weight: take(modelCount * fanIn * fanOut), bias: take(modelCount * fanOut) }));
  const lastWidth = shapes.heads[0][0];
  const headWeight = take(modelCount * lastWidth * headWidth);
  const headBias = take(modelCount * headWidth);
  if (cursor !== flat.length) throw new Error(`stacked parameters: expected ${cursor} values, got ${flat.length}`);

  const rows = (values: Float32Array, count: number, width: number, start: (row: number) => number): number[][] =>
    Array.from({ length: count }, (_, row) => Array.from(values.subarray(start(row), start(row) + width)));
  return Array.from({ length: modelCount }, (_, n) => ({
    shared: hidden.map(({ fanIn, fanOut, weight, bias }) => ({
      weight: rows(weight, fanIn, fanOut, (i) => (n * fanIn + i) * fanOut),
      bias: Array.from(bias.subarray(n * fanOut, (n + 1) * fanOut)),
    })),
    heads: config.headSizes.map((size, k) => ({
      weight: rows(headWeight, lastWidth, size, (i) => (n * lastWidth + i) * headWidth + headOffsets[k]),
      bias: Array.from(headBias.subarray(n * headWidth + headOffsets[k], n * headWidth + headOffsets[k] + size)),
    })),
  }));
}
