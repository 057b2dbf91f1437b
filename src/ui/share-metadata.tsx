import type { PageContext } from './page-context.ts';
import { SERVICE_NAME } from './layout.tsx';

interface ShareMetadataProps {
  ctx: PageContext;
  title: string;
  description: string;
  /** schema.org description of the page's subject, as JSON-LD. */
  structuredData: Record<string, unknown>;
  type?: 'website' | 'article';
}

/**
 * What link previews (OpenGraph) and search engines (schema.org JSON-LD) read from a detail page.
 * A JSON-LD block is data, not script: the CSP lets it be, and "<" is escaped so the text of a
 * record can never close the element.
 */
export function ShareMetadata({ ctx, title, description, structuredData, type = 'article' }: ShareMetadataProps) {
  const url = `${ctx.publicUrl}${ctx.path}`;
  const json = JSON.stringify({ '@context': 'https://schema.org', ...structuredData, url }).replace(/</g, '\\u003c');
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={SERVICE_NAME} />
      <meta property="og:locale" content="fr_FR" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}
