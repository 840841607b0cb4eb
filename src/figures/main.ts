/** `npm run figures [-- --cheap]`: see generate.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../cli/node-tfjs';

installTfjsResolveHook();
await import('./generate');
