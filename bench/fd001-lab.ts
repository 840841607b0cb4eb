/** `npm run lab:fd001 [steps] [seed]`: see fd001-lab-run.ts. The tfjs resolve hook must come first. */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
await import('./fd001-lab-run');
