/**
 * Two-vector gradient combiner: drag λ, the angle of g_health and the norm ratio, and watch the update
 * the optimiser follows. Live mode draws the real shared-backbone gradients of the toy network.
 */
import { useMemo, useRef } from 'react';
import { useTf } from '../../src/book/tf/TfProvider';
import { mergeNearbyChanges } from '../../src/live/tunables';
import { useLab } from '../../src/live/useLab';
import { ModeToggle } from '../shared/ModeToggle';
import { ExportCsvButton } from '../shared/ExportCsvButton';
import { LiveControls } from '../shared/LiveControls';
import { Slider } from '../shared/Slider';
import { useUrlState } from '../shared/useUrlState';
import { WidgetTools } from '../shared/WidgetTools';
import '../shared/widgets.css';
import { formatPercent, formatRatio } from '../shared/format';
import { Arrows } from './Arrows';
import { COMBINER_SCHEMA, describeLambdaChange, liveLabConfig, livePicture, liveTunables, staticPicture } from './model';
import { MathText } from '../shared/MathLabel';

const NOT_MEASURED = 'not measured yet';

export default function GradientCombiner({ id }: { readonly id: string }) {
  // A widget that can train starts the training host (and so TensorFlow.js) once it is near the viewport.
  useTf();
  const [state, update, tools] = useUrlState(id, COMBINER_SCHEMA);
  const container = useRef<HTMLDivElement>(null);
  const live = state.mode === 'live';
  const labConfig = useMemo(() => (live ? liveLabConfig(state) : null), [live, state]);
  // A fixed λ dragged mid-run applies from the next step; the run and its history stay.
  const lab = useLab(labConfig, { visibleRef: container, tunables: live ? liveTunables(state) : undefined });
  const latest = lab.latest.run;
  // Live mode shows measurements only: before step 1 there is nothing to draw, not the sliders' picture.
  const picture = live ? (latest ? livePicture(latest) : null) : staticPicture(state);
  const read = (show: (p: NonNullable<typeof picture>) => string): string => (picture ? show(picture) : NOT_MEASURED);
  const history = lab.records.run ?? [];

  return (
    <div className="ba-widget" ref={container} data-widget="gradient-combiner">
      <ModeToggle current={live ? 'live' : 'static'} onChange={(mode) => update({ mode })}
        options={[{ mode: 'static', label: 'Sliders' }, { mode: 'live', label: 'Live training', testId: 'combiner-live' }]} />
      <div className="ba-widget-row">
        <Slider label="λ_rul" min={0} max={1} step={0.01} value={state.lambda} format={(v) => v.toFixed(2)} onChange={(v) => update({ lambda: v })} testId="combiner-lambda" disabled={live && state.strategy === 'gaba'} />
        {!live && <Slider label="angle of g_health" min={0} max={180} step={1} value={state.angle} format={(v) => `${v.toFixed(0)}°`} onChange={(v) => update({ angle: v })} testId="combiner-angle" />}
        {!live && <Slider label="‖g_rul‖ / ‖g_health‖" scale="log" min={1} max={1000} value={state.ratio} format={(v) => formatRatio(v)} onChange={(v) => update({ ratio: v })} testId="combiner-ratio" />}
        {live && (
          <label className="ba-inline-field">
            Weights from
            <select value={state.strategy} disabled={lab.status === 'running' || lab.status === 'starting'} title="Choosing where the weights come from starts a new run: pause, choose, then Reset." onChange={(event) => update({ strategy: event.currentTarget.value === 'gaba' ? 'gaba' : 'fixed' })} data-testid="combiner-strategy">
              <option value="fixed">fixed λ (slider)</option>
              <option value="gaba">GABA</option>
            </select>
          </label>
        )}
      </div>
      {live && <LiveControls lab={lab} seed={state.seed} onSeedChange={(seed) => update({ seed })} totalSteps={1000} />}
      {picture ? <Arrows picture={picture} /> : <p className="ba-note" data-testid="combiner-not-measured">The gradients are measured at each training step: press Play or Step to draw them.</p>}
      <div className="ba-legend"><span className="ba-rul"><MathText text="g_rul" /></span><span className="ba-health"><MathText text="g_health" /></span><span className="ba-combined"><MathText text="λ·g_rul + (1−λ)·g_health" /></span></div>
      <dl className="ba-readouts">
        <div><dt>RUL share of the update</dt><dd data-testid="combiner-share-rul">{read((p) => formatPercent(p.shares[0]))}</dd></div>
        <div><dt>health share of the update</dt><dd data-testid="combiner-share-health">{read((p) => formatPercent(p.shares[1]))}</dd></div>
        <div><dt><MathText text="update's angle from g_rul" /></dt><dd data-testid="combiner-deviation">{read((p) => (Number.isFinite(p.deviationFromRul) ? `${p.deviationFromRul.toFixed(1)}°` : 'angle undefined (no update)'))}</dd></div>
        <div><dt>length kept</dt><dd data-testid="combiner-length">{read((p) => formatPercent(p.lengthKept))}</dd></div>
        <div><dt>{live ? 'measured ratio' : 'ratio'}</dt><dd data-testid="combiner-measured-ratio">{read((p) => formatRatio(p.ratio))}</dd></div>
        {live && <div><dt>angle between gradients</dt><dd data-testid="combiner-live-angle">{read((p) => `${p.angle.toFixed(1)}°`)}</dd></div>}
        {live && <div><dt>weights used</dt><dd>{read((p) => p.weights.map((w) => w.toFixed(3)).join(' / '))}</dd></div>}
      </dl>
      {live && lab.changes.length > 0 && (
        <p className="ba-note" data-testid="combiner-changes">Changed mid-run: {mergeNearbyChanges(lab.changes, 10).slice(-3).map(describeLambdaChange).join('; ')}.</p>
      )}
      <p className="ba-note">
        {live
          ? 'Arrows are the real per-task gradients on the shared backbone at the latest step, drawn in the plane they span: lengths are their norms, the angle is arccos of their cosine.'
          : <MathText text="Arrows are drawn to scale: at large ratios g_health shrinks to a dot, which is what the optimiser sees." />}
      </p>
      <ExportCsvButton
        fileName={live ? 'combiner-live.csv' : 'combiner.csv'}
        columns={['step', 'norm_rul', 'norm_health', 'cosine', 'lambda_rul', 'lambda_health']}
        rows={() => live
          ? history.map((r) => [r.step, r.gradNorms[0], r.gradNorms[1], r.cosine, r.weights[0], r.weights[1]])
          : [[0, state.ratio, 1, Math.cos((state.angle * Math.PI) / 180), state.lambda, 1 - state.lambda]]}
      />
      <WidgetTools tools={tools} afterReset={lab.reset} />
    </div>
  );
}
