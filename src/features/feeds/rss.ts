import { escapeXml } from '../../platform/xml.ts';

export interface FeedItem {
  title: string;
  link: string;
  /** Stable: a reader that saw it once never shows it as new again. */
  guid: string;
  publishedAt: Date;
  description: string;
  categories: string[];
}

export interface Feed {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  link: string;
  selfUrl: string;
  items: FeedItem[];
  builtAt: Date;
}

/** RSS 2.0, with the Atom self link readers expect. */
export function buildRss(feed: Feed): string {
  const item = (entry: FeedItem) => [
    '    <item>',
    `      <title>${escapeXml(entry.title)}</title>`,
    `      <link>${escapeXml(entry.link)}</link>`,
    `      <guid isPermaLink="false">${escapeXml(entry.guid)}</guid>`,
    `      <pubDate>${entry.publishedAt.toUTCString()}</pubDate>`,
    `      <description>${escapeXml(entry.description)}</description>`,
    ...entry.categories.map((category) => `      <category>${escapeXml(category)}</category>`),
    '    </item>',
  ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    '    <language>fr</language>',
    `    <lastBuildDate>${feed.builtAt.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...feed.items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
