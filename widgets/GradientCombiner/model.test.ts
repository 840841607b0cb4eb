import { describe, expect, it } from 'vitest';
import { COMBINER_SCHEMA, describeLambdaChange, liveLabConfig, livePicture, liveTunables, staticPicture, type CombinerState } from './model';
import { parseState } from '../shared/url-state';

const base: CombinerState = { lambda: 0.5, angle: 60, ratio: 20, mode: 'static', strategy: 'fixed', seed: 0 };

describe('the gradient combiner model', () => {
  it('gives the health task about 0.2% of the update at ratio 500 and λ 0.5', () => {
    const { shares } = staticPicture({ ...base, ratio: 500 });
    expect(shares[1] * 100).toBeCloseTo(0.1996, 3);
  });

  it('sticks to g_rul at 20× whatever λ is between 0.2 and 0.8', () => {
    for (const lambda of [0.2, 0.5, 0.8]) {
      expect(Math.abs(staticPicture({ ...base, lambda, angle: 90 }).deviationFromRul)).toBeLessThan(15);
    }
  });

  it('nearly vanishes at 1× and 180° with equal weights', () => {
    const pictureAt = staticPicture({ ...base, ratio: 1, angle: 180 });
    expect(Math.hypot(...pictureAt.combined)).toBeLessThan(1e-12);
    expect(pictureAt.lengthKept).toBeLessThan(1e-12);
  });

  it('draws a live record exactly: norms as lengths, the angle from the cosine', () => {
    const picture = livePicture({ step: 3, losses: [900, 1.1], gradNorms: [120, 0.4], cosine: 0.5, weights: [0.5, 0.5] });
    expect(picture.rul).toEqual([120, 0]);
    expect(Math.hypot(...picture.health)).toBeCloseTo(0.4, 12);
    expect(picture.angle).toBeCloseTo(60, 10);
    expect(picture.ratio).toBeCloseTo(300, 10);
  });

  it('clamps a ratio of 1e6 from the URL to 1000×', () => {
    expect(parseState(new URLSearchParams('c.ratio=1e6&c.angle=720'), 'c', COMBINER_SCHEMA)).toMatchObject({ ratio: 1000, angle: 180 });
  });

  it('an update whose two terms cancel has no length and no direction, not a rounding error of 6e-15 at 90°', () => {
    const cancelled = staticPicture({ ...base, ratio: 1, angle: 180, lambda: 0.5 });
    expect(cancelled.combined).toEqual([0, 0]);
    expect(cancelled.lengthKept).toBe(0);
    expect(cancelled.deviationFromRul).toBeNaN();
    const nearly = staticPicture({ ...base, ratio: 1, angle: 179, lambda: 0.5 });
    expect(nearly.lengthKept).toBeGreaterThan(0.008);
    expect(Number.isFinite(nearly.deviationFromRul)).toBe(true);
  });
});

describe('the combiner’s live λ', () => {
  const state: CombinerState = { ...parseState(new URLSearchParams(), 'c', COMBINER_SCHEMA), mode: 'live', lambda: 0.8 };

  it('is a tunable of a fixed-weight run, not part of its config, and has no say under GABA', () => {
    expect(liveLabConfig(state)).toEqual(liveLabConfig({ ...state, lambda: 0.2 }));
    expect(liveTunables(state)).toEqual({ run: { weights: [0.8, 1 - 0.8] } });
    expect(liveTunables({ ...state, strategy: 'gaba' })).toBeUndefined();
    expect(describeLambdaChange({ runId: 'run', step: 121, hyper: { weights: [0.8, 0.2] } })).toBe('λ_rul 0.80 from step 121');
  });
});
