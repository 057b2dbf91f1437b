export interface BreadcrumbItem {
  label: string;
  href?: string;
}

/** DSFR breadcrumb; the last item is the current page (no link). */
export function Breadcrumb({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
      <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane" type="button">
        Voir le fil d’Ariane
      </button>
      <div class="fr-collapse" id="fil-ariane">
        <ol class="fr-breadcrumb__list">
          <li>
            <a class="fr-breadcrumb__link" href="/">Accueil</a>
          </li>
          {items.map((item, index) => (
            <li key={index}>
              {item.href && index < items.length - 1 ? (
                <a class="fr-breadcrumb__link" href={item.href}>{item.label}</a>
              ) : (
                <a class="fr-breadcrumb__link" aria-current="page">{item.label}</a>
              )}
            </li>
          ))}
        </ol>
      </div>
    </nav>
  );
}
