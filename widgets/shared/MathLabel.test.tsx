import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MathText, symbolOf } from './MathLabel';

describe('math labels', () => {
  it('writes the book’s symbols as TeX with a spoken form', () => {
    expect(symbolOf(false, 'λ', 'rul')).toEqual({ tex: String.raw`\lambda_{\text{rul}}`, spoken: 'lambda RUL' });
    expect(symbolOf(true, 'g', 'health')).toEqual({ tex: String.raw`\lVert g_{\text{health}} \rVert`, spoken: 'norm of g health' });
  });

  it('typesets each symbol of a label with KaTeX (hidden from screen readers) and keeps the rest as text', () => {
    const html = renderToStaticMarkup(<MathText text="ratio ‖g_rul‖/‖g_health‖" />);
    expect(html.startsWith('ratio ')).toBe(true);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html.match(/<span aria-hidden="true"><span class="katex">/g)).toHaveLength(2);
    expect(html).toContain('<span class="visually-hidden">norm of g RUL</span>');
    expect(html).toContain('<span class="visually-hidden">norm of g health</span>');
    expect(html).not.toMatch(/>[^<]*_[^<]*</);
    expect(renderToStaticMarkup(<MathText text="no symbols here" />)).toBe('no symbols here');
  });
});
