import { describe, expect, it, vi } from 'vitest';
import type { BackendModule } from './backend-contract';
import { backendLabel, createTfSession, describeSelection, describeSpeed, formatStepRate } from './tf-session';

function fakeModule(select: BackendModule['selectBackend']): () => Promise<BackendModule> {
  return vi.fn(async () => ({ selectBackend: select }));
}

describe('the page TensorFlow.js session', () => {
  it('loads nothing until asked', () => {
    const loadBackendModule = fakeModule(async () => ({ name: 'cpu', skipped: [] }));
    const session = createTfSession({ request: {}, loadBackendModule });
    expect(session.getState()).toEqual({ status: 'idle' });
    expect(loadBackendModule).not.toHaveBeenCalled();
  });

  it('selects the backend once however many widgets ask', async () => {
    const select = vi.fn<BackendModule['selectBackend']>(async () => ({ name: 'wasm', skipped: [] }));
    const session = createTfSession({ request: { forced: 'wasm' }, loadBackendModule: fakeModule(select) });
    const seen: string[] = [];
    session.subscribe(() => seen.push(session.getState().status));
    await Promise.all([session.load(), session.load()]);
    expect(select).toHaveBeenCalledTimes(1);
    // The host reads the page's request itself (live/page-request.ts); the session passes nothing.
    expect(select).toHaveBeenCalledWith();
    expect(seen).toEqual(['loading', 'ready']);
  });

  it('follows a later change of backend (a lost WebGPU device) and words it for the badge', async () => {
    let announce: (selection: { name: string; skipped: { name: string; reason: string }[] }) => void = () => undefined;
    const session = createTfSession({
      request: {},
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

  it('names the measured speeds when the choice was a race', () => {
    const raced = { name: 'wasm', skipped: [], speeds: [{ name: 'webgpu', stepsPerSecond: 7.84 }, { name: 'wasm', stepsPerSecond: 1234.4 }] };
    expect(describeSelection(raced)).toBe('WebGPU 7.8 steps/s measured: using WASM, the fastest here');
    expect(describeSpeed(raced)).toBe('1,234 steps/s');
    expect(describeSpeed({ name: 'cpu', skipped: [] })).toBeUndefined();
    expect(formatStepRate(310.6)).toBe('311');
  });

  it('spells backends for the badge', () => {
    expect(backendLabel('webgpu')).toBe('WebGPU');
    expect(backendLabel('wasm')).toBe('WASM');
    expect(backendLabel('custom')).toBe('custom');
  });
});
