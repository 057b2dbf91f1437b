import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders ordinary formatting', () => {
    const html = renderMarkdown('# Titre\n\nDu **gras**, une [source](https://www.culture.gouv.fr) et\n\n- un\n- deux');
    expect(html).toContain('<h2>Titre</h2>');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).toContain('<a href="https://www.culture.gouv.fr" target="_blank" rel="noopener noreferrer external">source</a>');
    expect(html).toContain('<li>un</li>');
  });

  // Only real tags matter: raw HTML in the source comes out as harmless escaped text.
  const tagsOf = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '[clic](javascript:alert(1))',
    '[clic](JaVaScRiPt:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox(1))',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '![x](https://tracker.example/pixel.png)',
    '<svg onload=alert(1)>',
    '[x](  javascript:alert(1))',
  ])('neutralises hostile input %s', (source) => {
    for (const tag of tagsOf(renderMarkdown(source))) {
      expect(tag).not.toMatch(/^<(script|img|iframe|svg|div|object|embed|style)/i);
      expect(tag).not.toMatch(/\son[a-z]+=|style=|javascript:|vbscript:|data:/i);
    }
  });

  it('escapes raw HTML instead of interpreting it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;');
  });
});
