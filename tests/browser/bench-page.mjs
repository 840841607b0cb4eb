// The bench page (bench/page/) opened in a browser for the GPU-resident tests: built once per test
// process, served from 127.0.0.1 (WebGPU needs a secure context) and used once it says 'ready'.
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './harness.mjs';
import { serveDirectory } from './static-server.mjs';

let pageBuilt;

/** Open the bench page in a fresh context of `browser`, run `run(page)`, then close everything. */
export async function withBenchPage(browser, run) {
  await (pageBuilt ??= build({ configFile: path.join(ROOT, 'bench/page/vite.config.ts'), logLevel: 'warn' }));
  const server = await serveDirectory(path.join(ROOT, 'dist-bench/step'));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    return await run(page);
  } finally {
    await context.close();
    await server.close();
  }
}
