/** `npm run lab:fd001 [steps] [seed]`: see fd001-lab-run.ts. The tfjs resolve hook must come first. */
import { installTfjsResolveHook } from '../src/cli/node-tfjs';

installTfjsResolveHook();
await import('./fd001-lab-run');
