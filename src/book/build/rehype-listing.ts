/**
 * Build-time half of live code listings. In MDX, `<Listing file="src/core/x.ts" region="name" />`
 * is found in the compiled tree, the file is read, the region cut and highlighted with Shiki, and
 * the highlighted `<pre>` becomes the element's children. The reader therefore downloads coloured
 * HTML, never a highlighter, and a missing marker fails the build with the file and marker named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHighlighter, type Highlighter } from 'shiki';
import { cutRegion } from '../listing/cut-region.ts';
import { highlightLanguageFor, LISTING_LANGUAGES, loadCodeThemes } from './code-themes.ts';

/** The few fields of MDX's JSX nodes in hast that this plugin reads and writes. */
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface TreeNode {
  type: string;
  name?: string;
  attributes?: JsxAttribute[];
  children?: TreeNode[];
  properties?: Record<string, unknown>;
}

export interface ListingPluginOptions {
  /** Project root; `file` attributes are relative to it. */
  readonly root: string;
  /** Called with every listed file (relative path) so the site can ship a plain-text copy. */
  readonly onSource?: (relativePath: string) => void;
}

/** Where the built site keeps the plain-text copy of a listed file (relative to index.html). */
export function sourceCopyPath(relativePath: string): string {
  return `source/${relativePath}.txt`;
}

function collectListings(node: TreeNode, found: TreeNode[]): void {
  if (node.type === 'mdxJsxFlowElement' && node.name === 'Listing') found.push(node);
  for (const child of node.children ?? []) collectListings(child, found);
}

function readAttribute(node: TreeNode, name: string, where: string): string {
  const attribute = node.attributes?.find((entry) => entry.type === 'mdxJsxAttribute' && entry.name === name);
  if (typeof attribute?.value !== 'string' || attribute.value === '') {
    throw new Error(`${where}: <Listing> needs a literal ${name}="…" attribute (it is read at build time).`);
  }
  return attribute.value;
}

function setAttribute(node: TreeNode, name: string, value: string): void {
  node.attributes = (node.attributes ?? []).filter((entry) => entry.name !== name);
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/** A rehype plugin (for @mdx-js/rollup's `rehypePlugins`). One highlighter per build, made on first use. */
export function createRehypeListing(options: ListingPluginOptions) {
  let highlighter: Promise<Highlighter> | undefined;
  const getHighlighter = () =>
    (highlighter ??= loadCodeThemes().then((themes) => createHighlighter({ themes: Object.values(themes), langs: [...LISTING_LANGUAGES] })));

  async function expand(node: TreeNode, chapterFile: string): Promise<void> {
    const where = path.relative(options.root, chapterFile) || chapterFile;
    const file = readAttribute(node, 'file', where);
    const region = readAttribute(node, 'region', where);
    const absolute = path.resolve(options.root, file);
    if (!absolute.startsWith(options.root + path.sep)) {
      throw new Error(`${where}: <Listing file="${file}"> points outside the project.`);
    }
    const source = await readFile(absolute, 'utf8').catch(() => {
      throw new Error(`${where}: <Listing file="${file}"> — cannot read ${file}.`);
    });
    let slice;
    try {
      slice = cutRegion(source, region, file);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
    }
    const lang = highlightLanguageFor(file);
    const hast = (await getHighlighter()).codeToHast(slice.code, { lang, themes: await loadCodeThemes(), defaultColor: false });
    const pre = (hast.children as TreeNode[]).find((child) => child.type === 'element');
    const code = pre?.children?.find((child) => child.type === 'element');
    // Line numbers come from a CSS counter, so it starts where the region starts in the real file.
    if (code) code.properties = { ...code.properties, style: `counter-reset: listing-line ${slice.firstLine - 1}` };
    node.children = pre ? [pre] : [];
    setAttribute(node, 'lines', `${slice.firstLine}–${slice.lastLine}`);
    setAttribute(node, 'href', sourceCopyPath(file));
    options.onSource?.(file);
  }

  return () => async (tree: TreeNode, vfile: { path?: string }) => {
    const listings: TreeNode[] = [];
    collectListings(tree, listings);
    for (const node of listings) await expand(node, vfile.path ?? 'an MDX file');
  };
}
