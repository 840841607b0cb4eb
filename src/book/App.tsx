/** The book shell: header, chapter navigation and the routed page. */
import { lazy, useEffect, useState, type ComponentType } from 'react';
import type { MDXProps } from 'mdx/types';
import { chapters, findChapter } from './chapters/chapters';
import { ChapterPage } from './layout/ChapterPage';
import { Header } from './layout/Header';
import { Landing } from './layout/Landing';
import { ProgressBar } from './layout/ProgressBar';
import { Sidebar } from './layout/Sidebar';
import { homeHref, useRoute } from './router';
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
  const found = route.kind === 'chapter' ? findChapter(route.slug) : undefined;

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
            <ChapterPage key={found.chapter.slug} chapter={found.chapter} previous={found.previous} next={found.next} section={route.section} Body={Body} focusTitle={navigated} />
          )}
          {route.kind === 'chapter' && !found && <NotFound slug={route.slug} />}
        </main>
      </div>
    </TfProvider>
  );
}
