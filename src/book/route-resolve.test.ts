import { describe, expect, it } from 'vitest';
import { resolveChapterSlug, resolveSection, slugLike, withoutWidgetState } from './route-resolve';

const chapters = [
  { slug: 'one-loss-for-two-tasks', title: 'One loss for two tasks', number: 1 },
  { slug: 'gaba', title: 'GABA: weights from gradient norms', number: 4 },
];

describe('forgiving chapter and section links', () => {
  it('resolve a chapter by case, by NN-slug, by title and by number', () => {
    expect(resolveChapterSlug('gaba', chapters)).toBe('gaba');
    expect(resolveChapterSlug('GABA', chapters)).toBe('gaba');
    expect(resolveChapterSlug('04-gaba', chapters)).toBe('gaba');
    expect(resolveChapterSlug('One Loss for Two Tasks', chapters)).toBe('one-loss-for-two-tasks');
    expect(resolveChapterSlug('4', chapters)).toBe('gaba');
    expect(resolveChapterSlug('gradnorm', chapters)).toBeUndefined();
    expect(resolveChapterSlug('!!!', chapters)).toBeUndefined();
  });

  it('resolve a section by case and punctuation, or not at all', () => {
    const ids = ['the-controller', 'λ-and-β', 'two-questions-from-one-network'];
    expect(resolveSection('the-controller', ids)).toBe('the-controller');
    expect(resolveSection('The Controller', ids)).toBe('the-controller');
    expect(resolveSection('THE_CONTROLLER', ids)).toBe('the-controller');
    expect(resolveSection('Λ-AND-Β', ids)).toBe('λ-and-β');
    expect(resolveSection('Two questions, from one network?', ids)).toBe('two-questions-from-one-network');
    expect(resolveSection('no-such-section', ids)).toBeUndefined();
    expect(slugLike('  A -- b  ')).toBe('a-b');
  });

  it('leave page-wide options in the query and drop widget state', () => {
    const params = new URLSearchParams('backend=wasm&gaba1.beta=0.5&lab1.seed=7');
    expect(withoutWidgetState(params).toString()).toBe('backend=wasm');
  });
});
