/**
 * Every task's gradient for the temporal backbone, with the backward pass written by hand as for the
 * dense model (closed-form-gradients.ts), instead of the replica trick on the gradient tape. Each
 * convolution is one plain `[P·B, k·C_in]·[k·C_in, C_out]` product on time-major patches
 * (time-patches.ts); its backward is the same products turned round, with the patch gradients
 * scattered back to their time steps by a constant one-hot matrix. The K task errors sit side by side
 * in the columns, `[rows, K·C]`, so one product per layer serves every task.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DenseLayer, ModelParameters } from '../model';
import type { TaskLossKind } from '../losses';
import { convolutionLength, type TemporalConfig } from '../temporal';
import type { Batch } from './batch';
import { checkWindowWidth } from './forward';
import { activationSlope, denseForward, product, transposeOnce } from '../dense-ops';
import { denseStackGradients } from './closed-form-gradients';
import type { PerTaskGradients } from './per-task-gradients';
import { foldTimeMajor, meanOverTime, spreadOverTime, unfoldTimeMajor, unfoldWindows } from './time-patches';

/** Whether {@link temporalPerTaskGradients} covers this model: every temporal backbone. */
export function hasTemporalClosedForm(params: ModelParameters): params is ModelParameters & { config: { temporal: TemporalConfig } } {
  return params.config.temporal !== undefined;
}

/**
 * `[rows, K·C]` task errors times the activation's slope `[rows, C]`, the same slope for every task:
 * one Multiply broadcasting over `[rows, K, C]`. (Repeating the slope K times first, as a product with
 * identity blocks, then multiplying took three kernels and more CPU time on wasm, measured.)
 */
function slopeTimesErrors(error: tf.Tensor2D, slope: tf.Tensor2D, taskCount: number): tf.Tensor2D {
  const [rows, channels] = slope.shape;
  return tf.reshape(tf.mul(tf.reshape(error, [rows, taskCount, channels]), tf.reshape(slope, [rows, 1, channels])), [rows, taskCount * channels]);
}

/** The first convolution's patches: the ones the pool cut for this batch if they fit, else cut now. */
function inputPatches(batch: Batch, windowLength: number, kernel: number, stride: number): tf.Tensor2D {
  const cut = batch.windowPatches;
  const rows = convolutionLength(windowLength, { kernel, stride }) * batch.features.shape[0];
  const fits = cut !== undefined && cut.windowLength === windowLength && cut.kernel === kernel && cut.stride === stride && cut.patches.shape[0] === rows;
  return fits ? cut.patches : unfoldWindows(batch.features, windowLength, kernel, stride);
}

/** One convolution's forward: its patches (kept for the weight gradient) and its time-major output. */
interface ConvolutionPass {
  readonly patches: tf.Tensor2D;
  readonly output: tf.Tensor2D;
}

// #region listing:temporal-gradients
/**
 * Forward once on time-major rows, then carry the K errors back: dense layers and heads as the dense
 * closed form does, the mean over time spread back evenly, and per convolution (last first) the
 * activation's slope, the weight gradient `patchesᵀ · error`, and, except at the input, the error on
 * the patches `error · Wᵀ` folded back onto the time steps it came from.
 */
export function temporalPerTaskGradients(params: ModelParameters, batch: Batch, kinds: readonly TaskLossKind[]): PerTaskGradients {
  if (!hasTemporalClosedForm(params)) throw new Error('temporalPerTaskGradients needs a model with a temporal backbone');
  const { temporal, activation } = params.config;
  checkWindowWidth(batch.features, params.config);
  return tf.tidy(() => {
    const { windowLength, convolutions } = temporal;
    const taskCount = params.heads.length;
    const batchSize = batch.features.shape[0];
    const transposed = transposeOnce();
    const convolutionLayers = params.shared.slice(0, convolutions.length);

    const passes: ConvolutionPass[] = [];
    let hidden = batch.features;
    convolutions.forEach(({ kernel, stride }, i) => {
      const patches = i === 0 ? inputPatches(batch, windowLength, kernel, stride) : unfoldTimeMajor(hidden, batchSize, kernel, stride);
      hidden = denseForward(patches, convolutionLayers[i].weight, convolutionLayers[i].bias, activation);
      passes.push({ patches, output: hidden });
    });
    const pooled = meanOverTime(hidden, batchSize);
    const dense = denseStackGradients(pooled, params.shared.slice(convolutions.length), params, batch, kinds, true);
    if (dense.inputError === undefined) throw new Error('the dense stack returned no input error');

    const lengths = [windowLength, ...passes.map((pass) => pass.output.shape[0] / batchSize)];
    let error = spreadOverTime(dense.inputError as tf.Tensor2D, lengths[lengths.length - 1]);
    const convolutionGradients: tf.Tensor[] = [];
    for (let i = convolutions.length - 1; i >= 0; i -= 1) {
      const { patches, output } = passes[i];
      const layer: DenseLayer<tf.Tensor> = convolutionLayers[i];
      const [patchWidth, channels] = layer.weight.shape;
      const slope = activationSlope(output, activation);
      const preActivationError = slopeTimesErrors(error, slope as tf.Tensor2D, taskCount);
      // [k·C_in, P·B] · [P·B, K·C_out]: column block k is task k's weight gradient.
      const weightGradients = product(patches, preActivationError, 'a', transposed);
      convolutionGradients.unshift(
        tf.transpose(tf.reshape(weightGradients, [patchWidth, taskCount, channels]), [1, 0, 2]),
        // Σ over rows as a product: tfjs-wasm's Sum transposes before it reduces along a column.
        tf.reshape(tf.matMul(tf.fill([1, preActivationError.shape[0]], 1) as tf.Tensor2D, preActivationError as tf.Tensor2D), [taskCount, channels]),
      );
      if (i > 0) {
        // Row (p, b, k) is task k's error at patch p of example b; Wᵀ turns it into the patch's error.
        const rows = preActivationError.shape[0] * taskCount;
        const patchErrors = product(tf.reshape(preActivationError, [rows, channels]), layer.weight, 'b', transposed) as tf.Tensor2D;
        const { kernel, stride } = convolutions[i];
        const folded = foldTimeMajor(patchErrors, batchSize * taskCount, lengths[i], kernel, stride);
        error = tf.reshape(folded, [lengths[i] * batchSize, taskCount * (patchWidth / kernel)]);
      }
    }
    return { losses: dense.losses, sharedGradients: [...convolutionGradients, ...dense.layerGradients], headGradients: dense.headGradients };
  });
}
// #endregion listing:temporal-gradients
