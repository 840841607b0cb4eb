/**
 * Browser plumbing for the bench:* scripts: a static server for a built folder on 127.0.0.1 with the
 * book's COOP/COEP headers (as tests/browser/static-server.mjs, typed here), and headless Chromium
 * through playwright-core, with SwiftShader WebGPU on request.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

function fileFor(root: string, url: string): string | undefined {
  const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  const file = path.normalize(path.join(root, pathname));
  if (!file.startsWith(root)) return undefined;
  try {
    return statSync(file).isDirectory() ? fileFor(root, path.posix.join(pathname, 'index.html')) : file;
  } catch {
    return undefined;
  }
}

/** Serve `root` on 127.0.0.1 at a free port. */
export function serve(root: string): Promise<Served> {
  const absolute = path.resolve(root);
  const server = createServer((request, response) => {
    const file = fileFor(absolute, request.url ?? '/');
    if (file === undefined) {
      response.writeHead(404, HEADERS).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream', ...HEADERS });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Debian Chromium; `webgpu` adds --enable-unsafe-webgpu (SwiftShader). */
export function launch(webgpu: boolean): Promise<Browser> {
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
  if (webgpu) args.push('--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: CHROMIUM, args });
}

/** The WebGPU adapter this Chromium offers ("vendor architecture description"), or null without one. */
export async function webgpuAdapterOf(browser: Browser, url: string): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(async () => {
      interface AdapterInfo { vendor: string; architecture: string; description: string }
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: AdapterInfo } | null> } }).gpu;
      const adapter = gpu ? await gpu.requestAdapter() : null;
      if (!adapter) return null;
      const info = adapter.info;
      return info ? [info.vendor, info.architecture, info.description].filter((part) => part !== '').join(' ') : 'unknown adapter';
    });
  } finally {
    await page.close();
  }
}

export interface BenchPageSession {
  readonly url: string;
  readonly browser: Browser;
  readonly browserVersion: string;
  readonly webgpuAdapter: string | null;
  close(): Promise<void>;
}

/**
 * The bench page (bench/page/) built into dist-bench/step/, served on 127.0.0.1 and opened by a
 * Chromium with SwiftShader WebGPU allowed, with the browser's version and WebGPU adapter read once.
 */
export async function openBenchPage(): Promise<BenchPageSession> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await build({ configFile: path.join(root, 'bench/page/vite.config.ts'), logLevel: 'warn' });
  const server = await serve(path.join(root, 'dist-bench/step'));
  const browser = await launch(true);
  return {
    url: server.url,
    browser,
    browserVersion: browser.version(),
    webgpuAdapter: await webgpuAdapterOf(browser, server.url),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
