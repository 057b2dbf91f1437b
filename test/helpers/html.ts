// Small readers of rendered pages, so route tests assert what a visitor would see.

/** Slugs of the opportunity cards, in page order. */
export function cardSlugs(html: string): string[] {
  return [...html.matchAll(/class="fr-card__title"><a href="\/aides\/([a-z0-9-]+)"/g)].map((match) => match[1]!);
}

/** Text content without tags, entities decoded for the common ones, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('Pas de jeton CSRF dans la page');
  return match[1]!;
}
