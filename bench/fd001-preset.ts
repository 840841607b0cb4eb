/** `npm run bench:fd001 [seeds] [strategies] [steps]`: see fd001-preset-run.ts. The tfjs resolve hook must come first. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./fd001-preset-run');
