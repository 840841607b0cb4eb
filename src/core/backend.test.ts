import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';

describe('selectBackend', () => {
  it('activates cpu when cpu is forced, skipping nothing', async () => {
    const choice = await selectBackend({ forced: 'cpu' });
    expect(choice).toEqual({ name: 'cpu', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('falls back to cpu with a readable notice when a forced webgpu has no navigator.gpu', async () => {
    const choice = await selectBackend({ forced: 'webgpu', order: ['cpu'] });
    expect(choice.name).toBe('cpu');
    expect(choice.skipped).toEqual([{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }]);
    expect(choice.forcedUnavailable).toBe(
      'The webgpu backend is not available here (webgpu: navigator.gpu missing); using cpu instead.',
    );
  });

  it('skips webgpu by default in Node and says why', async () => {
    const choice = await selectBackend({ order: ['webgpu', 'cpu'] });
    expect(choice).toEqual({ name: 'cpu', skipped: [{ name: 'webgpu', reason: 'webgpu: navigator.gpu missing' }] });
  });
});
