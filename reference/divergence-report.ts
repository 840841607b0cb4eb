/**
 * `npx tsx reference/divergence-report.ts [fused|naive]`: how far the core drifts from the PyTorch
 * fixtures, per scenario, with steps where a ReLU input sits on different sides of its kink in the
 * two implementations (sign signatures differ) counted apart. Diagnostic only; the tests assert.
 */
import { installTfjsResolveHook } from '../src/node/tfjs-setup';

installTfjsResolveHook();
const { reportDivergence } = await import('./divergence');
await reportDivergence(process.argv[2] === 'naive' ? 'naive' : 'fused');
