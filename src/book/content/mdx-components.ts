/**
 * Components every chapter can use without importing them: `<Widget>`, `<Listing>`, `<Figure>`,
 * `<Measured>` and `<RunNote>` (figures our runs computed), `<Published>` (figures with their source),
 * `<References>` (from the one bibliography), `<Notation>` (the one symbol table) and the h2–h4
 * overrides that add section anchors.
 */
import type { MDXComponents } from 'mdx/types';
import { Listing } from '../listing/Listing';
import { Widget } from '../widgets/Widget';
import { Figure } from './Figure';
import { H2, H3, H4 } from './Heading';
import Notation from '../../../content/shared/notation.mdx';
import { References } from './References';
import { Measured, RunNote } from './Measured';
import { Published } from './Published';

export const mdxComponents: MDXComponents = { h2: H2, h3: H3, h4: H4, Widget, Listing, Figure, References, Notation, Measured, RunNote, Published };
