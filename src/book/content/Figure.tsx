/** `<Figure wide caption="…">…</Figure>`: a static figure; `wide` lets it break out of the text column. */
import type { ReactNode } from 'react';

export function Figure({ wide = false, caption, children }: { wide?: boolean; caption?: ReactNode; children?: ReactNode }) {
  return (
    <figure className={`figure${wide ? ' figure--wide' : ''}`}>
      {children}
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
