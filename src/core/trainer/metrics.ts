/**
 * Scores of a network's predictions, as the C-MAPSS literature reports them
 * (algorithms.md, "Metrics"). Pure numbers: no tensors.
 */

/** How good the predictions on one set are. */
export interface PredictionMetrics {
  /** Root mean squared RUL error in cycles, predictions clipped at 0. */
  readonly rmse: number;
  /** PHM08 score: Σ e^{−d/13} − 1 for early (d < 0), Σ e^{d/10} − 1 for late predictions. */
  readonly nasaScore: number;
  /** Share of rows whose largest health logit is the true class. */
  readonly accuracy: number;
  /** Share of truly critical rows (the last class) predicted critical; NaN when there are none. */
  readonly criticalRecall: number;
}

/** Index of the largest of `count` logits starting at `offset`. */
function argmax(logits: ArrayLike<number>, offset: number, count: number): number {
  let best = 0;
  for (let c = 1; c < count; c += 1) if (logits[offset + c] > logits[offset + best]) best = c;
  return best;
}

/** Score RUL predictions and health logits (`rows × classes`, row-major) against the truth. */
export function scorePredictions(
  rulPredictions: ArrayLike<number>,
  healthLogits: ArrayLike<number>,
  rul: ArrayLike<number>,
  health: ArrayLike<number>,
): PredictionMetrics {
  const rows = rul.length;
  const classes = healthLogits.length / rows;
  const critical = classes - 1;
  let squares = 0;
  let nasaScore = 0;
  let correct = 0;
  let criticalRows = 0;
  let criticalFound = 0;
  for (let i = 0; i < rows; i += 1) {
    const d = Math.max(rulPredictions[i], 0) - rul[i];
    squares += d * d;
    nasaScore += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
    const predicted = argmax(healthLogits, i * classes, classes);
    if (predicted === health[i]) correct += 1;
    if (health[i] === critical) {
      criticalRows += 1;
      if (predicted === critical) criticalFound += 1;
    }
  }
  return {
    rmse: Math.sqrt(squares / rows),
    nasaScore,
    accuracy: correct / rows,
    criticalRecall: criticalRows > 0 ? criticalFound / criticalRows : Number.NaN,
  };
}
