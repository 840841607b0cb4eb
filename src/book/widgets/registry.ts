/**
 * Every `widgets/<Name>/index.ts(x)` is a widget called `<Name>`. Modules are only referenced here
 * as loaders, so each widget (and whatever it imports, TensorFlow.js included) is its own chunk,
 * fetched when the widget nears the viewport.
 */
import type { ComponentType } from 'react';

/** Props every widget receives; other MDX attributes are passed through unchanged. */
export interface WidgetProps {
  /** Unique on the page; prefixes the widget's URL state keys. */
  readonly id: string;
  readonly [prop: string]: unknown;
}

/** What `widgets/<Name>/index.ts` must export. */
export interface WidgetModule {
  readonly default: ComponentType<WidgetProps>;
}

export type WidgetLoader = () => Promise<WidgetModule>;

const modules = import.meta.glob<WidgetModule>(['/widgets/*/index.ts', '/widgets/*/index.tsx']);

/** Widget name from a module path such as `/widgets/GabaExplorer/index.ts`. */
export function widgetNameFromPath(modulePath: string): string | undefined {
  return /^\/widgets\/([^/]+)\/index\.tsx?$/.exec(modulePath)?.[1];
}

function buildLoaders(): ReadonlyMap<string, WidgetLoader> {
  const loaders = new Map<string, WidgetLoader>();
  for (const [modulePath, load] of Object.entries(modules)) {
    const name = widgetNameFromPath(modulePath);
    if (name) loaders.set(name, load);
  }
  return loaders;
}

// Built once from a compile-time constant; never mutated afterwards.
const loaders = buildLoaders();

export function findWidgetLoader(name: string): WidgetLoader | undefined {
  return loaders.get(name);
}

export function knownWidgetNames(): string[] {
  return [...loaders.keys()].sort();
}
