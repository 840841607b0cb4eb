/**
 * The core's command line: `npm run core -- --help`. The module hook must be in place before the
 * core loads, so everything else is imported dynamically.
 */
import { installTfjsResolveHook } from '../node/tfjs-setup';

installTfjsResolveHook();
const { runCli } = await import('./commands');
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
