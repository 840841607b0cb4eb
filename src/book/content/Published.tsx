/**
 * `<Published source="GABA book §12.2">about 500×</Published>`: a figure someone else measured, with a
 * visible marker naming where it stands. Kept apart from `<Measured>`, which prints our own runs.
 */
import type { ReactNode } from 'react';

export function Published({ source, children }: { readonly source: string; readonly children: ReactNode }) {
  return (
    <span className="figure-published">
      {children}
      <span className="figure-marker figure-marker--published"> (published: {source})</span>
    </span>
  );
}
