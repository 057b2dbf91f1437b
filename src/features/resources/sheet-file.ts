import { z } from 'zod';
import { RESOURCE_STAGES, type RESOURCE_THEMES, type ResourceSource } from '../../db/schema/index.ts';
import { isIsoDate } from '../../platform/dates.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { STAGE_SLUGS, THEME_SLUGS } from './resource.vocabulary.ts';
import { fromSlug } from '../../platform/slugs.ts';

/**
 * Practical sheets are written as Markdown files (data/seed/resources/sheets, format in
 * FORMAT.md): a front matter, then "En bref", the body, "À retenir" and the sources.
 */
export interface ParsedSheet {
  slug: string;
  title: string;
  objective: string;
  themes: (typeof RESOURCE_THEMES)[number][];
  careerStages: (typeof RESOURCE_STAGES)[number][];
  tags: string[];
  author: string;
  updated: string;
  introduction: string;
  body: string;
  keyTakeaways: string[];
  sources: ResourceSource[];
}

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

const frontMatterSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(5),
  objective: z.string().min(10),
  themes: z.string(),
  career_stages: z.string(),
  tags: z.string().default(''),
  author: z.string().min(2),
  updated: z.string().refine(isIsoDate, 'date AAAA-MM-JJ attendue'),
});

export function parseSheet(source: string): ParsedSheet {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('en-tête --- … --- manquant');
  const fields = Object.fromEntries(match[1]!.split('\n').filter((line) => line.includes(':')).map((line) => {
    const position = line.indexOf(':');
    return [line.slice(0, position).trim(), line.slice(position + 1).trim()];
  }));
  const head = frontMatterSchema.parse(fields);
  const themes = list(head.themes).map((slug) => {
    const theme = fromSlug(THEME_SLUGS, slug);
    if (!theme) throw new Error(`thème inconnu : ${slug}`);
    return theme;
  });
  const careerStages = list(head.career_stages).includes('toutes') ? [...RESOURCE_STAGES] : list(head.career_stages).map((slug) => {
    const stage = fromSlug(STAGE_SLUGS, slug);
    if (!stage) throw new Error(`étape inconnue : ${slug}`);
    return stage;
  });
  const sections = match[2]!.split(/^## /m).filter((part) => part.trim()).map((part) => {
    const newline = part.indexOf('\n');
    return { heading: part.slice(0, newline).trim(), content: part.slice(newline + 1).trim() };
  });
  const find = (heading: string) => sections.find((section) => section.heading.toLowerCase() === heading.toLowerCase());
  const introduction = find('En bref');
  const takeaways = find('À retenir');
  const sourcesSection = find('Sources et liens utiles');
  if (!introduction || !takeaways || !sourcesSection) throw new Error('sections « En bref », « À retenir » et « Sources et liens utiles » attendues');
  const body = sections.filter((section) => ![introduction, takeaways, sourcesSection].includes(section)).map((section) => `## ${section.heading}\n\n${section.content}`).join('\n\n');
  const sources = sourcesSection.content.split('\n').map((line) => /^-\s*\[([^\]]+)\]\(([^)\s]+)\)\s*(?:[—–-]\s*(.+))?$/.exec(line.trim())).filter((found): found is RegExpExecArray => found !== null)
    .map((found) => ({ title: found[1]!.trim(), url: found[2]!, publisher: found[3]?.trim() ?? null }))
    .filter((item) => safeExternalUrl(item.url) !== null);
  return {
    slug: head.slug, title: head.title, objective: head.objective, themes, careerStages, tags: list(head.tags).map((tag) => tag.toLowerCase()),
    author: head.author, updated: head.updated, introduction: introduction.content, body,
    keyTakeaways: takeaways.content.split('\n').map((line) => line.replace(/^-\s*/, '').trim()).filter(Boolean),
    sources,
  };
}
