import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MathLabel, MathText, TEX, texOf } from './MathLabel';

describe('math labels', () => {
  it('writes the book’s symbols as TeX', () => {
    expect(texOf(false, 'λ', 'rul')).toBe(String.raw`\lambda_{\text{rul}}`);
    expect(texOf(true, 'g', 'health')).toBe(TEX.normHealth);
  });

  it('renders KaTeX with MathML for screen readers and an aria-hidden visual layer', () => {
    const html = renderToStaticMarkup(<MathLabel tex={TEX.lambdaRul} />);
    expect(html).toContain('<math');
    expect(html).toMatch(/<msub><mi>λ<\/mi><mtext>rul<\/mtext><\/msub>/);
    expect(html).toContain('aria-hidden="true"');
  });

  it('typesets each symbol of a label and keeps the rest as text', () => {
    const html = renderToStaticMarkup(<MathText text="ratio ‖g_rul‖/‖g_health‖" />);
    expect(html.startsWith('ratio ')).toBe(true);
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain('<mo stretchy="false">∥</mo><msub><mi>g</mi><mtext>rul</mtext></msub>');
    // Outside the TeX annotation (kept for copying), no literal underscore is left.
    expect(html.replace(/<annotation[^>]*>.*?<\/annotation>/g, '')).not.toMatch(/>[^<]*_[^<]*</);
    expect(renderToStaticMarkup(<MathText text="no symbols here" />)).toBe('no symbols here');
  });
});
