/**
 * Components every chapter can use without importing them: `<Widget>`, `<Listing>`, `<Figure>`,
 * `<Measured>` and `<RunNote>` (figures our runs computed), `<Published>` (figures with their source),
 * and the h2–h4 overrides that add section anchors.
 */
import type { MDXComponents } from 'mdx/types';
import { Listing } from '../listing/Listing';
import { Widget } from '../widgets/Widget';
import { Figure } from './Figure';
import { H2, H3, H4 } from './Heading';
import { Measured, RunNote } from './Measured';
import { Published } from './Published';

export const mdxComponents: MDXComponents = { h2: H2, h3: H3, h4: H4, Widget, Listing, Figure, Measured, RunNote, Published };
