/**
 * The slice of tfjs-backend-webgpu's program interface that our own WGSL programs use (its
 * WebGPUProgram and runWebGPUProgram, loosely typed, since the backend package does not export them):
 * the resident trainer's step and copy programs and the plan harness of the tests.
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface WebGPUProgramLike {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms?: string;
  getUserCode(): string;
}

export interface WebGPUBackendLike {
  runWebGPUProgram(program: WebGPUProgramLike, inputs: tf.TensorInfo[], dtype: tf.DataType, uniforms?: { type: string; data: number[] }[], output?: tf.TensorInfo): tf.TensorInfo;
}
