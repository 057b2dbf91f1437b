import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Markdown written by moderators, imported from open data or proposed by the public is turned
// into HTML, then sanitised: only plain formatting survives, links must be http(s) or mailto,
// and raw HTML in the source is escaped rather than interpreted.
const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title', 'target', 'rel'], th: ['scope'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    // Headings inside content start below the page's own h1.
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const external = /^https?:/i.test(attribs.href ?? '');
        return {
          tagName,
          attribs: external ? { ...attribs, target: '_blank', rel: 'noopener noreferrer external' } : attribs,
        };
      },
    },
    allowedSchemesAppliedToAttributes: ['href'],
  });
}
