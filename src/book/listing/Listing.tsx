/**
 * The page half of `<Listing file="…" region="…" />`. The build (src/book/build/rehype-listing.ts)
 * has already replaced the children with highlighted code and added `lines` and `href`.
 */
import { useRef, useState, type ReactNode } from 'react';

export interface ListingProps {
  readonly file: string;
  readonly region: string;
  /** Added at build time: "first–last" line numbers in the file. */
  readonly lines?: string;
  /** Added at build time: the site's plain-text copy of the whole file. */
  readonly href?: string;
  readonly children?: ReactNode;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function Listing({ file, region, lines, href, children }: ListingProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  async function copy() {
    const text = bodyRef.current?.querySelector('code')?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
    window.setTimeout(() => setCopyState('idle'), 2000);
  }

  return (
    <figure className="listing" data-listing={`${file}#${region}`}>
      <div className="listing__body" ref={bodyRef}>
        {children}
        <button type="button" className="listing__copy" onClick={copy} aria-label={`Copy the code of ${region}`}>
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      </div>
      <figcaption className="listing__caption">
        <a href={href ?? undefined} target="_blank" rel="noreferrer">
          <code>{file}</code>
        </a>
        {lines && <span>, lines {lines}</span>}
        <span className="visually-hidden" aria-live="polite">
          {copyState === 'copied' ? 'Code copied to the clipboard.' : ''}
        </span>
      </figcaption>
    </figure>
  );
}
