/**
 * h2/h3 in chapters: rehype-slug gives them ids; this adds a visible "#" link (shown on hover and
 * focus) whose href is a shareable deep link through the hash router.
 */
import { createContext, useContext, type ComponentPropsWithoutRef } from 'react';
import { chapterHref } from '../router';

/** The slug of the chapter being rendered, for building section links. */
export const ChapterSlugContext = createContext<string>('');

type HeadingProps = ComponentPropsWithoutRef<'h2'>;

function makeHeading(Tag: 'h2' | 'h3' | 'h4') {
  return function Heading({ id, children, ...rest }: HeadingProps) {
    const slug = useContext(ChapterSlugContext);
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && (
          <a className="heading-anchor" href={chapterHref(slug, id)} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  };
}

export const H2 = makeHeading('h2');
export const H3 = makeHeading('h3');
export const H4 = makeHeading('h4');
