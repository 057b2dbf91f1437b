import { parseDocument } from 'htmlparser2';

/**
 * Imported descriptions arrive as HTML. They are rewritten as Markdown keeping only plain
 * structure (paragraphs, emphasis, lists, links): no markup from elsewhere ever reaches a page,
 * and the Markdown goes through the sanitiser again when it is rendered.
 */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');

function inline(nodes: Node[] = []): string {
  return nodes.map((node) => {
    if (node.type === 'text') return escapeMarkdown((node.data ?? '').replace(/\s+/g, ' '));
    if (node.type !== 'tag') return '';
    const content = inline(node.children);
    switch (node.name) {
      case 'strong':
      case 'b':
        return content.trim() ? `**${content.trim()}**` : '';
      case 'em':
      case 'i':
        return content.trim() ? `*${content.trim()}*` : '';
      case 'br':
        return '\n';
      case 'a': {
        const href = node.attribs?.href ?? '';
        return /^https?:\/\//i.test(href) ? `[${content.trim() || href}](${href.replace(/[()\s]/g, encodeURIComponent)})` : content;
      }
      case 'script':
      case 'style':
        return '';
      default:
        return content;
    }
  }).join('');
}

function blocks(nodes: Node[] = []): string[] {
  const output: string[] = [];
  let pending: Node[] = [];
  const flush = () => {
    const text = inline(pending).trim();
    if (text) output.push(text);
    pending = [];
  };
  for (const node of nodes) {
    if (node.type !== 'tag') {
      pending.push(node);
      continue;
    }
    switch (node.name) {
      case 'p':
      case 'div':
      case 'section':
        flush();
        output.push(...blocks(node.children));
        break;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        flush();
        output.push(`### ${inline(node.children).trim()}`);
        break;
      case 'ul':
      case 'ol': {
        flush();
        const items = (node.children ?? []).filter((child) => child.type === 'tag' && child.name === 'li');
        output.push(items.map((item, index) => `${node.name === 'ol' ? `${index + 1}.` : '-'} ${inline(item.children).trim()}`).join('\n'));
        break;
      }
      case 'script':
      case 'style':
      case 'iframe':
      case 'object':
        break;
      default:
        pending.push(node);
    }
  }
  flush();
  return output.filter(Boolean);
}

export function htmlToMarkdown(html: string | null | undefined): string {
  if (!html) return '';
  return blocks(parseDocument(html).children as unknown as Node[]).join('\n\n');
}

export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return htmlToMarkdown(html).replace(/\\([\\`*_[\]<>#])/g, '$1').replace(/\*\*|\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
}
