import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './csp-plugin';

describe('the Content-Security-Policy of the built page', () => {
  it('hashes inline scripts only, byte for byte', () => {
    const html = '<script>var a = 1;\n</script><script type="module" crossorigin src="./assets/index.js"></script>';
    const expected = createHash('sha256').update('var a = 1;\n').digest('base64');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${expected}'`]);
  });

  it('allows the theme script of index.html and nothing foreign', () => {
    const hashes = inlineScriptHashes(readFileSync('index.html', 'utf8'));
    expect(hashes).toHaveLength(1);
    const policy = contentSecurityPolicy(hashes);
    expect(policy).toContain(`script-src 'self' ${hashes[0]} 'wasm-unsafe-eval'`);
    expect(policy).not.toMatch(/https?:|'unsafe-eval'|\*|blob:/);
    expect(policy).toContain("connect-src 'self'");
  });
});
