/**
 * Scores for RUL predictions and health classifications, in plain numbers (no tensors), so the same
 * code scores a model in a Worker, the page or a test.
 */

/** Root-mean-square error in cycles; negative predictions are clipped at 0 (an RUL cannot be negative). */
export function rmse(prediction: ArrayLike<number>, truth: ArrayLike<number>): number {
  checkLengths(prediction, truth);
  let squares = 0;
  for (let i = 0; i < truth.length; i += 1) squares += (Math.max(prediction[i], 0) - truth[i]) ** 2;
  return Math.sqrt(squares / truth.length);
}

// #region listing:nasa-score
/**
 * The PHM08 score, summed over engines with d = predicted − true: e^(−d/13) − 1 when early (d < 0),
 * e^(d/10) − 1 when late, so a late prediction costs more than an equally early one. Lower is better.
 */
export function nasaScore(prediction: ArrayLike<number>, truth: ArrayLike<number>): number {
  checkLengths(prediction, truth);
  let score = 0;
  for (let i = 0; i < truth.length; i += 1) {
    const d = prediction[i] - truth[i];
    score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
  }
  return score;
}
// #endregion listing:nasa-score

/** Predicted class of each row of count × classCount logits (the first maximum wins ties). */
export function argmaxRows(logits: Float32Array, classCount = 3): Int32Array {
  const count = Math.floor(logits.length / classCount);
  const classes = new Int32Array(count);
  for (let row = 0; row < count; row += 1) {
    let best = 0;
    for (let c = 1; c < classCount; c += 1) if (logits[row * classCount + c] > logits[row * classCount + best]) best = c;
    classes[row] = best;
  }
  return classes;
}

/** Share of rows whose largest logit is the true label. */
export function healthAccuracy(logits: Float32Array, labels: Int32Array, classCount = 3): number {
  const predicted = argmaxRows(logits, classCount);
  checkLengths(predicted, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i += 1) if (predicted[i] === labels[i]) correct += 1;
  return labels.length === 0 ? 0 : correct / labels.length;
}

/** Recall of each class (correct / present); NaN for a class with no rows, which has no recall. */
export function perClassRecall(logits: Float32Array, labels: Int32Array, classCount = 3): Float64Array {
  const predicted = argmaxRows(logits, classCount);
  checkLengths(predicted, labels);
  const present = new Float64Array(classCount);
  const correct = new Float64Array(classCount);
  for (let i = 0; i < labels.length; i += 1) {
    present[labels[i]] += 1;
    if (predicted[i] === labels[i]) correct[labels[i]] += 1;
  }
  return present.map((n, c) => (n === 0 ? Number.NaN : correct[c] / n));
}

/** Scores of the constant predictor that always answers the mean training RUL: the bar to beat. */
export interface BaselineScores {
  /** The constant predicted for every engine. */
  prediction: number;
  /** Its RMSE on `truth`. */
  rmse: number;
  /** Its NASA score on `truth`. */
  nasaScore: number;
}

/** How a model that ignores its inputs and predicts the mean training RUL would score. */
export function constantPredictorBaseline(trainRul: ArrayLike<number>, truth: ArrayLike<number>): BaselineScores {
  let sum = 0;
  for (let i = 0; i < trainRul.length; i += 1) sum += trainRul[i];
  const prediction = trainRul.length === 0 ? 0 : sum / trainRul.length;
  const constant = new Float64Array(truth.length).fill(prediction);
  return { prediction, rmse: rmse(constant, truth), nasaScore: nasaScore(constant, truth) };
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`metrics: ${a.length} predictions for ${b.length} true values`);
}
