/**
 * On-page contents (h2/h3) with the section being read highlighted. Headings are read from the
 * rendered chapter, so authors only write Markdown headings.
 */
import { useEffect, useState } from 'react';
import { chapterHref } from '../router';
import { useScrollFrame } from './useScrollFrame';

interface TocEntry {
  readonly id: string;
  readonly text: string;
  readonly level: 2 | 3;
}

function readHeadings(article: HTMLElement): TocEntry[] {
  return [...article.querySelectorAll<HTMLHeadingElement>('h2[id], h3[id]')].map((heading) => ({
    id: heading.id,
    // The anchor's "#" is not part of the title.
    text: [...heading.childNodes].filter((node) => !(node instanceof HTMLElement && node.classList.contains('heading-anchor'))).map((node) => node.textContent).join('').trim(),
    level: heading.tagName === 'H2' ? 2 : 3,
  }));
}

// A heading counts as "current" once it has passed this fraction of the viewport height.
const READING_LINE = 0.3;

export function TableOfContents({ article, slug }: { article: HTMLElement | null; slug: string }) {
  const [entries, setEntries] = useState<TocEntry[]>([]);
  const [currentId, setCurrentId] = useState<string | undefined>();

  useEffect(() => {
    setEntries(article ? readHeadings(article) : []);
  }, [article]);

  useScrollFrame(() => {
    let current: string | undefined;
    // At the very bottom the last sections may never reach the reading line: the lowest heading on
    // screen is then the one being read.
    const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    const line = atBottom ? window.innerHeight : window.innerHeight * READING_LINE;
    for (const entry of entries) {
      const element = document.getElementById(entry.id);
      if (element && element.getBoundingClientRect().top <= line) current = entry.id;
    }
    setCurrentId(current);
  }, [entries]);

  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label="On this page">
      <details open>
        <summary>On this page</summary>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={`toc__item toc__item--h${entry.level}`}>
              <a href={chapterHref(slug, entry.id)} aria-current={entry.id === currentId ? 'location' : undefined}>
                {entry.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
