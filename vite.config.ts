import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@mdx-js/rollup';
import rehypeShiki from '@shikijs/rehype';
import react from '@vitejs/plugin-react';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdxFrontmatter from 'remark-mdx-frontmatter';
import { defineConfig } from 'vite';
import { bookAssetsPlugin } from './src/book/build/book-assets-plugin.ts';
import { chapterMetaPlugin } from './src/book/build/chapter-meta-plugin.ts';
import { cspPlugin } from './src/book/build/csp-plugin.ts';
import { loadCodeThemes } from './src/book/build/code-themes.ts';
import { createRehypeListing } from './src/book/build/rehype-listing.ts';
import { widgetChunkName } from './src/book/build/chunk-names.ts';

// The config file sits at the project root; listings and assets are resolved from here.
const root = path.dirname(fileURLToPath(import.meta.url));
const listedSources = new Set<string>();
const codeThemes = await loadCodeThemes();

// COOP/COEP make the page cross-origin isolated, which lets the WASM backend use threads.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset URLs: dist/ works from any directory of any static host.
  base: './',
  plugins: [
    chapterMetaPlugin(),
    {
      enforce: 'pre',
      ...mdx({
        remarkPlugins: [remarkFrontmatter, [remarkMdxFrontmatter, { name: 'frontmatter' }], remarkGfm, remarkMath],
        rehypePlugins: [
          rehypeSlug,
          [rehypeKatex, { strict: 'error', throwOnError: true }],
          // Math is rendered first so Shiki never sees KaTeX's `language-math` code elements.
          [rehypeShiki, { themes: codeThemes, defaultColor: false, langs: ['typescript', 'tsx', 'javascript', 'python', 'bash', 'json', 'css', 'text'] }],
          createRehypeListing({ root, onSource: (file) => listedSources.add(file) }),
        ],
      }),
    },
    react({ include: /\.(mdx|jsx|tsx|ts|js)$/ }),
    bookAssetsPlugin({ root, listedSources }),
    cspPlugin(),
  ],
  server: { host: '127.0.0.1', headers: isolationHeaders },
  preview: { host: '127.0.0.1', headers: isolationHeaders },
  build: {
    target: 'es2022',
    manifest: true,
    // TensorFlow.js chunks are large by nature and load only with the first widget.
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => `assets/${widgetChunkName(chunk.facadeModuleId) ?? '[name]'}-[hash].js`,
      },
    },
  },
});
