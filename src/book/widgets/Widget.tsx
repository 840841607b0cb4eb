/**
 * `<Widget name="GabaExplorer" id="gaba1" />` in MDX. A placeholder reserves the space; when it
 * comes within LOAD_MARGIN of the viewport the widget module is imported and mounted inside its
 * own error boundary. `data-widget-state` (placeholder → loading → mounted | error) lets browser
 * tests and print styles see where each widget is.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode, type RefObject } from 'react';
import { findWidgetLoader, knownWidgetNames, type WidgetProps } from './registry';
import { WidgetErrorBoundary } from './WidgetErrorBoundary';

// Start fetching about a screen ahead, so the widget is usually ready when the reader arrives.
const LOAD_MARGIN = '600px 0px';

export interface WidgetElementProps {
  /** Folder name under widgets/. */
  readonly name: string;
  /** Unique on the page. */
  readonly id: string;
  /** Height reserved before the widget loads, in px (keeps the page from jumping). Default 320. */
  readonly height?: number;
  /** Let the figure use the wide column. */
  readonly wide?: boolean;
  /** A caption under the figure. */
  readonly caption?: ReactNode;
  /** Anything else is passed to the widget unchanged. */
  readonly [prop: string]: unknown;
}

type WidgetPhase = 'placeholder' | 'loading' | 'mounted' | 'error';

function useNearViewport(): [RefObject<HTMLElement | null>, boolean] {
  const ref = useRef<HTMLElement | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: LOAD_MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

function MountSignal({ onMount }: { onMount: () => void }) {
  useEffect(onMount, [onMount]);
  return null;
}

function missingWidget(name: string): ComponentType<WidgetProps> {
  return function MissingWidget() {
    throw new Error(`There is no widget "${name}" (no widgets/${name}/index.ts). Known widgets: ${knownWidgetNames().join(', ') || 'none'}.`);
  };
}

export function Widget({ name, id, height = 320, wide = false, caption, ...rest }: WidgetElementProps) {
  const [ref, near] = useNearViewport();
  const [phase, setPhase] = useState<WidgetPhase>('placeholder');
  const [LazyComponent] = useState(() => lazy(findWidgetLoader(name) ?? (async () => ({ default: missingWidget(name) }))));
  const [onMount] = useState(() => () => setPhase('mounted'));
  const [onError] = useState(() => () => setPhase('error'));

  useEffect(() => {
    if (near) setPhase((current) => (current === 'placeholder' ? 'loading' : current));
  }, [near]);

  const placeholder = (
    <div className="widget__placeholder" style={{ minHeight: height }}>
      <span>{near ? 'Loading the interactive figure…' : 'Interactive figure'}</span>
    </div>
  );

  return (
    <figure ref={ref} className={`widget${wide ? ' widget--wide' : ''}`} data-widget={name} data-widget-id={id} data-widget-state={phase}>
      {near ? (
        <WidgetErrorBoundary name={name} onError={onError}>
          <Suspense fallback={placeholder}>
            <LazyComponent id={id} {...rest} />
            <MountSignal onMount={onMount} />
          </Suspense>
        </WidgetErrorBoundary>
      ) : (
        placeholder
      )}
      <p className="widget__print-note">Interactive figure: open the online book to use it.</p>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
