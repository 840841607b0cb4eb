// A tiny static file server for dist/: correct MIME types (application/wasm included) and the
// COOP/COEP headers that make the page cross-origin isolated, as a real deployment should be.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function resolveFile(root, url) {
  const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  const file = path.normalize(path.join(root, pathname));
  if (!file.startsWith(root)) return undefined;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return resolveFile(root, path.posix.join(pathname, 'index.html'));
    return file;
  } catch {
    return undefined;
  }
}

/** Serves `root` on 127.0.0.1 (port 0 = any free port). Resolves to { url, close }. */
export function serveDirectory(root, port = 0) {
  const absoluteRoot = path.resolve(root);
  const server = createServer((request, response) => {
    const file = resolveFile(absoluteRoot, request.url ?? '/');
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...ISOLATION_HEADERS });
      response.end('Not found');
      return;
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...ISOLATION_HEADERS });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
