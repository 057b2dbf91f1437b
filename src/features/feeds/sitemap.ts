import { escapeXml } from '../../platform/xml.ts';

export interface SitemapEntry {
  url: string;
  lastModified: Date | null;
}

/** sitemaps.org protocol; one file holds up to 50,000 addresses, far more than the catalogue needs. */
export function buildSitemap(entries: SitemapEntry[]): string {
  const url = (entry: SitemapEntry) =>
    `  <url><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${entry.lastModified.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(url),
    '</urlset>',
    '',
  ].join('\n');
}
