/**
 * `npm run bench:core`: steps per second of the toy GABA step on every tfjs backend Node can start,
 * fused against naive, beside PyTorch eager on the CPU (see core-run.ts). Node's ESM loader needs the
 * CLI's tfjs resolve hook before the core loads, so the benchmark itself is imported dynamically.
 */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./core-run');
