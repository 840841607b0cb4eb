// A lost WebGPU device, for real: the test keeps a handle on the GPUDevice that TensorFlow.js asks
// for inside the training Worker, destroys it while the GABA explorer trains live, and reads what the
// reader sees: the lab stops with a message, the badge moves to WASM and says why, and Reset trains
// again on the new backend. Nothing is lost from the page.
import { assert, test, watchProblems } from './harness.mjs';
import { findWidget, parseStepCount, waitForText } from './widgets-support.mjs';

/**
 * Put in front of the Worker's own script (TensorFlow.js arrives later, by dynamic import): remember
 * every device requested in the Worker, so the test can destroy the one TensorFlow.js trains on.
 */
const KEEP_DEVICES = `self.__devices = [];
{
  const request = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (...args) {
    const device = await request.apply(this, args);
    self.__devices.push(device);
    return device;
  };
}
`;

test('a lost WebGPU device stops live training with a message, the badge moves to WASM, Reset trains again', async ({ baseUrl, webgpuBrowser }) => {
  const where = findWidget('GabaExplorer');
  const context = await (await webgpuBrowser()).newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    const watcher = watchProblems(page, baseUrl);
    await page.route(/\/assets\/worker-[^/]+\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: KEEP_DEVICES + (await response.text()) });
    });
    const workerStarted = new Promise((resolve) => page.on('worker', resolve));
    // Auto would measure SwiftShader's WebGPU as slower than WASM and never use it: force it.
    await page.goto(`${baseUrl}?backend=webgpu&${where.id}.mode=live&${where.id}.seed=3#/${where.slug}`);
    await page.waitForSelector(`article[data-chapter="${where.slug}"][data-body="rendered"] .pager`);
    const figure = page.locator(`figure.widget[data-widget-id="${where.id}"]`);
    await figure.scrollIntoViewIfNeeded();
    const worker = await workerStarted;
    const counter = figure.locator('[data-testid="live-step-count"]');
    const badge = page.locator('.backend-badge');
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle', { label: 'the live lab to be ready' });
    assert.equal(await badge.getAttribute('data-backend'), 'webgpu', 'the lab starts on WebGPU');
    assert.equal(await worker.evaluate('self.__devices.length'), 1, 'TensorFlow.js asked the Worker for one device');

    await figure.locator('[data-testid="live-play"]').click();
    await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 3, { label: 'a few WebGPU steps' });
    await worker.evaluate('self.__devices[0].destroy()');

    const error = figure.locator('.ba-error');
    const said = await waitForText(error, (content) => content.startsWith('The WebGPU device was lost'), { timeout: 30_000, label: 'the loss message' });
    assert.match(said, /^The WebGPU device was lost \(destroyed[^)]*\); training moved to wasm\. Press Reset to start again\.$/);
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'error', { label: 'the lab to stop' });
    await page.waitForFunction(() => document.querySelector('.backend-badge')?.dataset.backend === 'wasm');
    assert.match(await badge.innerText(), /Backend: WASM[\s\S]*WebGPU device lost \(destroyed/);

    // Reset builds a new lab on WASM; it trains from step 0.
    await figure.locator('[data-testid="live-reset"]').click();
    await waitForText(counter, (content) => parseStepCount(content)?.status === 'idle' && parseStepCount(content)?.step === 0, { label: 'a fresh lab' });
    await figure.locator('[data-testid="live-play"]').click();
    const resumed = await waitForText(counter, (content) => (parseStepCount(content)?.step ?? 0) >= 20, { timeout: 60_000, label: '20 steps on WASM' });
    assert.match(parseStepCount(resumed).backend, /^wasm \(in a Worker\)/);
    assert.equal(await error.count(), 0, 'the old message is gone after Reset');
    console.log(`     after the loss: ${resumed}; badge "${(await badge.innerText()).replace(/\s+/g, ' ')}"`);
    watcher.assertClean('device loss');
  } finally {
    await context.close();
  }
});
