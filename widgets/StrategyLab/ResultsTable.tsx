/**
 * The lab's results: the latest metrics of every strategy, each column saying what it is scored on,
 * exportable as CSV. Test columns appear only when test files were loaded.
 */
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { formatRatio } from '../shared/format';
import { colourClass } from './Charts';
import { RESULT_COLUMNS, resultCsvRows, type ResultRow } from './model';
import { MathText } from '../shared/MathLabel';

const show = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

export function ResultsTable({ rows }: { readonly rows: readonly ResultRow[] }) {
  const windows = Math.max(0, ...rows.map((r) => r.validationWindows));
  const engines = Math.max(0, ...rows.map((r) => r.testEngines));
  const withTest = engines > 0;
  return (
    <div className="ba-table-wrap">
      <table className="ba-table" data-testid="lab-results">
        <caption className="ba-note">
          Latest evaluation. Validation: every window of the held-out training engines ({windows.toLocaleString('en')} windows; the NASA score is a sum over them, so it is not comparable with a per-engine test score).
          {withTest ? ` Test: each of the ${engines} test engines scored on its last window against the RUL file's truth capped at 125, as in chapter 6.` : ' Load test and RUL files for test-set columns.'}
          {' '}Predictions are clipped at 0 before scoring.
        </caption>
        <thead>
          <tr>
            <th scope="col">strategy</th><th scope="col">step</th>
            <th scope="col">val. RMSE</th><th scope="col">val. NASA (Σ windows)</th>
            <th scope="col">val. health acc.</th><th scope="col">val. critical recall</th>
            {withTest && <><th scope="col">test RMSE (per engine)</th><th scope="col">test NASA (Σ engines)</th></>}
            <th scope="col"><MathText text="λ_rul" /> share</th><th scope="col">norm ratio</th>
          </tr>
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
              {withTest && <><td data-metric="test-rmse">{show(row.testRmse, 2)}</td><td data-metric="test-nasa">{show(row.testNasaScore, 0)}</td></>}
              <td>{show(row.lambdaRul, 3)}</td>
              <td>{Number.isFinite(row.normRatio) ? formatRatio(row.normRatio) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ExportCsvButton fileName="strategy-lab-results.csv" columns={RESULT_COLUMNS} rows={() => resultCsvRows(rows)} />
    </div>
  );
}
