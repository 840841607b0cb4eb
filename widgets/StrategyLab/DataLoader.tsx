/**
 * Load your own C-MAPSS files: drag and drop or pick train_FD00x / test_FD00x / RUL_FD00x. The files
 * go to the training host, which reads, parses, checks and prepares them in its Worker (they never
 * leave the reader's machine, and a large file never blocks the page), with a progress bar here.
 * Files the lab cannot train on are refused with every reason, and the data in use stays in use.
 */
import { useState } from 'react';
import type { DatasetSummary } from '../../src/core/data/summary';
import { getLiveClient } from '../../src/live/client';
import { DataSummary } from './DataSummary';

export interface LoadedDataset {
  readonly datasetId: string;
  readonly label: string;
  readonly summary: string;
  /** Conditions, per-condition normalisation and dropped sensors, for the data-summary panel. */
  readonly details?: DatasetSummary;
  /** Whether test and RUL files came with the training file (the preset needs them). */
  readonly hasTest?: boolean;
}

interface Busy {
  readonly stage: string;
  readonly fraction?: number;
}

export function DataLoader({ loaded, onLoaded }: { readonly loaded: LoadedDataset | null; readonly onLoaded: (dataset: LoadedDataset) => void }) {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problems, setProblems] = useState<readonly string[]>([]);

  const accept = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setProblems([]);
    setBusy({ stage: 'reading files…' });
    const client = getLiveClient();
    const { datasetId, outcome } = await client.loadFiles(files, (stage, fraction) => setBusy({ stage, fraction }));
    setBusy(null);
    if (!outcome.ok) {
      setProblems(outcome.problems);
      return;
    }
    if (loaded) client.forgetDataset(loaded.datasetId);
    onLoaded({ datasetId, label: outcome.label, summary: outcome.summary, details: outcome.details, hasTest: outcome.hasTest });
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
          <input type="file" multiple accept=".txt,text/plain" data-testid="lab-file-input" disabled={busy !== null}
            onChange={(event) => void accept(Array.from(event.currentTarget.files ?? []))} />
        </label>
        . They are read here, in your browser, and never uploaded.
      </p>
      {busy && (
        <div className="ba-load-progress" aria-live="polite" data-testid="lab-load-busy">
          <span className="ba-note">{busy.stage}</span>
          <progress className="ba-progress" max={1} value={busy.fraction} aria-label="Loading your files" data-testid="lab-load-progress" />
        </div>
      )}
      {loaded && (
        <p className="ba-note" data-testid="lab-loaded">
          {problems.length > 0 || busy ? `Still training on ${loaded.label}` : `Loaded ${loaded.label}`}: {loaded.summary}
        </p>
      )}
      {loaded?.details && !busy && problems.length === 0 && <DataSummary summary={loaded.details} />}
      {problems.length > 0 && (
        <ul className="ba-issues" role="alert" data-testid="lab-load-errors">
          {problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </div>
  );
}
