/**
 * Writes the built page's Content-Security-Policy as a <meta> tag (a static host may send no
 * headers, so the page carries its own). The book reads readers' files and runs their numbers through
 * its code, so it allows only what it does:
 *  - scripts from its own origin, plus the inline theme script of index.html by its SHA-256 hash
 *    (computed here from the final HTML, so editing that script cannot silently break the page);
 *  - 'wasm-unsafe-eval': compiling the TensorFlow.js WebAssembly binaries;
 *  - Workers from its own origin (the live lab's Worker is a bundled file, never a blob:);
 *  - fetches (wasm binaries, source copies) from its own origin only: no foreign connection.
 * Styles: KaTeX and the charts set `style` attributes in the server-rendered markup; the policy keeps
 * style sheets to the own origin and allows those attributes only ('unsafe-inline' on style-src-attr).
 * Only the build gets the policy: `vite dev` injects inline scripts and a WebSocket of its own.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** 'sha256-…' sources of every inline script in `html`, in order. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
}

/** The policy for a page whose inline scripts have these hash sources. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scriptHashes, "'wasm-unsafe-eval'"].join(' ')}`,
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function cspPlugin(): Plugin {
  return {
    name: 'balancing-act:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy(inlineScriptHashes(html));
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        // Before any script, so the policy governs all of them.
        return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${tag}`);
      },
    },
  };
}
