// MDX files imported from TypeScript (the shared notation table) are React components.
/// <reference types="mdx" />
