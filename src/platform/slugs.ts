/** A URL-safe slug: lower case, no accents, words joined by hyphens. */
export function slugify(text: string, maxLength = 80): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, maxLength).replace(/-$/, '');
}

/** The key whose URL slug is `slug` (facets and filters travel as French slugs in the URL). */
export function fromSlug<K extends string>(slugs: Record<K, string>, slug: string): K | undefined {
  return (Object.entries(slugs) as [K, string][]).find(([, value]) => value === slug)?.[0];
}
