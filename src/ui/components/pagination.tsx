interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor(page: number): string;
}

/** Pages shown around the current one; the first and last are always reachable. */
export function pageWindow(page: number, pageCount: number, radius = 2): number[] {
  const pages = new Set<number>([1, pageCount]);
  for (let candidate = page - radius; candidate <= page + radius; candidate += 1) {
    if (candidate >= 1 && candidate <= pageCount) pages.add(candidate);
  }
  return [...pages].sort((a, b) => a - b);
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav role="navigation" class="fr-pagination fr-mt-4w" aria-label="Pagination">
      <ul class="fr-pagination__list">
        <li>
          {page > 1 ? (
            <a class="fr-pagination__link fr-pagination__link--first" href={hrefFor(1)}>Première page</a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--first" aria-disabled="true" role="link">Première page</a>
          )}
        </li>
        <li>
          {page > 1 ? (
            <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={hrefFor(page - 1)}>
              Page précédente
            </a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">
              Page précédente
            </a>
          )}
        </li>
        {pages.map((number, index) => {
          const gap = index > 0 && number - pages[index - 1]! > 1;
          return [
            gap ? <li key={`gap-${number}`}><a class="fr-pagination__link fr-displayed-lg">…</a></li> : null,
            <li key={number}>
              <a
                class="fr-pagination__link"
                href={hrefFor(number)}
                aria-current={number === page ? 'page' : undefined}
                title={`Page ${number}`}
              >
                {number}
              </a>
            </li>,
          ];
        })}
        <li>
          {page < pageCount ? (
            <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={hrefFor(page + 1)}>
              Page suivante
            </a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">
              Page suivante
            </a>
          )}
        </li>
        <li>
          {page < pageCount ? (
            <a class="fr-pagination__link fr-pagination__link--last" href={hrefFor(pageCount)}>Dernière page</a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--last" aria-disabled="true" role="link">Dernière page</a>
          )}
        </li>
      </ul>
    </nav>
  );
}
