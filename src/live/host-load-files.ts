/**
 * The host's side of loading a reader's files: parse them off the page's thread, register the arrays
 * only when the load succeeds (a refused load leaves the registry as it was), and report progress and
 * the outcome to the page.
 */
import { loadCmapssFiles } from './load-files';
import type { FromHost, LoadedDatasetArrays } from './protocol';

export async function loadFilesIntoHost(
  datasetId: string,
  files: readonly File[],
  datasets: Map<string, LoadedDatasetArrays>,
  post: (message: FromHost) => void,
): Promise<void> {
  try {
    const outcome = await loadCmapssFiles(files, (stage, fraction) => post({ type: 'loadProgress', datasetId, stage, fraction }));
    if (outcome.ok) datasets.set(datasetId, outcome.arrays);
    post({
      type: 'loadDone',
      datasetId,
      outcome: outcome.ok
        ? { ok: true, label: outcome.label, summary: outcome.summary, details: outcome.details, hasTest: outcome.arrays.test !== undefined }
        : { ok: false, problems: outcome.problems },
    });
  } catch (error) {
    post({ type: 'loadDone', datasetId, outcome: { ok: false, problems: [`the files could not be read: ${error instanceof Error ? error.message : String(error)}`] } });
  }
}
