import type { ComponentChildren } from 'preact';
import { safeExternalUrl } from '../../platform/urls.ts';

interface ExternalLinkProps {
  href: string | null | undefined;
  children: ComponentChildren;
  class?: string;
}

/**
 * A link to another site, opened in a new window and announced as such. Renders plain text
 * when the address is not a safe http(s) URL (data may come from the public or an import).
 */
export function ExternalLink({ href, children, class: className }: ExternalLinkProps) {
  const url = safeExternalUrl(href);
  if (!url) return <span>{children}</span>;
  const label = typeof children === 'string' ? children : undefined;
  return (
    <a
      href={url}
      class={className}
      target="_blank"
      rel="noopener noreferrer external"
      title={label ? `${label} — nouvelle fenêtre` : 'nouvelle fenêtre'}
    >
      {children}
    </a>
  );
}
