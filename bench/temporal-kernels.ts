/** `npx tsx bench/temporal-kernels.ts`: see temporal-kernels-run.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./temporal-kernels-run');
