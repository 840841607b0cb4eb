/**
 * One chapter: title, body (lazy chunk), on-page contents and previous/next links. Scrolls to the
 * section named in the route once the body has rendered.
 */
import { Suspense, useCallback, useEffect, useRef, useState, type ComponentType, type MouseEvent } from 'react';
import type { MDXProps } from 'mdx/types';
import type { Chapter } from '../chapters/chapters';
import { mdxComponents } from '../content/mdx-components';
import { ChapterSlugContext } from '../content/Heading';
import { chapterHref } from '../router';
import { resolveSection } from '../route-resolve';
import { TableOfContents } from './TableOfContents';

export interface ChapterPageProps {
  readonly chapter: Chapter;
  readonly previous?: Chapter;
  readonly next?: Chapter;
  readonly section?: string;
  readonly Body: ComponentType<MDXProps>;
  /** Move keyboard focus to the title (after in-book navigation, not on the first load). */
  readonly focusTitle: boolean;
}

function RenderSignal({ onRendered }: { onRendered: () => void }) {
  useEffect(onRendered, [onRendered]);
  return null;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function ChapterPage({ chapter, previous, next, section, Body, focusTitle }: ChapterPageProps) {
  const articleRef = useRef<HTMLElement>(null);
  const [renderedArticle, setRenderedArticle] = useState<HTMLElement | null>(null);
  const onRendered = useCallback(() => setRenderedArticle(articleRef.current), []);

  // A new chapter: start at the top and move focus to its title for keyboard and screen-reader users.
  // (The page is keyed by slug, so renderedArticle starts null without being reset here; resetting
  // it would undo the body's signal when a cached chunk renders in the same commit.)
  useEffect(() => {
    window.scrollTo(0, 0);
    if (focusTitle) articleRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    document.title = `${chapter.title} · Balancing Act`;
    // Only a change of chapter should move focus or scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chapter.slug, chapter.title]);

  // A section typed another way (#/gaba/The-Controller) finds its heading; one that matches none is
  // named in a note above the chapter instead of leaving the reader at the top without a word.
  const [missingSection, setMissingSection] = useState<string | null>(null);
  useEffect(() => {
    if (!renderedArticle || !section) {
      setMissingSection(null);
      return;
    }
    const ids = [...renderedArticle.querySelectorAll<HTMLElement>('[id]')].map((element) => element.id);
    const id = resolveSection(section, ids);
    setMissingSection(id ? null : section);
    if (!id) return;
    if (id !== section) history.replaceState(history.state, '', `${location.pathname}${location.search}${chapterHref(chapter.slug, id)}`);
    document.getElementById(id)?.scrollIntoView({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
  }, [renderedArticle, section, chapter.slug]);

  // Plain "#id" links written in MDX would replace the route; send them through the router instead.
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('#') || href.startsWith('#/')) return;
    event.preventDefault();
    window.location.hash = chapterHref(chapter.slug, decodeURIComponent(href.slice(1)));
  };

  return (
    <ChapterSlugContext.Provider value={chapter.slug}>
      <div className="chapter-layout">
        <article className="page chapter" ref={articleRef} onClick={onClick} data-chapter={chapter.slug} data-body={renderedArticle ? 'rendered' : 'loading'}>
          <header className="page__header">
            <p className="page__kicker">Chapter {chapter.number}</p>
            <h1 tabIndex={-1}>{chapter.title}</h1>
            <p className="page__summary">{chapter.summary}</p>
            {missingSection && (
              <p className="page__notice" role="status" data-testid="missing-section">
                This chapter has no section “{missingSection}”; the link may be from an older edition. The contents list its sections.
              </p>
            )}
          </header>
          <Suspense fallback={<p className="chapter__loading">Loading the chapter…</p>}>
            <Body components={mdxComponents} />
            <RenderSignal onRendered={onRendered} />
          </Suspense>
          <nav className="pager" aria-label="Previous and next chapter">
            {previous ? (
              <a className="pager__previous" href={chapterHref(previous.slug)} rel="prev">
                <span>Previous</span> {previous.title}
              </a>
            ) : <span />}
            {next && (
              <a className="pager__next" href={chapterHref(next.slug)} rel="next">
                <span>Next</span> {next.title}
              </a>
            )}
          </nav>
        </article>
        <aside className="chapter-layout__toc">
          <TableOfContents article={renderedArticle} slug={chapter.slug} />
        </aside>
      </div>
    </ChapterSlugContext.Provider>
  );
}
