/**
 * A hash router: the whole route lives after `#`, so deep links work on any static host without
 * server rewrites. Routes:
 *   `#/`                      the landing page
 *   `#/<slug>`                a chapter
 *   `#/<slug>/<section-id>`   a chapter, scrolled to a heading
 * The query string before `#` is left to page-wide options such as `?backend=wasm`.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly kind: 'home' }
  | { readonly kind: 'chapter'; readonly slug: string; readonly section?: string };

/** Parses `location.hash`. Unknown shapes land on the chapter route; the page decides if it exists. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [slug, ...rest] = path.split('/').filter((part) => part !== '').map(safeDecode);
  if (!slug) return { kind: 'home' };
  const section = rest.join('/');
  return section ? { kind: 'chapter', slug, section } : { kind: 'chapter', slug };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The href of the landing page. */
export const homeHref = '#/';

/** The href of a chapter, or of one of its headings. */
export function chapterHref(slug: string, section?: string): string {
  return `#/${encodeURIComponent(slug)}${section ? `/${encodeURIComponent(section)}` : ''}`;
}

// popstate as well: going Back to an entry whose query differs (widget state is dropped from the
// address on leaving a chapter) changes the hash without a hashchange event.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseHash(hash);
}
