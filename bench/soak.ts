/** `npm run bench:soak`: see soak-run.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./soak-run');
