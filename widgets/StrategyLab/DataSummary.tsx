/**
 * What the pipeline found in the reader's training file (core's data/summary.ts): the operating
 * conditions with their rows, the normaliser fitted per condition on the training engines, and the
 * sensors it left out with how little they move within a condition.
 */
import type { DatasetSummary } from '../../src/core/data/summary';

/** Fixed digits, without the "-0.0" a centre a hair below zero would print. */
const fixed = (value: number, digits: number) => {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
};

export function DataSummary({ summary }: { readonly summary: DatasetSummary }) {
  const shown = summary.features.slice(0, 4);
  return (
    <details className="ba-data-summary" data-testid="lab-data-summary">
      <summary>
        {summary.conditions.length} operating condition{summary.conditions.length === 1 ? '' : 's'} found in {summary.rows.toLocaleString('en')} training rows; {summary.features.length} sensors used, {summary.dropped.length} dropped as constant
      </summary>
      <table className="ba-table" data-testid="lab-conditions">
        <caption className="ba-note">
          Each condition is normalised on its own (z-score with the mean and std of the training engines' rows in it, never validation or test rows). First sensors shown as mean / std.
        </caption>
        <thead>
          <tr>
            <th scope="col">condition</th><th scope="col">altitude (kft)</th><th scope="col">Mach</th><th scope="col">throttle</th><th scope="col">rows</th>
            {shown.map((name) => <th scope="col" key={name}>{name}</th>)}
          </tr>
        </thead>
        <tbody>
          {summary.conditions.map((condition, c) => (
            <tr key={c} data-condition={c}>
              <th scope="row">{c + 1}</th>
              <td>{fixed(condition.centre[0], 1)}</td><td>{fixed(condition.centre[1], 3)}</td><td>{fixed(condition.centre[2], 0)}</td>
              <td>{condition.rows.toLocaleString('en')}</td>
              {shown.map((name, f) => <td key={name}>{condition.mean[f].toPrecision(6)} / {condition.std[f].toPrecision(3)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ba-note" data-testid="lab-dropped">
        Sensors used: {summary.features.join(', ')}. Dropped: {summary.dropped.map((d) => `${d.name} (std within a condition ${d.withinConditionStd.toPrecision(2)})`).join(', ')}.
      </p>
    </details>
  );
}
