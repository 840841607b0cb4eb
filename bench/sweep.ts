/** `npm run bench:sweep`: see sweep-run.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./sweep-run');
