/**
 * The lab's scorecard: the selected strategies trained again over several seeds, each metric shown as
 * the mean ± its 95 % t interval over seeds, and a mark where the per-seed difference from Fixed 0.5 /
 * 0.5 is larger than the seed spread (src/core/lab/scorecard-summary.ts).
 */
import { summariseScorecard, type MetricSummary, type ScorecardMetric } from '../../src/core/lab/scorecard-summary';
import type { LabConfig } from '../../src/live/types';
import { colourClass } from './Charts';
import { useUrlState } from '../shared/useUrlState';
import { SCORECARD_BASELINE, SCORECARD_SEEDS, SCORECARD_URL_SCHEMA, scorecardConfig, scoredOn } from './scorecard-model';
import { useScorecard } from './useScorecard';
import type { StrategyName } from '../../src/core/strategies/index';

const METRICS: readonly { readonly metric: ScorecardMetric; readonly title: string; readonly digits: number }[] = [
  { metric: 'rmse', title: 'RMSE', digits: 2 },
  { metric: 'nasaScore', title: 'NASA score', digits: 0 },
  { metric: 'healthAccuracy', title: 'health accuracy', digits: 3 },
];
const MARK_TEXT = { better: '▲ better', worse: '▼ worse', within: '' } as const;

function Cell({ summary, digits }: { readonly summary: MetricSummary; readonly digits: number }) {
  const { interval, difference, mark } = summary;
  const show = (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
  const title = difference ? `difference from Fixed 0.5 / 0.5, paired by seed: ${show(difference.mean)} ± ${show(difference.halfWidth)}` : 'the baseline';
  return (
    <td data-mark={mark ?? 'baseline'} title={title}>
      {show(interval.mean)} ± {show(interval.halfWidth)}
      {mark && mark !== 'within' && <> <span className={mark === 'better' ? 'ba-mark-better' : 'ba-mark-worse'}>{MARK_TEXT[mark]}</span></>}
    </td>
  );
}

export interface ScorecardPanelProps {
  /** The widget's id: the seed count lives in the URL under it. */
  readonly id: string;
  /** The lab as configured (null: nothing to train yet). */
  readonly lab: LabConfig | null;
  /** The lab itself is training: the two would share the host, so the scorecard waits. */
  readonly locked: boolean;
}

export function ScorecardTable({ id, lab, locked }: ScorecardPanelProps) {
  const [{ seeds }, update] = useUrlState(id, SCORECARD_URL_SCHEMA);
  const onSeedsChange = (value: number) => update({ seeds: value });
  const config = lab ? scorecardConfig(lab, seeds) : null;
  const scorecard = useScorecard(config);
  const running = scorecard.status === 'running';
  const { result, progress } = scorecard;
  const rows = result && scorecard.config ? summariseScorecard(result, scorecard.config.runs.map((r) => r.id), SCORECARD_BASELINE) : [];
  const labelOf = (runId: string) => scorecard.config?.runs.find((r) => r.id === runId)?.label ?? runId;
  return (
    <section className="ba-scorecard" data-testid="lab-scorecard" aria-label="Scorecard over seeds">
      <div className="ba-live-controls">
        <label className="ba-inline-field">
          Seeds
          <input type="number" min={SCORECARD_SEEDS.min} max={SCORECARD_SEEDS.max} value={seeds} disabled={running} data-testid="scorecard-seeds"
            onChange={(event) => {
              const value = Math.round(Number(event.currentTarget.value));
              if (Number.isFinite(value)) onSeedsChange(Math.min(SCORECARD_SEEDS.max, Math.max(SCORECARD_SEEDS.min, value)));
            }} />
        </label>
        {running
          ? <button type="button" onClick={scorecard.stop} data-testid="scorecard-stop">Stop scorecard</button>
          : <button type="button" onClick={scorecard.run} disabled={!config || locked} data-testid="scorecard-run">Run scorecard</button>}
        <span className="ba-step-counter" aria-live="polite" data-testid="scorecard-status">
          {running
            ? (progress ? `seed ${progress.seedIndex + 1} of ${progress.seedCount} · ${Math.round((100 * progress.modelSteps) / progress.totalModelSteps)} %` : 'starting…')
            : config ? `${config.runs.length} strategies × ${seeds} seeds × ${config.steps} steps` : ''}
        </span>
      </div>
      {running && <progress className="ba-progress" max={progress?.totalModelSteps ?? 1} value={progress?.modelSteps ?? 0} aria-label="Scorecard progress" />}
      {scorecard.error && <p className="ba-error" role="alert">{scorecard.error}</p>}
      {result && scorecard.config && (
        <div className="ba-table-wrap">
          <table className="ba-table" data-testid="scorecard-table">
            <caption className="ba-note">
              Mean ± 95 % interval (Student t) over seeds {scorecard.config.seeds.join(', ')}, after {scorecard.config.steps} steps, scored on {scoredOn(result.split, result.count)}.
              {' '}▲ / ▼: the difference from Fixed 0.5 / 0.5, paired seed by seed, has a 95 % interval that excludes 0 (better or worse); unmarked gaps are within the seed spread.
              {result.stackedRunIds.length > 0 ? ` Trained as one stacked program per seed: ${result.stackedRunIds.map(labelOf).join(', ')}.` : ''}
            </caption>
            <thead>
              <tr><th scope="col">strategy</th>{METRICS.map(({ metric, title }) => <th key={metric} scope="col">{title}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.runId} data-strategy={row.runId}>
                  <th scope="row">
                    <span className={colourClass(row.runId as StrategyName)}>■</span> {labelOf(row.runId)}{row.isBaseline ? ' (baseline)' : ''}
                    {row.failedSeeds.length > 0 && <span className="ba-note"> stopped at seed {row.failedSeeds.join(', ')}</span>}
                  </th>
                  {METRICS.map(({ metric, digits }) => <Cell key={metric} summary={row.metrics[metric]} digits={digits} />)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
