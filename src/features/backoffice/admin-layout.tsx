import type { ComponentChildren } from 'preact';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';

const SECTIONS = [
  { href: '/admin', label: 'Tableau de bord' },
  { href: '/admin/a-relire', label: 'À relire' },
  { href: '/admin/aides', label: 'Aides' },
  { href: '/admin/ressources', label: 'Ressources' },
  { href: '/admin/index-parite', label: 'Index de la parité' },
  { href: '/admin/revue-de-dossier', label: 'Revue de dossier' },
  { href: '/admin/mentorat', label: 'Mentorat' },
  { href: '/admin/annuaire', label: 'Annuaire et commanditaires' },
  { href: '/admin/signalements', label: 'Signalements' },
  { href: '/admin/liens', label: 'Liens cassés' },
  { href: '/admin/avis', label: 'Avis des visiteuses' },
  { href: '/admin/messages', label: 'Messages reçus' },
  { href: '/admin/lettre', label: 'Lettre d’information' },
  { href: '/admin/utilisateurs', label: 'Utilisateurs et rôles', adminOnly: true },
  { href: '/admin/journal', label: 'Journal des actions' },
];

interface AdminLayoutProps {
  ctx: PageContext;
  title: string;
  isAdmin: boolean;
  children: ComponentChildren;
  flash?: string | null;
  trail?: { label: string; href?: string }[];
}

/** The back-office: DSFR side menu of its sections beside the page. */
export function AdminLayout({ ctx, title, isAdmin, children, flash, trail }: AdminLayoutProps) {
  return (
    <Layout ctx={ctx} title={`${title} — Administration`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Administration', href: '/admin' }, ...(trail ?? []), { label: title }]} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-3">
            <nav class="fr-sidemenu" role="navigation" aria-labelledby="menu-admin-titre">
              <div class="fr-sidemenu__inner">
                <p class="fr-sidemenu__title" id="menu-admin-titre">Administration</p>
                <ul class="fr-sidemenu__list">
                  {SECTIONS.filter((section) => isAdmin || !section.adminOnly).map((section) => {
                    const current = section.href === '/admin' ? ctx.path === '/admin' : ctx.path.startsWith(section.href);
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
            {flash ? <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div> : null}
            {children}
          </div>
        </div>
      </div>
    </Layout>
  );
}
