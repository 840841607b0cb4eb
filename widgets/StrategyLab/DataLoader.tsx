/**
 * Load your own C-MAPSS files: drag and drop or pick train_FD00x / test_FD00x / RUL_FD00x. Files are
 * read in the page (they never leave the reader's machine), parsed in slices so the page stays
 * responsive, checked by the core's parser, prepared by the core's pipeline and handed to the
 * training host. Every problem is listed next to the drop zone with its file and line.
 */
import { useState } from 'react';
import type { DatasetSummary } from '../../src/core/data/summary';
import { getLiveClient } from '../../src/live/client';
import { DataSummary } from './DataSummary';
import { loadCmapssFiles, type LoadOutcome } from './load-files';

export interface LoadedDataset {
  readonly datasetId: string;
  readonly label: string;
  readonly summary: string;
  /** Conditions, per-condition normalisation and dropped sensors, for the data-summary panel. */
  readonly details?: DatasetSummary;
  /** Whether test and RUL files came with the training file (the preset needs them). */
  readonly hasTest?: boolean;
}

export function DataLoader({ loaded, onLoaded }: { readonly loaded: LoadedDataset | null; readonly onLoaded: (dataset: LoadedDataset) => void }) {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);

  const accept = async (files: readonly File[]): Promise<void> => {
    setProblems([]);
    setBusy('reading files…');
    const outcome: LoadOutcome = await loadCmapssFiles(files, (stage) => setBusy(stage));
    setBusy(null);
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    getLiveClient().registerDataset(outcome.datasetId, outcome.arrays);
    onLoaded({ datasetId: outcome.datasetId, label: outcome.label, summary: outcome.summary, details: outcome.details, hasTest: outcome.arrays.test !== undefined });
  };

  return (
    <div
      className="ba-dropzone"
      data-over={over}
      data-testid="lab-dropzone"
      onDragOver={(event) => { event.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void accept(Array.from(event.dataTransfer.files));
      }}
    >
      <p>
        Drop <code>train_FD00x.txt</code> (and optionally <code>test_FD00x.txt</code> with <code>RUL_FD00x.txt</code>) here, or{' '}
        <label className="ba-inline-field">
          <span className="ba-linklike">choose files</span>
          <input type="file" multiple accept=".txt,text/plain" data-testid="lab-file-input"
            onChange={(event) => void accept(Array.from(event.currentTarget.files ?? []))} />
        </label>
        . They are read here, in your browser, and never uploaded.
      </p>
      {busy && <p className="ba-note" aria-live="polite">{busy}</p>}
      {loaded && !busy && problems.length === 0 && <p className="ba-note" data-testid="lab-loaded">Loaded {loaded.label}: {loaded.summary}</p>}
      {loaded?.details && !busy && problems.length === 0 && <DataSummary summary={loaded.details} />}
      {problems.length > 0 && (
        <ul className="ba-issues" role="alert" data-testid="lab-load-errors">
          {problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </div>
  );
}
