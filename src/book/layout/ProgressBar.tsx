/** A thin bar under the header showing how far through the chapter the reader is. */
import { useRef } from 'react';
import { useScrollFrame } from './useScrollFrame';

export function ProgressBar({ watchKey }: { watchKey: string }) {
  const barRef = useRef<HTMLDivElement>(null);
  useScrollFrame(() => {
    const scrollable = document.documentElement.scrollHeight - window.innerHeight;
    const progress = scrollable > 0 ? Math.min(1, Math.max(0, window.scrollY / scrollable)) : 0;
    // A transform, not width: it composites without relayout.
    barRef.current?.style.setProperty('transform', `scaleX(${progress})`);
  }, [watchKey]);
  return (
    <div className="progress" aria-hidden="true">
      <div className="progress__bar" ref={barRef} />
    </div>
  );
}
