/**
 * The "train a real model" switch for loaded files: what the preset trains (from the core's preset),
 * that the test engines are scored once at the end with the parameters the validation engines chose,
 * and the published FD001 figures to compare with.
 */
import { formatReference } from '../../src/book/content/bibliography';
import { FD001_PRESET } from '../../src/core/lab/fd001-preset';
import type { LabEvaluation } from '../../src/live/types';
import { PUBLISHED_FD001 } from './preset-model';

interface PresetPanelProps {
  readonly active: boolean;
  readonly available: boolean;
  readonly disabled: boolean;
  readonly onToggle: (active: boolean) => void;
  readonly evaluations: readonly LabEvaluation[];
}

const shape = FD001_PRESET.temporalShape;
const description = `convolutions ${shape.convolutions.map((c) => `${c.kernel}×${c.channels}`).join(', ')} over the 30-cycle window (the last one spans what is left of it), dense ${shape.hidden.join(', ')}${FD001_PRESET.rulBiasAtTrainingMean ? ', the RUL output starting at the training mean' : ''}; batch ${FD001_PRESET.batchSize}; Adam with a ${FD001_PRESET.warmupSteps}-step warm-up to ${FD001_PRESET.peakLearningRate} and a cosine decay; validation RMSE every ${FD001_PRESET.evaluateEvery} steps, the best parameters kept`;

export function PresetPanel({ active, available, disabled, onToggle, evaluations }: PresetPanelProps) {
  const tested = evaluations.filter((e) => e.split === 'test');
  return (
    <div className="ba-preset" data-testid="lab-preset">
      <label className="ba-inline-field" title={available ? undefined : 'Load train, test and RUL files first'}>
        <input type="checkbox" checked={active} disabled={disabled || !available} data-testid="lab-preset-toggle"
          onChange={(event) => onToggle(event.currentTarget.checked)} />
        Train a real model (preset for loaded files, {FD001_PRESET.steps.toLocaleString('en')} steps)
      </label>
      {active && (
        <>
          <p className="ba-note">Preset: {description}. Everything was chosen on validation engines held out of the training file. The test engines are scored once, at the end of the run, with each strategy's parameters from its best validation step.</p>
          {tested.length > 0 && (
            <p className="ba-note" data-testid="lab-preset-scored">
              Test set scored once, after the last step: {tested.map((e) => `${e.runId} with its step-${e.scoredStep ?? e.step} parameters`).join('; ')}.
            </p>
          )}
          <table className="ba-table" data-testid="lab-published">
            <caption className="ba-note">Published FD001 test RMSE (last window per engine, RUL capped at 125), as reported by each paper, not run here.</caption>
            <thead><tr><th scope="col">model (published)</th><th scope="col">test RMSE</th><th scope="col">source</th></tr></thead>
            <tbody>
              {PUBLISHED_FD001.map((row) => (
                <tr key={row.source}><th scope="row">{row.model}</th><td>{row.rmse.toFixed(2)}</td><td title={formatReference(row.source)}>[{row.source}]</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
