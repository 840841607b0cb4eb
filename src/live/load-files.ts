/**
 * From the reader's File objects to arrays the training host can train on, through the core's parser
 * and pipeline. The training host runs this (in its Worker), so a large file never blocks the page
 * and its arrays never enter the page's heap. No DOM beyond File; testable in Node.
 */
import { formatIssue } from '../core/data/parse-issues';
import { parseCmapssTableInSlices } from '../core/data/parse-cmapss';
import { checkRulAgainstTest, parseRulFile } from '../core/data/parse-rul';
import { prepareCmapss, type PreparedData } from '../core/data/prepare';
import { summariseDataset, type DatasetSummary } from '../core/data/summary';
import { untrainableReason } from '../core/data/trainable';
import { labArraysFromPrepared } from '../core/lab/fleet-data';
import type { LoadedDatasetArrays } from './protocol';

export type LoadOutcome =
  | { readonly ok: true; readonly datasetId: string; readonly label: string; readonly summary: string; readonly arrays: LoadedDatasetArrays; readonly prepared: PreparedData; readonly details: DatasetSummary }
  | { readonly ok: false; readonly problems: readonly string[] };

type Role = 'train' | 'test' | 'rul';
const NAME_PATTERN = /^(train|test|rul)_(fd00\d)\.txt$/i;

/** Which role each file plays, from NASA's own file names; problems for anything else. */
export function classifyFiles(names: readonly string[]): { roles: Partial<Record<Role, number>>; subset: string | null; problems: string[] } {
  const roles: Partial<Record<Role, number>> = {};
  const problems: string[] = [];
  const subsets = new Set<string>();
  names.forEach((name, index) => {
    const match = NAME_PATTERN.exec(name);
    if (!match) {
      problems.push(`${name}: expected a C-MAPSS file name such as train_FD001.txt, test_FD001.txt or RUL_FD001.txt`);
      return;
    }
    const role = match[1].toLowerCase() as Role;
    if (roles[role] !== undefined) problems.push(`${name}: two ${role} files were given; load one subset at a time`);
    roles[role] = index;
    subsets.add(match[2].toUpperCase());
  });
  if (subsets.size > 1) problems.push(`files from different subsets (${[...subsets].join(', ')}); load one subset at a time`);
  if (roles.train === undefined && problems.length === 0) problems.push('a train_FD00x.txt file is needed to train on');
  if ((roles.test === undefined) !== (roles.rul === undefined) && problems.length === 0) {
    problems.push('test_FD00x.txt and RUL_FD00x.txt go together: load both or neither');
  }
  return { roles, subset: subsets.size === 1 ? [...subsets][0] : null, problems };
}

/**
 * The largest file the lab reads. The 30-cycle windows it cuts take about 1.7 kB per row (30 × 14
 * float32 values), ten times the row's text, so a 64 MB file (some 400,000 rows, nineteen times
 * FD001's train file) already asks the training Worker for about 670 MB; beyond that a tab risks
 * being killed for memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A message per file over {@link MAX_FILE_BYTES}, read from its size before any byte is read. */
export function oversizeProblems(files: readonly { readonly name: string; readonly size: number }[]): string[] {
  return files
    .filter((file) => file.size > MAX_FILE_BYTES)
    .map((file) => `${file.name} is ${megabytes(file.size)}; the lab reads files up to ${megabytes(MAX_FILE_BYTES)}, since the windows it cuts from a larger file would need gigabytes of memory. Use a subset of its engines.`);
}

/** Where loading stands: a sentence and, while parsing, the share of the file read (0 … 1). */
export type LoadReport = (stage: string, fraction?: number) => void;

const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function loadCmapssFiles(files: readonly File[], report: LoadReport): Promise<LoadOutcome> {
  const { roles, subset, problems } = classifyFiles(files.map((file) => file.name));
  if (problems.length > 0) return { ok: false, problems };
  const tooLarge = oversizeProblems(files);
  if (tooLarge.length > 0) return { ok: false, problems: tooLarge };
  const read = async (role: Role) => (roles[role] === undefined ? null : { name: files[roles[role]!].name, text: await files[roles[role]!].text() });
  report('reading files…', 0);
  const [trainFile, testFile, rulFile] = [await read('train'), await read('test'), await read('rul')];
  const parse = (file: { name: string; text: string }) => parseCmapssTableInSlices(file.text, file.name, {
    sliceRows: 4000,
    yieldToHost,
    onProgress: (fraction) => report(`parsing ${file.name}…`, fraction),
  });
  const train = await parse(trainFile!);
  const test = testFile ? await parse(testFile) : null;
  const rul = rulFile ? parseRulFile(rulFile.text, rulFile.name) : null;
  const issues = [train, test, rul].flatMap((result) => (result && !result.ok ? result.errors.map(formatIssue) : []));
  if (issues.length > 0 || !train.ok) return { ok: false, problems: issues };
  if (test?.ok && rul?.ok) {
    const mismatch = checkRulAgainstTest(rul.value, test.value, { rul: rulFile!.name, test: testFile!.name });
    if (mismatch.length > 0) return { ok: false, problems: mismatch.map(formatIssue) };
  }
  // Too few engines is refused before the pipeline, which cannot cluster or split them.
  const fewEngines = untrainableReason(trainFile!.name, { engines: train.value.engineCount });
  if (fewEngines) return { ok: false, problems: [fewEngines] };
  report('normalising and cutting 30-cycle windows…');
  const prepared = prepareCmapss({
    train: train.value,
    test: test?.ok ? test.value : undefined,
    rul: rul?.ok ? rul.value : undefined,
    windowLength: 30,
    rulCap: 125,
    validationFraction: 0.2,
    seed: 0,
  });
  const noWindows = untrainableReason(trainFile!.name, {
    engines: train.value.engineCount,
    windows: { train: prepared.train.count, validation: prepared.validation.count },
  });
  if (noWindows) return { ok: false, problems: [noWindows] };
  // The test split (each test engine's last window, truth capped at 125) travels with the rest, so
  // the lab can score it as chapter 6 does.
  const arrays: LoadedDatasetArrays = labArraysFromPrepared(prepared);
  const label = subset ?? 'C-MAPSS';
  const summary = `${train.value.engineCount} training engines, ${prepared.train.count} training and ${prepared.validation.count} validation windows, ${prepared.featureCount} features, ${prepared.conditionCount} operating condition${prepared.conditionCount === 1 ? '' : 's'}${prepared.test ? `, ${prepared.test.count} test engines (last window each)` : ''}`;
  const details = summariseDataset(train.value, prepared);
  return { ok: true, datasetId: `${label}-${Date.now().toString(36)}`, label, summary, arrays, prepared, details };
}
