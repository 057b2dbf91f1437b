import { ContentPage } from '../../ui/content-page.tsx';
import { LEGAL_LINKS, MAIN_NAVIGATION } from '../../ui/navigation.ts';
import type { PageContext } from '../../ui/page-context.ts';

export function LegalNoticePage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        Ministère de la Culture, 3 rue de Valois, 75001 Paris. Service conçu par la mission Égalité-Diversité du
        ministère.
      </p>
      <h2>Directeur de la publication</h2>
      <p>Le secrétaire général du ministère de la Culture.</p>
      <h2>Réutilisation des contenus</h2>
      <p>
        Sauf mention contraire, les textes et les données du service sont publiés sous Licence Ouverte Etalab 2.0 :
        vous pouvez les réutiliser en citant leur source. Les fiches d’aides citent leurs propres sources.
      </p>
      <h2>Liens vers d’autres sites</h2>
      <p>
        Les fiches renvoient vers les sites des organismes qui proposent les aides. Ces liens s’ouvrent dans une
        nouvelle fenêtre ; le ministère n’est pas responsable de leur contenu.
      </p>
    </ContentPage>
  );
}

export function PersonalDataPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Données personnelles" lead="Ce que le service sait de vous, pourquoi, et combien de temps.">
      <h2>Consulter le catalogue</h2>
      <p>
        Consulter les pages et rechercher des aides ne demande aucune information personnelle. Les critères de
        recherche (dont l’âge saisi dans les filtres) restent dans l’adresse de la page et ne sont pas enregistrés.
      </p>
      <h2>Cookies</h2>
      <p>
        Un seul cookie technique est déposé quand une page contient un formulaire : il protège vos envois contre la
        falsification de requêtes. Il ne sert à aucune mesure d’audience et n’est lu par aucun tiers ; il n’appelle donc
        pas de consentement. Aucun outil de mesure d’audience ni aucun service tiers n’est chargé par le service.
      </p>
      <h2>Journaux techniques</h2>
      <p>
        Les journaux du serveur enregistrent l’adresse des pages demandées, sans adresse IP, sans paramètres de
        recherche ni cookies, pour assurer le bon fonctionnement du service.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification et d’effacement de vos données (règlement général sur la
        protection des données). Pour l’exercer, écrivez au délégué à la protection des données du ministère de la
        Culture, 182 rue Saint-Honoré, 75001 Paris. Vous pouvez aussi saisir la CNIL.
      </p>
    </ContentPage>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Déclaration d’accessibilité">
      <p>
        Le ministère de la Culture s’engage à rendre ce service accessible conformément à l’article 47 de la loi
        n° 2005-102 du 11 février 2005.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le service est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) :
        aucun audit complet n’a encore été réalisé.
      </p>
      <h2>Comment l’accessibilité est vérifiée aujourd’hui</h2>
      <ul>
        <li>Le service utilise le Système de design de l’État (DSFR).</li>
        <li>Chaque page est contrôlée automatiquement dans un vrai navigateur avec l’outil axe (règles WCAG 2.1 A et AA) à chaque modification du code.</li>
        <li>Un parcours complet (rechercher, filtrer, ouvrir une aide) est testé au clavier seul.</li>
        <li>Toutes les fonctions marchent sans JavaScript.</li>
      </ul>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez le ministère de la Culture pour être
        orienté vers une alternative accessible. Vous pouvez aussi saisir le Défenseur des droits.
      </p>
    </ContentPage>
  );
}

export function SitemapPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Plan du site">
      <ul>
        <li><a href="/">Accueil</a></li>
        {MAIN_NAVIGATION.map((entry) => <li key={entry.href}><a href={entry.href}>{entry.label}</a></li>)}
        {LEGAL_LINKS.filter((entry) => entry.href !== '/plan-du-site').map((entry) => (
          <li key={entry.href}><a href={entry.href}>{entry.label.replace(/ :.*$/, '')}</a></li>
        ))}
      </ul>
    </ContentPage>
  );
}
