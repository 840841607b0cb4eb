import { describe, expect, it } from 'vitest';
import { chapterHref, parseHash } from './router';

describe('hash routes', () => {
  it('treats an empty or bare hash as the landing page', () => {
    expect(parseHash('')).toEqual({ kind: 'home' });
    expect(parseHash('#/')).toEqual({ kind: 'home' });
  });

  it('reads a chapter and an optional section', () => {
    expect(parseHash('#/fixed-weights')).toEqual({ kind: 'chapter', slug: 'fixed-weights' });
    expect(parseHash('#/fixed-weights/the-sweep')).toEqual({ kind: 'chapter', slug: 'fixed-weights', section: 'the-sweep' });
  });

  it('round-trips hrefs with characters that need escaping', () => {
    const href = chapterHref('gaba', 'λ-and-β');
    expect(parseHash(href)).toEqual({ kind: 'chapter', slug: 'gaba', section: 'λ-and-β' });
  });

  it('survives malformed escapes', () => {
    expect(parseHash('#/a/%E0%A4%A')).toEqual({ kind: 'chapter', slug: 'a', section: '%E0%A4%A' });
  });
});
