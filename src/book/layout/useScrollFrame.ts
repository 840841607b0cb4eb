import { useEffect } from 'react';

/**
 * Calls `onFrame` at most once per animation frame while the page scrolls or resizes, and once at
 * start. Shared by the progress bar and the table of contents.
 */
export function useScrollFrame(onFrame: () => void, dependencies: readonly unknown[]): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          onFrame();
        });
      }
    };
    schedule();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what onFrame reads
  }, dependencies);
}
