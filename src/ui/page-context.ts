// What every page may need to know about the request it answers, built once per request.
export interface PageContext {
  /** Path of the current page, without the query string: marks the current navigation entry. */
  path: string;
  /** Returns a CSRF token for a form on this page (sets the secret cookie on first use). */
  csrfToken(): string;
  assetsVersion: string;
  /** The site's public address, for absolute links (OpenGraph, feeds). */
  publicUrl: string;
  /** Matomo, when configured (cookie-less); null: nothing is measured. */
  analytics: { matomoUrl: string; siteId: string } | null;
  /** The signed-in person, as the header shows her; null for visitors. */
  readonly user: { label: string; isStaff: boolean } | null;
}
