/** The book shell: header, chapter navigation and the routed page. */
import { lazy, useEffect, useRef, useState, type ComponentType } from 'react';
import type { MDXProps } from 'mdx/types';
import { chapters, findChapter } from './chapters/chapters';
import { ChapterPage } from './layout/ChapterPage';
import { Header } from './layout/Header';
import { Landing } from './layout/Landing';
import { ProgressBar } from './layout/ProgressBar';
import { Sidebar } from './layout/Sidebar';
import { chapterHref, homeHref, useRoute } from './router';
import { dropWidgetStateFromAddress, resolveChapterSlug } from './route-resolve';
import { BackendNotice } from './tf/BackendBadge';
import { TfProvider } from './tf/TfProvider';

function useChapterBodies(): ReadonlyMap<string, ComponentType<MDXProps>> {
  // One lazy component per chapter for the life of the page, so revisiting a chapter is instant.
  const [bodies] = useState(() => new Map(chapters.map((chapter) => [chapter.slug, lazy(chapter.load)])));
  return bodies;
}

function NotFound({ slug }: { slug: string }) {
  return (
    <article className="page">
      <h1 tabIndex={-1}>No chapter “{slug}”</h1>
      <p>
        The link may be from an older edition. <a href={homeHref}>See all chapters.</a>
      </p>
    </article>
  );
}

export function App() {
  const route = useRoute();
  const bodies = useChapterBodies();
  const [menuOpen, setMenuOpen] = useState(false);
  const [navigated, setNavigated] = useState(false);
  const wantedSlug = route.kind === 'chapter' ? route.slug : undefined;
  const resolvedSlug = wantedSlug === undefined ? undefined : resolveChapterSlug(wantedSlug, chapters);
  const found = resolvedSlug ? findChapter(resolvedSlug) : undefined;
  const section = route.kind === 'chapter' ? route.section : undefined;

  // A link typed another way (#/GABA, #/04-gaba) shows the chapter under its own address.
  useEffect(() => {
    if (!resolvedSlug || resolvedSlug === wantedSlug) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}${chapterHref(resolvedSlug, section)}`);
  }, [wantedSlug, resolvedSlug, section]);

  // Widget settings belong to the chapter they were made in: moving to another page drops them from
  // the address, so a link copied there does not carry them along.
  const page = resolvedSlug ?? wantedSlug ?? '';
  const previousPage = useRef<string | null>(null);
  useEffect(() => {
    if (previousPage.current !== null && previousPage.current !== page) dropWidgetStateFromAddress();
    previousPage.current = page;
  }, [page]);

  useEffect(() => {
    if (route.kind === 'home') document.title = 'Balancing Act';
  }, [route.kind]);

  useEffect(() => {
    const onHashChange = () => setNavigated(true);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [menuOpen]);

  const Body = found ? bodies.get(found.chapter.slug) : undefined;
  return (
    <TfProvider>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      <ProgressBar watchKey={route.kind === 'chapter' ? route.slug : ''} />
      <BackendNotice />
      <div className="shell">
        <Sidebar chapters={chapters} currentSlug={found?.chapter.slug} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" tabIndex={-1}>
          {route.kind === 'home' && <Landing chapters={chapters} />}
          {route.kind === 'chapter' && found && Body && (
            <ChapterPage key={found.chapter.slug} chapter={found.chapter} previous={found.previous} next={found.next} section={section} Body={Body} focusTitle={navigated} />
          )}
          {route.kind === 'chapter' && !found && <NotFound slug={route.slug} />}
        </main>
      </div>
    </TfProvider>
  );
}
