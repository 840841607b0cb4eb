/**
 * Strategy lab: pick the data and any of the weighting strategies; the core trains them side by side
 * in the training host (same initial parameters, same batches) and the plots follow live.
 */
import { useMemo, useRef, useState } from 'react';
import { STRATEGY_NAMES } from '../../src/core/strategies/index';
import { useTf } from '../../src/book/tf/TfProvider';
import { useLab } from '../../src/live/useLab';
import { LiveControls } from '../shared/LiveControls';
import { NumberField } from '../shared/NumberField';
import { useUrlState } from '../shared/useUrlState';
import { WidgetTools } from '../shared/WidgetTools';
import '../shared/widgets.css';
import { colourClass, LabCharts } from './Charts';
import { DataLoader, type LoadedDataset } from './DataLoader';
import { effectiveBackbone, labStrategies, resultRows, selectedStrategies, strategyLabConfig, strategyLabel, STRATEGY_LAB_SCHEMA, toggleStrategy, waitsForFiles } from './model';
import { PresetPanel } from './PresetPanel';
import { presetConfig, PRESET_STEPS } from './preset-model';
import { ResultsTable } from './ResultsTable';
import { ScorecardTable } from './ScorecardTable';
import { TrainingEta } from './TrainingEta';

export default function StrategyLab({ id }: { readonly id: string }) {
  // A widget that can train starts the training host (and so TensorFlow.js) once it is near the viewport.
  useTf();
  const [state, update, tools] = useUrlState(id, STRATEGY_LAB_SCHEMA);
  const [loaded, setLoaded] = useState<LoadedDataset | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const names = selectedStrategies(state.selection);
  const [preset, setPreset] = useState(false);
  const presetOn = preset && state.data === 'loaded' && loaded?.hasTest === true;
  const config = useMemo(
    () => (presetOn && loaded ? presetConfig(names, state.seed, loaded.datasetId, state.steps) : strategyLabConfig(state, loaded?.datasetId ?? null)),
    // names is derived from state.selection
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state, loaded, presetOn],
  );
  const lab = useLab(config, { visibleRef: container });
  // Charts and table show the run on screen; settings changed after it started wait for Reset.
  const shownNames = lab.config ? labStrategies(lab.config) : names;
  const shownSteps = lab.config?.totalSteps ?? state.steps;
  const rows = resultRows(shownNames, lab.evaluations, lab.latest);
  const locked = lab.status === 'running';
  const needsFiles = waitsForFiles(state, loaded?.datasetId ?? null);

  return (
    <div className="ba-widget" ref={container} data-widget="strategy-lab">
      <fieldset className="ba-checks" disabled={locked}>
        <legend>Strategies (trained side by side)</legend>
        {STRATEGY_NAMES.map((name) => (
          <label key={name}>
            <input type="checkbox" checked={names.includes(name)} onChange={() => update({ selection: toggleStrategy(state.selection, name) })} data-strategy={name} />
            <span className={colourClass(name)}>■</span> {strategyLabel(name)}
          </label>
        ))}
      </fieldset>
      <div className="ba-live-controls">
        <label className="ba-inline-field">
          Data
          <select value={state.data} disabled={locked} data-testid="lab-data" onChange={(event) => {
            const value = event.currentTarget.value;
            update({ data: value === 'fleet' ? 'fleet' : value === 'loaded' ? 'loaded' : 'toy' });
          }}>
            <option value="toy">synthetic cycles</option>
            <option value="fleet">synthetic fleet (C-MAPSS pipeline)</option>
            <option value="loaded">{loaded ? `your files: ${loaded.label}` : 'your C-MAPSS files…'}</option>
          </select>
        </label>
        <label className="ba-inline-field">
          Backbone
          <select value={presetOn ? 'temporal' : effectiveBackbone(state)} disabled={locked || presetOn || state.data === 'toy'} data-testid="lab-backbone"
            title={state.data === 'toy' ? 'The synthetic cycles have no windows: pick the fleet or your files for the temporal backbone' : undefined}
            onChange={(event) => update({ backbone: event.currentTarget.value === 'temporal' ? 'temporal' : 'dense' })}>
            <option value="dense">dense 32 → 32 on the last cycle</option>
            <option value="temporal">1-D convolutions over 30-cycle windows</option>
          </select>
        </label>
        <NumberField label="Steps" value={state.steps} range={{ min: 100, max: 5000, integer: true }} disabled={locked} testId="lab-steps"
          hint={locked ? 'Pause to change the number of steps; it applies on Reset.' : undefined} onCommit={(steps) => update({ steps })} />
      </div>
      {state.data === 'loaded' && <DataLoader loaded={loaded} onLoaded={setLoaded} />}
      {state.data === 'loaded' && (
        <PresetPanel active={presetOn} available={loaded?.hasTest === true} disabled={locked} evaluations={lab.evaluations}
          onToggle={(active) => { setPreset(active); if (active) update({ steps: PRESET_STEPS }); }} />
      )}
      {names.length > 0 ? (
        <>
          {/* Nothing to train on until the reader's files are in: the controls wait, and say why. */}
          <fieldset className="ba-plain-fieldset" disabled={needsFiles} data-testid="lab-controls">
            <LiveControls lab={lab} seed={state.seed} onSeedChange={(seed) => update({ seed })} totalSteps={shownSteps} />
          </fieldset>
          {needsFiles && <p className="ba-note" data-testid="lab-needs-files">Play and Step wait for your files: load a train file above (at least 3 engines), or pick a synthetic data set.</p>}
          <progress className="ba-progress" max={shownSteps} value={lab.step} aria-label="Training progress" />
          <TrainingEta step={lab.step} totalSteps={shownSteps} status={lab.status} />
          <LabCharts names={shownNames} records={lab.records} evaluations={lab.evaluations} steps={shownSteps} />
          <ResultsTable rows={rows} />
          <ScorecardTable id={id} lab={config} locked={locked} />
        </>
      ) : (
        <p className="ba-note">Pick at least one strategy.</p>
      )}
      <WidgetTools tools={tools} afterReset={lab.reset} />
    </div>
  );
}
