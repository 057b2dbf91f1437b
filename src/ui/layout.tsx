import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.ts';
import { LEGAL_LINKS, MAIN_NAVIGATION, SERVICE_LINKS, isCurrentSection } from './navigation.ts';

export const SERVICE_NAME = 'Elles font la culture';
const SERVICE_TAGLINE = 'Aides, ressources et entraide pour les photographes femmes et minorités de genre';

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the service name is appended for the browser tab. */
  title: string;
  description?: string;
  children: ComponentChildren;
  /** Extra elements for <head> (canonical link, feeds, structured data). */
  head?: ComponentChildren;
}

export function Layout({ ctx, title, description, children, head }: LayoutProps) {
  const dsfr = `/dsfr/${ctx.assetsVersion}`;
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <title>{`${title} — ${SERVICE_NAME}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no" />
        <link rel="stylesheet" href={`${dsfr}/dsfr.min.css`} />
        <link rel="stylesheet" href={`${dsfr}/utility/icons/icons.min.css`} />
        <link rel="stylesheet" href={`/static/${ctx.assetsVersion}/css/app.css`} />
        <link rel="icon" href={`${dsfr}/favicon/favicon.svg`} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={`${dsfr}/favicon/apple-touch-icon.png`} />
        {head}
      </head>
      <body>
        <SkipLinks />
        <Header ctx={ctx} />
        <main id="contenu" tabIndex={-1} role="main">
          {children}
        </main>
        <Footer />
        <script type="module" src={`${dsfr}/dsfr.module.min.js`}></script>
        <script noModule src={`${dsfr}/dsfr.nomodule.min.js`}></script>
        {ctx.analytics ? (
          <script src={`/static/${ctx.assetsVersion}/js/mesure-audience.js`} data-matomo-url={ctx.analytics.matomoUrl} data-site-id={ctx.analytics.siteId} defer></script>
        ) : null}
      </body>
    </html>
  );
}

function SkipLinks() {
  return (
    <div class="fr-skiplinks">
      <nav role="navigation" aria-label="Accès rapide" class="fr-container">
        <ul class="fr-skiplinks__list">
          <li><a class="fr-link" href="#contenu">Contenu</a></li>
          <li><a class="fr-link" href="#navigation-principale">Menu</a></li>
          <li><a class="fr-link" href="#recherche-aides">Recherche</a></li>
          <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
        </ul>
      </nav>
    </div>
  );
}

function MinistryLogo() {
  return (
    <p class="fr-logo">
      Ministère
      <br />
      de la Culture
    </p>
  );
}

function Header({ ctx }: { ctx: PageContext }) {
  return (
    <header role="banner" class="fr-header">
      <div class="fr-header__body">
        <div class="fr-container">
          <div class="fr-header__body-row">
            <div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top">
                <div class="fr-header__logo">
                  <MinistryLogo />
                </div>
                <div class="fr-header__navbar">
                  <button
                    class="fr-btn--search fr-btn"
                    data-fr-opened="false"
                    aria-controls="recherche-entete"
                    id="bouton-recherche"
                    title="Rechercher"
                    type="button"
                  >
                    Rechercher
                  </button>
                  <button
                    class="fr-btn--menu fr-btn"
                    data-fr-opened="false"
                    aria-controls="menu-principal"
                    aria-haspopup="menu"
                    id="bouton-menu"
                    title="Menu"
                    type="button"
                  >
                    Menu
                  </button>
                </div>
              </div>
              <div class="fr-header__service">
                <a href="/" title={`Accueil — ${SERVICE_NAME} — Ministère de la Culture`}>
                  <p class="fr-header__service-title">{SERVICE_NAME}</p>
                </a>
                <p class="fr-header__service-tagline">{SERVICE_TAGLINE}</p>
              </div>
            </div>
            <div class="fr-header__tools">
              <div class="fr-header__tools-links">
                <AccountLinks ctx={ctx} />
              </div>
              <div class="fr-header__search fr-modal" id="recherche-entete" aria-labelledby="bouton-recherche">
                <div class="fr-container fr-container-lg--fluid">
                  <button class="fr-btn--close fr-btn" aria-controls="recherche-entete" title="Fermer" type="button">
                    Fermer
                  </button>
                <form class="fr-search-bar" id="recherche-aides" role="search" action="/aides" method="get">
                  <label class="fr-label" for="recherche-aides-champ">Rechercher une aide</label>
                  <input
                    class="fr-input"
                    placeholder="Rechercher une aide"
                    type="search"
                    id="recherche-aides-champ"
                    name="q"
                  />
                  <button class="fr-btn" title="Rechercher" type="submit">Rechercher</button>
                </form>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
        <div class="fr-container">
          <button class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer" type="button">
            Fermer
          </button>
          <div class="fr-header__menu-links">
            <AccountLinks ctx={ctx} />
          </div>
          <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="Menu principal">
            <ul class="fr-nav__list">
              {[...MAIN_NAVIGATION, ...SERVICE_LINKS].map((entry) => (
                <li class="fr-nav__item" key={entry.href}>
                  <a
                    class="fr-nav__link"
                    href={entry.href}
                    aria-current={isCurrentSection(ctx.path, entry.href) ? 'page' : undefined}
                  >
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}

function AccountLinks({ ctx }: { ctx: PageContext }) {
  if (!ctx.user) {
    return (
      <ul class="fr-btns-group">
        <li><a class="fr-btn fr-icon-account-circle-line" href="/connexion">Se connecter</a></li>
      </ul>
    );
  }
  return (
    <ul class="fr-btns-group">
      {ctx.user.isStaff ? <li><a class="fr-btn fr-icon-settings-5-line" href="/admin">Administration</a></li> : null}
      <li><a class="fr-btn fr-icon-account-circle-line" href="/mon-espace">Mon espace</a></li>
      <li>
        <form method="post" action="/deconnexion">
          <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
          <button class="fr-btn fr-icon-logout-box-r-line" type="submit">Se déconnecter</button>
        </form>
      </li>
    </ul>
  );
}

function Footer() {
  return (
    <footer class="fr-footer" role="contentinfo" id="pied-de-page">
      <div class="fr-container">
        <div class="fr-footer__body">
          <div class="fr-footer__brand fr-enlarge-link">
            <a href="/" title={`Retour à l’accueil — ${SERVICE_NAME} — Ministère de la Culture`}>
              <MinistryLogo />
            </a>
          </div>
          <div class="fr-footer__content">
            <p class="fr-footer__content-desc">
              {SERVICE_NAME} est un service public numérique du ministère de la Culture pour l’égalité entre
              les femmes et les hommes dans la photographie.
            </p>
            <ul class="fr-footer__content-list">
              {[...MAIN_NAVIGATION, ...SERVICE_LINKS].map((entry) => (
                <li class="fr-footer__content-item" key={entry.href}>
                  <a class="fr-footer__content-link" href={entry.href}>{entry.label}</a>
                </li>
              ))}
              <li class="fr-footer__content-item">
                <a
                  class="fr-footer__content-link"
                  href="https://www.culture.gouv.fr"
                  target="_blank"
                  rel="noopener external"
                  title="culture.gouv.fr — nouvelle fenêtre"
                >
                  culture.gouv.fr
                </a>
              </li>
            </ul>
          </div>
        </div>
        <div class="fr-footer__bottom">
          <ul class="fr-footer__bottom-list">
            {LEGAL_LINKS.map((entry) => (
              <li class="fr-footer__bottom-item" key={entry.href}>
                <a class="fr-footer__bottom-link" href={entry.href}>{entry.label}</a>
              </li>
            ))}
          </ul>
          <div class="fr-footer__bottom-copy">
            <p>
              Sauf mention contraire, les contenus de ce site sont proposés sous{' '}
              <a
                href="https://github.com/etalab/licence-ouverte/blob/master/LO.md"
                target="_blank"
                rel="noopener external"
                title="Licence Etalab 2.0 — nouvelle fenêtre"
              >
                licence etalab-2.0
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
