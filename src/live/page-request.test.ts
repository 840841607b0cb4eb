import { describe, expect, it } from 'vitest';
import { parseBackendRequest } from './page-request';

describe('the ?backend= request', () => {
  it('is empty when absent or blank', () => {
    expect(parseBackendRequest('')).toEqual({});
    expect(parseBackendRequest('?backend=')).toEqual({});
  });

  it('forces a known backend, ignoring case and spaces', () => {
    expect(parseBackendRequest('?backend=wasm')).toEqual({ forced: 'wasm' });
    expect(parseBackendRequest('?x=1&backend=%20WebGPU')).toEqual({ forced: 'webgpu' });
  });

  it('keeps an unknown value so the page can say so', () => {
    expect(parseBackendRequest('?backend=tpu')).toEqual({ invalid: 'tpu' });
  });
});
