/** `npm run figures [-- --cheap]`: see generate.ts. The tfjs resolve hook must come before the core loads. */
import { installTfjsResolveHook } from '../node/tfjs-setup';

installTfjsResolveHook();
await import('./generate');
