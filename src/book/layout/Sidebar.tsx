/** Chapter list. A column on wide screens; a drawer opened from the header menu on narrow ones. */
import type { Chapter } from '../chapters/chapters';
import { chapterHref, homeHref } from '../router';

export interface SidebarProps {
  readonly chapters: readonly Chapter[];
  readonly currentSlug?: string;
  readonly open: boolean;
  readonly onNavigate: () => void;
}

export function Sidebar({ chapters, currentSlug, open, onNavigate }: SidebarProps) {
  return (
    <nav id="chapter-nav" className={`sidebar${open ? ' sidebar--open' : ''}`} aria-label="Chapters">
      <a className="sidebar__home" href={homeHref} onClick={onNavigate} aria-current={currentSlug === undefined ? 'page' : undefined}>
        Contents
      </a>
      <ol className="sidebar__list">
        {chapters.map((chapter) => (
          <li key={chapter.slug}>
            <a href={chapterHref(chapter.slug)} title={chapter.summary} onClick={onNavigate} aria-current={chapter.slug === currentSlug ? 'page' : undefined}>
              <span className="sidebar__number">{chapter.number}</span>
              <span>{chapter.title}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
