/**
 * Keeps an SVG chart's text at its CSS size on screen. A chart is drawn in viewBox units and scaled to
 * its column, so 11 units of text shrink to 7–9 px on a phone. This hook measures the drawn width and
 * sets `--ba-text-scale` (viewBox units per CSS pixel, at least 1) on the element; the chart text
 * rules in widgets.css multiply their sizes by it, so text never renders below its size.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useTextScale<E extends Element>(viewBoxWidth: number): RefObject<E | null> {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const element = ref.current as (E & ElementCSSInlineStyle) | null;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const apply = (): void => {
      const drawn = element.getBoundingClientRect().width;
      const scale = drawn > 0 ? Math.max(1, viewBoxWidth / drawn) : 1;
      element.style.setProperty('--ba-text-scale', scale.toFixed(3));
    };
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewBoxWidth]);
  return ref;
}
