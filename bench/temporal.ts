/** `npm run bench:temporal`: see temporal-run.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../src/cli/node-tfjs';

installTfjsResolveHook();
await import('./temporal-run');
