#!/usr/bin/env node
// Runs every tests/browser/*.test.mjs against the built book (run `npm run build` first; the
// test:browser script does). Usage: node tests/browser/run.mjs [name filter]. Prints one line per
// test and a final "N passed, N failed"; exits non-zero when anything failed.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverChapters, launchBrowser, registeredTests, ROOT, startServer } from './harness.mjs';

const TEST_TIMEOUT_MS = 120_000;
const filter = process.argv[2];

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function lazyBrowser(options) {
  let browser;
  return {
    get: () => (browser ??= launchBrowser(options)),
    close: async () => (browser ? (await browser).close() : undefined),
  };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const directory = path.join(ROOT, 'tests/browser');
  const files = readdirSync(directory).filter((name) => name.endsWith('.test.mjs')).sort();
  const tests = [];
  for (const file of files) {
    await import(pathToFileURL(path.join(directory, file)).href);
    for (const entry of registeredTests()) tests.push({ ...entry, name: `${file.replace('.test.mjs', '')} › ${entry.name}` });
  }
  const selected = filter ? tests.filter((entry) => entry.name.includes(filter)) : tests;

  const server = await startServer();
  const plain = lazyBrowser({ webgpu: false });
  const webgpu = lazyBrowser({ webgpu: true });
  const screenshotDir = path.join(ROOT, 'artifacts/screenshots');
  mkdirSync(screenshotDir, { recursive: true });
  const context = { baseUrl: server.url, chapters: discoverChapters(), browser: plain.get, webgpuBrowser: webgpu.get, screenshotDir };

  let passed = 0;
  let failed = 0;
  for (const entry of selected) {
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(() => entry.fn(context)), TEST_TIMEOUT_MS, entry.name);
      passed += 1;
      console.log(`ok   ${entry.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${entry.name}\n     ${String(error?.stack ?? error).split('\n').join('\n     ')}`);
    }
  }
  await Promise.all([plain.close(), webgpu.close(), server.close()]);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
