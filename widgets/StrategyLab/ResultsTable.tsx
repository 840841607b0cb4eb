/** The lab's results: the latest validation metrics of every strategy, exportable as CSV. */
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { colourClass } from './Charts';
import { RESULT_COLUMNS, resultCsvRows, type ResultRow } from './model';
import { MathText } from '../shared/MathLabel';

const show = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function ResultsTable({ rows }: { readonly rows: readonly ResultRow[] }) {
  return (
    <div className="ba-table-wrap">
      <table className="ba-table" data-testid="lab-results">
        <caption className="ba-note">Validation metrics at the latest evaluation (RMSE and NASA score on RUL, accuracy and critical-class recall on health)</caption>
        <thead>
          <tr><th scope="col">strategy</th><th scope="col">step</th><th scope="col">RMSE</th><th scope="col">NASA score</th><th scope="col">health acc.</th><th scope="col">critical recall</th><th scope="col"><MathText text="λ_rul" /> share</th><th scope="col">norm ratio</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.strategy} data-strategy={row.strategy}>
              <th scope="row"><span className={colourClass(row.strategy)}>■</span> {row.label}</th>
              <td>{row.step}</td>
              <td data-metric="rmse">{show(row.rmse, 2)}</td>
              <td data-metric="nasa">{show(row.nasaScore, 0)}</td>
              <td data-metric="accuracy">{show(row.healthAccuracy, 3)}</td>
              <td>{show(row.criticalRecall, 3)}</td>
              <td>{show(row.lambdaRul, 3)}</td>
              <td>{Number.isFinite(row.normRatio) ? `${row.normRatio.toPrecision(3)}×` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportCsvButton fileName="strategy-lab-results.csv" columns={RESULT_COLUMNS} rows={() => resultCsvRows(rows)} />
    </div>
  );
}
