/**
 * `npm run bench:temporal`: see temporal-run.ts (Node, dense against temporal); with `--browser`,
 * temporal-browser.ts (the GPU-resident temporal step in Chromium). The tfjs resolve hook must come
 * before the core loads.
 */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await (process.argv.includes('--browser') ? import('./temporal-browser') : import('./temporal-run'));
