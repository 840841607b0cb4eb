/** The front page: what the book is, and every chapter with its summary. */
import type { Chapter } from '../chapters/chapters';
import { chapterHref } from '../router';

export function Landing({ chapters }: { chapters: readonly Chapter[] }) {
  return (
    <article className="page landing">
      <header className="page__header">
        <p className="page__kicker">An interactive textbook</p>
        <h1 tabIndex={-1}>Balancing Act</h1>
        <p className="landing__lede">
          One network, two tasks: predict how many cycles a turbofan engine has left, and say whether it is healthy,
          degrading or critical. This book is about the single number that decides how much each task is heard — the loss
          weight — and the methods that set it for you. The widgets run the book’s own training core in your browser, and
          their live modes train a real network there; published figures are marked with their source.
        </p>
      </header>
      <ol className="chapter-list">
        {chapters.map((chapter) => (
          <li key={chapter.slug}>
            <a href={chapterHref(chapter.slug)}>
              <span className="chapter-list__number">Chapter {chapter.number}</span>
              <span className="chapter-list__title">{chapter.title}</span>
            </a>
            <p>{chapter.summary}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
