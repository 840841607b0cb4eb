/** One small plot per method (the gradients faint, its update δ bold) and the same numbers as a table. */
import { ConeShade, PLANE_SIZE, ScreenArrow, screenMap, TASK_CLASSES } from './Plane';
import { formatValue, type MethodOutcome, type Vec } from './model';

const subscript = (k: number) => ['₀', '₁', '₂'][k] ?? String(k);

export function conflictText(outcome: MethodOutcome): string {
  if (!outcome.coefficients) return 'no answer';
  if (outcome.conflicts.length === 0) return 'no conflict';
  return `conflicts with ${outcome.conflicts.map((k) => `g${subscript(k)}`).join(', ')}`;
}

export function coefficientsText(outcome: MethodOutcome): string {
  return outcome.coefficients ? `(${outcome.coefficients.map((c) => formatValue(c)).join(', ')})` : '—';
}

interface PanelProps {
  readonly outcome: MethodOutcome;
  readonly vectors: readonly Vec[];
  readonly extent: number;
  /** Lengths below ZERO_RELATIVE of this are shown as 0. */
  readonly scale: number;
}

/**
 * The rows of the square drawing worth showing: the vertical span of the origin, the gradients and
 * the update, padded, at least a third of the square (a flat picture would otherwise be a sliver).
 */
function visibleRows(points: readonly Vec[], toScreen: (v: Vec) => Vec): { top: number; height: number } {
  const ys = [toScreen([0, 0])[1], ...points.map((p) => toScreen(p)[1])];
  const pad = 16;
  const minimum = PLANE_SIZE / 3;
  let top = Math.max(0, Math.min(...ys) - pad);
  let bottom = Math.min(PLANE_SIZE, Math.max(...ys) + pad);
  if (bottom - top < minimum) {
    const middle = (top + bottom) / 2;
    top = Math.max(0, Math.min(PLANE_SIZE - minimum, middle - minimum / 2));
    bottom = top + minimum;
  }
  return { top, height: bottom - top };
}

function MethodPanel({ outcome, vectors, extent, scale }: PanelProps) {
  const toScreen = screenMap(extent);
  const rows = visibleRows([...vectors, outcome.update], toScreen);
  const id = outcome.id;
  const conflicted = outcome.conflicts.length > 0;
  const lengthText = outcome.coefficients ? formatValue(outcome.length, scale) : '—';
  const description = outcome.coefficients
    ? `${outcome.label}: update of length ${lengthText}, ${conflictText(outcome)}`
    : `${outcome.label}: no answer (${outcome.failure})`;
  return (
    <section className="arena-panel" data-testid={`arena-${id}`} data-conflict={conflicted ? 'yes' : 'no'} aria-label={outcome.label}>
      <h4 className="arena-panel__title">{outcome.label}</h4>
      <svg viewBox={`0 ${rows.top} ${PLANE_SIZE} ${rows.height}`} className="arena-panel__plot" role="img" aria-label={description}>
        <ConeShade vectors={vectors} extent={extent} />
        {vectors.map((g, k) => <g key={k} className="arena-faint"><ScreenArrow tip={toScreen(g)} className={TASK_CLASSES[k]} /></g>)}
        {outcome.coefficients && (
          <ScreenArrow tip={toScreen(outcome.update)} className={conflicted ? 'arena-update arena-update--conflict' : 'arena-update'} width={4} />
        )}
      </svg>
      <p className="arena-panel__rule">{outcome.rule}</p>
      {outcome.coefficients ? (
        <dl className="arena-panel__numbers">
          <div><dt>‖δ‖</dt><dd data-testid={`arena-${id}-length`}>{lengthText}</dd></div>
          <div><dt>c</dt><dd data-testid={`arena-${id}-coefficients`}>{coefficientsText(outcome)}</dd></div>
          <div><dt className="arena-sr">conflict</dt><dd data-testid={`arena-${id}-conflict`} className={conflicted ? 'arena-bad' : 'arena-good'}>{conflictText(outcome)}</dd></div>
        </dl>
      ) : (
        <p className="arena-panel__failure" data-testid={`arena-${id}-failure`} title={outcome.failure ?? ''}>
          No answer: {outcome.failure}
        </p>
      )}
    </section>
  );
}

export function MethodPanels({ outcomes, vectors, extent, scale }: { readonly outcomes: readonly MethodOutcome[]; readonly vectors: readonly Vec[]; readonly extent: number; readonly scale: number }) {
  return (
    <div className="arena-panels">
      {outcomes.map((outcome) => <MethodPanel key={outcome.id} outcome={outcome} vectors={vectors} extent={extent} scale={scale} />)}
    </div>
  );
}

export function NumbersTable({ outcomes, taskCount, scale }: { readonly outcomes: readonly MethodOutcome[]; readonly taskCount: number; readonly scale: number }) {
  const tasks = Array.from({ length: taskCount }, (_, k) => k);
  return (
    <details className="arena-table">
      <summary>The numbers as a table</summary>
      <div className="ba-table-wrap">
        <table className="ba-table" data-testid="arena-table">
          <caption className="arena-sr">Every method’s coefficients, update length and inner products with each task’s gradient</caption>
          <thead>
            <tr>
              <th scope="col">method</th>
              {tasks.map((k) => <th scope="col" key={`c${k}`}>c{subscript(k)}</th>)}
              <th scope="col">‖δ‖</th>
              {tasks.map((k) => <th scope="col" key={`p${k}`}>⟨δ, g{subscript(k)}⟩</th>)}
              <th scope="col">conflict</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.id} data-method={o.id}>
                <th scope="row">{o.label}</th>
                {tasks.map((k) => <td key={`c${k}`}>{o.coefficients ? formatValue(o.coefficients[k]) : '—'}</td>)}
                <td>{o.coefficients ? formatValue(o.length, scale) : '—'}</td>
                {tasks.map((k) => <td key={`p${k}`}>{o.coefficients ? formatValue(o.innerProducts[k], scale * scale) : '—'}</td>)}
                <td>{conflictText(o)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
