/**
 * The aggregator arena: drag two or three gradients and compare every method's update side by
 * side; Live mode shows the toy network's real per-task gradients, drawn in the plane they span.
 */
import { useMemo, useRef } from 'react';
import { useTf } from '../../src/book/tf/TfProvider';
import { useLab } from '../../src/live/useLab';
import { LiveControls } from '../shared/LiveControls';
import { ModeToggle } from '../shared/ModeToggle';
import { useUrlState } from '../shared/useUrlState';
import '../shared/widgets.css';
import './arena.css';
import {
  ARENA_EXTENT,
  ARENA_SCHEMA,
  drawnVectors,
  evaluateAll,
  formatValue,
  gramianFromNormsAndCosine,
  LIVE_STEPS,
  liveLabConfig,
  moveTip,
  planarEmbedding,
  type Vec,
} from './model';
import { MethodPanels, NumbersTable } from './Panels';
import { Plane } from './Plane';

export default function AggregatorArena({ id }: { readonly id: string }) {
  // Like every widget that can train, it starts the training host (and TensorFlow.js) once near the viewport.
  useTf();
  const [state, update] = useUrlState(id, ARENA_SCHEMA);
  const container = useRef<HTMLDivElement>(null);
  const live = state.mode === 'live';
  const labConfig = useMemo(() => (live ? liveLabConfig(state.seed) : null), [live, state.seed]);
  const lab = useLab(labConfig, { visibleRef: container });
  const record = lab.latest.run;
  const liveVectors: Vec[] | null = live && record && record.gradNorms.length === 2
    ? planarEmbedding(gramianFromNormsAndCosine(record.gradNorms, record.cosine))
    : null;
  const vectors: readonly Vec[] = live ? liveVectors ?? [] : drawnVectors(state);
  const outcomes = evaluateAll(vectors);
  const largestGradient = Math.max(0, ...vectors.map((g) => Math.hypot(...g)));
  const largestUpdate = Math.max(0, ...outcomes.map((o) => o.length));
  // The panels share one scale, so lengths compare across methods.
  const panelExtent = Math.max(largestGradient, largestUpdate, 1e-12) * 1.05;
  const planeExtent = live ? Math.max(largestGradient, 1e-12) * 1.1 : ARENA_EXTENT;

  return (
    <div className="ba-widget" ref={container} data-widget="aggregator-arena">
      <div className="ba-widget-row arena-controls">
        <ModeToggle current={live ? 'live' : 'draw'} onChange={(mode) => update({ mode })}
          options={[{ mode: 'draw', label: 'Drag the gradients' }, { mode: 'live', label: 'Live training', testId: 'arena-live' }]} />
        {!live && (
          <div className="ba-toggle" role="group" aria-label="Number of gradients">
            {[2, 3].map((k) => (
              <button key={k} type="button" aria-pressed={state.k === k} onClick={() => update({ k })} data-testid={`arena-k-${k}`}>
                {k} tasks
              </button>
            ))}
          </div>
        )}
      </div>
      {live && <LiveControls lab={lab} seed={state.seed} onSeedChange={(seed) => update({ seed })} totalSteps={LIVE_STEPS} />}
      <div className="arena-top">
        {vectors.length > 0 ? (
          <Plane
            vectors={vectors}
            extent={planeExtent}
            onMove={live ? undefined : (k, tip) => update(moveTip(k, tip))}
            label={live ? 'The toy network’s two shared gradients at the latest step, in the plane they span' : 'Task gradients: drag a tip, or focus it and use the arrow keys'}
          />
        ) : (
          <p className="ba-note arena-waiting" data-testid="arena-waiting">Press Play (or Step): the arena shows the Gramian of the latest training step.</p>
        )}
        <div className="arena-side">
          <dl className="ba-readouts arena-gradients">
            {vectors.map((g, k) => (
              <div key={k}><dt>g{['₀', '₁', '₂'][k]}</dt><dd data-testid={`arena-g${k}`}>({formatValue(g[0], largestGradient)}, {formatValue(g[1], largestGradient)})</dd></div>
            ))}
            {vectors.length === 2 && <div><dt>‖g₀‖/‖g₁‖</dt><dd data-testid="arena-ratio">{formatValue(Math.hypot(...vectors[0]) / Math.hypot(...vectors[1]))}</dd></div>}
            {live && record && <div><dt>cos(g₀, g₁)</dt><dd data-testid="arena-cosine">{formatValue(record.cosine)}</dd></div>}
          </dl>
          <p className="ba-note">
            {live
              ? 'g₀ is the RUL gradient, g₁ the health gradient on the shared backbone, from the trainer’s Gramian: g₀ is laid on the axis and g₁ placed to match their lengths and angle. The methods see that Gramian; the run itself is weighted by GABA. At these ratios the short arrows shrink to dots: read their lengths in the panels.'
              : 'Shaded: the dual cone, the directions that conflict with no task (⟨δ, gₖ⟩ ≥ 0 for every k). Each panel below draws one method’s update δ = Σ cₖ gₖ, all to one scale; red means it raises some task’s loss to first order.'}
          </p>
        </div>
      </div>
      {vectors.length > 0 && (
        <>
          <MethodPanels outcomes={outcomes} vectors={vectors} extent={panelExtent} scale={largestGradient} />
          <NumbersTable outcomes={outcomes} taskCount={vectors.length} scale={largestGradient} />
        </>
      )}
    </div>
  );
}
