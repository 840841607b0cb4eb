/**
 * Names each widget's chunk after its folder (`widget-GabaExplorer-<hash>.js`) instead of the
 * generic `index-<hash>.js`, so the network panel, the size report and browser tests can tell
 * widgets apart.
 */
export function widgetChunkName(facadeModuleId: string | null | undefined): string | undefined {
  const match = facadeModuleId ? /[\\/]widgets[\\/]([A-Za-z0-9_-]+)[\\/]index\.tsx?$/.exec(facadeModuleId) : null;
  return match ? `widget-${match[1]}` : undefined;
}
