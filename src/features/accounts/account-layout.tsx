import type { ComponentChildren } from 'preact';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';

const SECTIONS = [
  { href: '/mon-espace', label: 'Tableau de bord' },
  { href: '/mon-espace/profil', label: 'Mon profil' },
  { href: '/mon-espace/notifications', label: 'Mes notifications' },
  { href: '/mon-espace/mentorat', label: 'Mentorat' },
  { href: '/mon-espace/annuaire', label: 'Ma fiche dans l’annuaire' },
  { href: '/revue-de-dossier/mes-demandes', label: 'Revue de dossier' },
  { href: '/mon-espace/donnees', label: 'Mes données' },
];

/** The account space: a side menu of its sections beside the page. */
export function AccountLayout({ ctx, title, children, flash, trail }: { ctx: PageContext; title: string; children: ComponentChildren; flash?: string | null; trail?: { label: string; href: string }[] }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={title === 'Mon espace' ? [{ label: 'Mon espace' }] : [{ label: 'Mon espace', href: '/mon-espace' }, ...(trail ?? []), { label: title }]} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <nav class="fr-sidemenu" role="navigation" aria-labelledby="menu-espace-titre">
              <div class="fr-sidemenu__inner">
                <p class="fr-sidemenu__title" id="menu-espace-titre">Mon espace</p>
                <ul class="fr-sidemenu__list">
                  {SECTIONS.map((section) => {
                    const current = section.href === '/mon-espace' ? ctx.path === section.href : ctx.path === section.href || ctx.path.startsWith(`${section.href}/`);
                    return (
                      <li class={`fr-sidemenu__item${current ? ' fr-sidemenu__item--active' : ''}`} key={section.href}>
                        <a class="fr-sidemenu__link" href={section.href} aria-current={current ? 'page' : undefined}>{section.label}</a>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </nav>
          </div>
          <div class="fr-col-12 fr-col-md-9">
            <h1>{title}</h1>
            {flash ? (
              <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
                <p>{flash}</p>
              </div>
            ) : null}
            {children}
          </div>
        </div>
      </div>
    </Layout>
  );
}
