/**
 * `npm run bench:record`: runs the benches the book quotes, each with `--record`, so
 * content/bench-figures.json holds their figures and provenance; then regenerates the README's
 * performance table from it. Each bench is its own process (its own tfjs and load reading) and
 * replaces only its own entries, so a subset can be re-recorded:
 *
 *   npm run bench:record [-- --only step,lab,temporal,temporal-gpu,sweep,fd001-fixed,fd001-dwa,fd001-gaba]
 *
 * The default (step, lab, temporal, temporal-gpu, sweep) takes about 4 minutes (plus a few for lab) on the book's shared two-core machine at
 * load 9–12, most of it bench:step's WebGPU on SwiftShader. The fd001-* runs (chapter 6's preset
 * table: five seeds × 1,000 steps per strategy) are only run when named: about 3.5 minutes of CPU time
 * each, much longer in wall time on a loaded machine (they can also run as parallel processes:
 * `npm run bench:fd001 -- 5 gaba 1000 0 --record`).
 */
import { spawnSync } from 'node:child_process';

/** What the book quotes from each bench, with the arguments that keep the run to a few minutes. */
const BENCHES: Readonly<Record<string, readonly string[]>> = {
  step: ['bench:step', '--', '--backends', 'webgpu,wasm', '--repeats', '7'],
  lab: ['bench:lab', '--', '--repeats', '5'],
  temporal: ['bench:temporal', '--', '--repeats', '7'],
  'temporal-gpu': ['bench:temporal', '--', '--browser', '--repeats', '5', '--steps', '10'],
  sweep: ['bench:sweep', '--', '--backends', 'wasm'],
  'fd001-fixed': ['bench:fd001', '--', '5', 'fixed', '1000', '0'],
  'fd001-dwa': ['bench:fd001', '--', '5', 'dwa', '1000', '0'],
  'fd001-gaba': ['bench:fd001', '--', '5', 'gaba', '1000', '0'],
};
const DEFAULT = ['step', 'lab', 'temporal', 'temporal-gpu', 'sweep'];

const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const chosen = onlyIndex >= 0 ? argv[onlyIndex + 1].split(',') : DEFAULT;
const unknown = chosen.filter((name) => !(name in BENCHES));
if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}; one of ${Object.keys(BENCHES).join(', ')}`);

const failed: string[] = [];
for (const name of chosen) {
  const args = ['run', ...BENCHES[name], '--record'];
  console.log(`\n=== npm ${args.join(' ')}`);
  const started = performance.now();
  const child = spawnSync('npm', args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${child.status === 0 ? 'recorded' : `FAILED (exit ${child.status})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (child.status !== 0) failed.push(name);
}
const readme = spawnSync('npm', ['run', 'readme:figures'], { stdio: 'inherit' });
if (readme.status !== 0) failed.push('readme:figures');
if (failed.length > 0) {
  console.error(`not recorded: ${failed.join(', ')} (their previous entries are kept)`);
  process.exit(1);
}
