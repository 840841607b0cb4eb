/**
 * The book's one definition of its scores for RUL predictions and health classifications, in plain
 * numbers (no tensors), so the same code scores a model in a Worker, the page, the CLI or a test.
 */

/**
 * The prediction every RUL score sees: clipped at 0, because an RUL cannot be negative and a network
 * that answers −20 for an engine with 10 cycles left has not been 30 cycles early in any useful sense.
 * RMSE and the NASA score both score this value (docs/step-semantics.md, "Scores").
 */
export function scoredRul(prediction: number): number {
  return Math.max(prediction, 0);
}

/** Root-mean-square error in cycles of the clipped predictions ({@link scoredRul}). */
export function rmse(prediction: ArrayLike<number>, truth: ArrayLike<number>): number {
  checkLengths(prediction, truth);
  let squares = 0;
  for (let i = 0; i < truth.length; i += 1) squares += (scoredRul(prediction[i]) - truth[i]) ** 2;
  return Math.sqrt(squares / truth.length);
}

// #region listing:nasa-score
/**
 * The PHM08 score, summed over engines with d = predicted − true: e^(−d/13) − 1 when early (d < 0),
 * e^(d/10) − 1 when late, so a late prediction costs more than an equally early one. Lower is better.
 * Predictions are clipped at 0 first ({@link scoredRul}), as for RMSE.
 */
export function nasaScore(prediction: ArrayLike<number>, truth: ArrayLike<number>): number {
  checkLengths(prediction, truth);
  let score = 0;
  for (let i = 0; i < truth.length; i += 1) {
    const d = scoredRul(prediction[i]) - truth[i];
    score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
  }
  return score;
}
// #endregion listing:nasa-score

/** Predicted class of each row of count × classCount logits (the first maximum wins ties). */
export function argmaxRows(logits: ArrayLike<number>, classCount = 3): Int32Array {
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
export function healthAccuracy(logits: ArrayLike<number>, labels: ArrayLike<number>, classCount = 3): number {
  const predicted = argmaxRows(logits, classCount);
  checkLengths(predicted, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i += 1) if (predicted[i] === labels[i]) correct += 1;
  return labels.length === 0 ? 0 : correct / labels.length;
}

/** Recall of each class (correct / present); NaN for a class with no rows, which has no recall. */
export function perClassRecall(logits: ArrayLike<number>, labels: ArrayLike<number>, classCount = 3): Float64Array {
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

/** How good the predictions on one set are. */
export interface PredictionMetrics {
  /** {@link rmse}, in cycles. */
  readonly rmse: number;
  /** {@link nasaScore}, summed over the rows scored. */
  readonly nasaScore: number;
  /** {@link healthAccuracy}. */
  readonly accuracy: number;
  /** Recall of the last (critical) class; NaN when no row is critical. */
  readonly criticalRecall: number;
}

/** Every score of RUL predictions and health logits (`rows × classCount`, row-major) against the truth. */
export function scorePredictions(
  rulPredictions: ArrayLike<number>,
  healthLogits: ArrayLike<number>,
  rul: ArrayLike<number>,
  health: ArrayLike<number>,
  classCount = 3,
): PredictionMetrics {
  const recall = perClassRecall(healthLogits, health, classCount);
  return {
    rmse: rmse(rulPredictions, rul),
    nasaScore: nasaScore(rulPredictions, rul),
    accuracy: healthAccuracy(healthLogits, health, classCount),
    criticalRecall: recall[classCount - 1],
  };
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
