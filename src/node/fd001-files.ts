/**
 * NASA's FD001 files from the shared folder (never committed), parsed and prepared the one way the
 * figures, the benches and the lab's file loader do: 30-cycle windows, RUL capped at 125, one engine in
 * five held out for validation by the loader's seeded split. Node only (reads files).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { CmapssTable } from '../core/data/cmapss-table';
import { parseCmapssTable } from '../core/data/parse-cmapss';
import { parseRulFile } from '../core/data/parse-rul';
import { prepareCmapss, type PreparedData } from '../core/data/prepare';

export const CMAPSS_FOLDER = process.env.CMAPSS_DIR ?? '/work/shared/cmapss/';

export interface Fd001Files {
  readonly train: CmapssTable;
  readonly test: CmapssTable;
  readonly rul: Float32Array;
  readonly prepared: PreparedData;
}

/** `seed`: the validation split's; the lab's file loader uses 0. */
export function readFd001(seed = 0, folder = CMAPSS_FOLDER): Fd001Files {
  if (!existsSync(`${folder}train_FD001.txt`)) throw new Error(`FD001 is not in ${folder} (set CMAPSS_DIR to its folder)`);
  const read = (name: string) => readFileSync(`${folder}${name}`, 'utf8');
  const train = parseCmapssTable(read('train_FD001.txt'), 'train_FD001.txt');
  const test = parseCmapssTable(read('test_FD001.txt'), 'test_FD001.txt');
  const rul = parseRulFile(read('RUL_FD001.txt'), 'RUL_FD001.txt');
  if (!train.ok || !test.ok || !rul.ok) throw new Error(`FD001 in ${folder} did not parse`);
  const prepared = prepareCmapss({ train: train.value, test: test.value, rul: rul.value, windowLength: 30, rulCap: 125, validationFraction: 0.2, seed });
  return { train: train.value, test: test.value, rul: rul.value, prepared };
}
