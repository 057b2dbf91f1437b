import { parseDocument } from 'htmlparser2';
import { MARKER_ATTRIBUTE, MARKER_ELEMENT } from './corpus.ts';

export interface FormField {
  name: string;
  kind: 'text' | 'email' | 'url' | 'number' | 'date' | 'textarea' | 'select' | 'checkbox' | 'radio' | 'hidden' | 'file';
  value: string;
  options: string[];
  checked: boolean;
}

export interface DiscoveredForm {
  method: 'GET' | 'POST';
  action: string;
  multipart: boolean;
  fields: FormField[];
}

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[]; data?: string };
type Element = Node & { name: string; attribs: Record<string, string> };

function walk(node: Node, visit: (element: Element) => void) {
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') visit(node as unknown as Element);
  for (const child of node.children ?? []) walk(child, visit);
}

const textOf = (node: Node): string => (node.type === 'text' ? node.data ?? '' : (node.children ?? []).map(textOf).join(''));

/** Every form of a page, with its fields and their default values. */
export function formsOf(html: string, pagePath: string): DiscoveredForm[] {
  const forms: DiscoveredForm[] = [];
  walk(parseDocument(html) as unknown as Node, (element) => {
    if (element.name !== 'form') return;
    const fields: FormField[] = [];
    walk(element as unknown as Node, (inner) => {
      const attributes = inner.attribs;
      if (!attributes.name) return;
      if (inner.name === 'textarea') fields.push({ name: attributes.name, kind: 'textarea', value: textOf(inner as unknown as Node), options: [], checked: false });
      if (inner.name === 'select') {
        const options: string[] = [];
        walk(inner as unknown as Node, (option) => {
          if (option.name === 'option' && option.attribs.value) options.push(option.attribs.value);
        });
        fields.push({ name: attributes.name, kind: 'select', value: options[0] ?? '', options, checked: false });
      }
      if (inner.name === 'input') {
        const type = (attributes.type ?? 'text').toLowerCase();
        const kind = (['email', 'url', 'number', 'date', 'checkbox', 'radio', 'hidden', 'file'].includes(type) ? type : 'text') as FormField['kind'];
        fields.push({ name: attributes.name, kind, value: attributes.value ?? '', options: [], checked: 'checked' in attributes });
      }
    });
    const action = element.attribs.action ?? pagePath;
    forms.push({
      method: (element.attribs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: new URL(action, `http://localhost${pagePath}`).pathname,
      multipart: (element.attribs.enctype ?? '').includes('multipart'),
      fields,
    });
  });
  return forms;
}

/** Query parameter names of the site's own links and GET forms, by path. */
export function queryParametersOf(html: string, pagePath: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (path: string, name: string) => {
    if (!found.has(path)) found.set(path, new Set());
    found.get(path)!.add(name);
  };
  walk(parseDocument(html) as unknown as Node, (element) => {
    const href = element.name === 'a' ? element.attribs.href : undefined;
    if (href && href.includes('?') && !/^[a-z]+:/i.test(href)) {
      const url = new URL(href, `http://localhost${pagePath}`);
      for (const name of url.searchParams.keys()) add(url.pathname, name);
    }
  });
  for (const form of formsOf(html, pagePath).filter((candidate) => candidate.method === 'GET')) {
    for (const field of form.fields) add(form.action, field.name);
  }
  return found;
}

/** Markup the page did not write: a marker element or attribute, or a javascript: link. */
export function injectedMarkup(html: string): string[] {
  const problems: string[] = [];
  walk(parseDocument(html) as unknown as Node, (element) => {
    if (element.name === MARKER_ELEMENT) problems.push(`<${MARKER_ELEMENT}> element`);
    for (const [name, value] of Object.entries<string>(element.attribs ?? {})) {
      if (name === MARKER_ATTRIBUTE) problems.push(`${MARKER_ATTRIBUTE} attribute on <${element.name}>`);
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${element.name}>`);
      if ((name === 'href' || name === 'src' || name === 'action') && /^\s*javascript:/i.test(value)) problems.push(`javascript: URL in ${name} of <${element.name}>`);
    }
  });
  return problems;
}

/** A plausible value, so that a form's other fields pass and the hostile one is what is judged. */
export function plausibleValue(field: FormField): string | string[] {
  switch (field.kind) {
    case 'email': return 'essai@exemple.fr';
    case 'url': return 'https://exemple.fr/page';
    case 'number': return '2';
    case 'date': return '2027-06-15';
    case 'select': return field.value || field.options[0] || '';
    case 'textarea': return field.value || 'Un texte assez long pour passer les contrôles de longueur minimale des formulaires, écrit pour le test.';
    case 'hidden': return field.value;
    default: return field.value || 'Valeur de test suffisamment longue';
  }
}
