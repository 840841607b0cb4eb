/** `npm run scorecard`: see scorecard-run.ts. The tfjs resolve hook must come first. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./scorecard-run');
