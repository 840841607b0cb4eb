import { describe, expect, it, vi } from 'vitest';
import type { BackendModule } from './backend-contract';
import { createTfSession, describeSelection } from './tf-session';

function fakeModule(select: BackendModule['selectBackend']): () => Promise<BackendModule> {
  return vi.fn(async () => ({ selectBackend: select }));
}

describe('the page TensorFlow.js session', () => {
  it('loads nothing until asked', () => {
    const loadBackendModule = fakeModule(async () => ({ name: 'cpu', skipped: [] }));
    const session = createTfSession({ request: {}, wasmPaths: '/w/', loadBackendModule });
    expect(session.getState()).toEqual({ status: 'idle' });
    expect(loadBackendModule).not.toHaveBeenCalled();
  });

  it('selects the backend once however many widgets ask, passing the request and wasm folder', async () => {
    const select = vi.fn<BackendModule['selectBackend']>(async () => ({ name: 'wasm', skipped: [] }));
    const session = createTfSession({ request: { forced: 'wasm' }, wasmPaths: '/w/', loadBackendModule: fakeModule(select) });
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().status));
    await Promise.all([session.load(), session.load()]);
    expect(select).toHaveBeenCalledTimes(1);
    expect(select).toHaveBeenCalledWith({ forced: 'wasm', wasmPaths: '/w/' });
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('follows a later change of backend (a lost WebGPU device) and words it for the badge', async () => {
    let announce: (selection: { name: string; skipped: { name: string; reason: string }[] }) => void = () => undefined;
    const session = createTfSession({
      request: {},
      wasmPaths: '/w/',
      loadBackendModule: async () => ({
        selectBackend: async () => ({ name: 'webgpu', skipped: [] }),
        onChange: (listener) => {
          announce = listener;
          return () => undefined;
        },
      }),
    });
    await session.load();
    expect(session.getState()).toEqual({ status: 'ready', selection: { name: 'webgpu', skipped: [] } });
    const afterLoss = { name: 'wasm', skipped: [{ name: 'webgpu', reason: 'WebGPU device lost (destroyed)' }] };
    announce(afterLoss);
    expect(session.getState()).toEqual({ status: 'ready', selection: afterLoss });
    expect(describeSelection(afterLoss)).toBe('WebGPU device lost (destroyed): using WASM');
  });

  it('reports a failure as an error state', async () => {
    const session = createTfSession({
      request: {},
      wasmPaths: '/w/',
      loadBackendModule: fakeModule(async () => {
        throw new Error('no backend');
      }),
    });
    await expect(session.load()).rejects.toThrow('no backend');
    expect(session.getState()).toEqual({ status: 'error', message: 'no backend' });
  });
});

describe('the badge explanation', () => {
  it('is silent on WebGPU and says why otherwise', () => {
    expect(describeSelection({ name: 'webgpu', skipped: [] })).toBeUndefined();
    expect(describeSelection({ name: 'wasm', skipped: [{ name: 'webgpu', reason: 'no WebGPU adapter' }] })).toBe('no WebGPU adapter: using WASM');
    expect(describeSelection({ name: 'cpu', skipped: [] })).toBe('using CPU');
    expect(describeSelection({ name: 'wasm', skipped: [{ name: 'webgpu', reason: 'webgpu: no adapter' }] })).toBe('no WebGPU adapter: using WASM');
    expect(describeSelection({ name: 'webgl', skipped: [{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }] })).toBe(
      'no WebGPU (navigator.gpu missing): using WebGL',
    );
  });
});
