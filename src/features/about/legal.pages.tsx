import { ContentPage } from '../../ui/content-page.tsx';
import { LEGAL_LINKS, MAIN_NAVIGATION, SECONDARY_PAGES, SERVICE_LINKS } from '../../ui/navigation.ts';
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
      <h2>Votre espace et vos alertes</h2>
      <div class="fr-table">
        <table>
          <caption>Données conservées, usage et durée</caption>
          <thead><tr><th scope="col">Donnée</th><th scope="col">Pourquoi</th><th scope="col">Combien de temps</th></tr></thead>
          <tbody>
            <tr><td>Adresse email</td><td>Vous envoyer les liens de connexion et les alertes demandées</td><td>Jusqu’à la suppression de votre compte</td></tr>
            <tr><td>Profil (nom affiché, pronoms, région, pratiques, étape de parcours, année de naissance), tout facultatif</td><td>Pré-remplir les filtres et mettre en avant les aides qui vous correspondent</td><td>Jusqu’à ce que vous l’effaciez ou supprimiez votre compte</td></tr>
            <tr><td>Aides suivies et recherches enregistrées</td><td>Vous envoyer rappels et nouveautés</td><td>Jusqu’à ce que vous les supprimiez</td></tr>
            <tr><td>Liens de connexion et de confirmation</td><td>Prouver que l’adresse est la vôtre</td><td>15 minutes (connexion) ou 48 heures (confirmation), puis effacés sous 24 heures</td></tr>
            <tr><td>Sessions (date de création et d’usage)</td><td>Vous garder connectée</td><td>30 jours au plus ; « Se déconnecter partout » les efface</td></tr>
            <tr><td>Emails envoyés (destinataire, objet, contenu)</td><td>Les envoyer et reprendre en cas de panne</td><td>30 jours</td></tr>
            <tr><td>Consentements (texte accepté, date)</td><td>Prouver votre accord aux emails d’alerte</td><td>Jusqu’à la suppression de votre compte</td></tr>
            <tr><td>Déclarations à l’index de la parité (fonction dans l’organisation, message à l’équipe)</td><td>Vérifier que vous représentez l’organisation ; ni l’une ni l’autre n’est publiée</td><td>Jusqu’à la suppression de votre compte ; les chiffres et le texte publiés restent, au nom de l’organisation, sans lien avec vous</td></tr>
            <tr><td>Revue de dossier : dossier (PDF), pratiques, langues, appel visé, mot pour la partenaire, retours écrits et reçus, avis</td><td>Vous associer à une partenaire, lui transmettre votre dossier et vous rendre son retour</td><td>90 jours après l’échange des retours, puis effacés (fichiers compris) ; aussitôt si vous supprimez votre compte ou annulez une demande en attente</td></tr>
            <tr><td>Fiche d’annuaire (nom affiché, pronoms, région, pratiques, langues, présentation, site, disponibilité), chaque champ avec le public que vous avez choisi</td><td>Être trouvée par des commanditaires ; rien n’est montré au-delà de vos choix</td><td>Jusqu’à ce que vous la supprimiez ou supprimiez votre compte</td></tr>
            <tr><td>Messages reçus par l’annuaire et réponses au questionnaire à 30 jours</td><td>Vous transmettre les propositions ; mesurer, en totaux seulement, si elles aboutissent</td><td>Jusqu’à la suppression de l’un des deux comptes (le lien avec vous est alors effacé)</td></tr>
            <tr><td>Profil de mentore, demandes de mentorat et avis de fin de mentorat</td><td>Mettre en relation mentores et photographes, rappeler les demandes en attente</td><td>Jusqu’à la suppression de votre compte</td></tr>
            <tr><td>Signalements d’erreur de l’index de la parité (message ; votre compte si vous êtes connectée)</td><td>Vérifier et corriger un chiffre ; le message n’est pas publié</td><td>Jusqu’à la suppression de votre compte pour le lien avec lui ; le message reste comme trace de la correction</td></tr>
          </tbody>
        </table>
      </div>
      <p>
        Base légale : l’exécution du service que vous demandez (compte, alertes) et votre consentement pour les
        emails d’alerte, que vous pouvez retirer d’un clic dans chaque email. Depuis « Mon espace », vous pouvez
        télécharger toutes vos données (format JSON) et supprimer votre compte : vos données personnelles sont alors
        effacées immédiatement.
      </p>
      <h2>Cookies</h2>
      <p>
        Deux cookies techniques, sans mesure d’audience ni tiers, donc sans consentement à recueillir : l’un protège
        vos envois de formulaires contre la falsification de requêtes, l’autre garde votre session quand vous êtes
        connectée. Aucun outil de mesure d’audience ni aucun service tiers n’est chargé par le service.
      </p>
      <h2>Journaux techniques</h2>
      <p>
        Les journaux du serveur enregistrent l’adresse des pages demandées, sans adresse IP, sans paramètres de
        recherche, sans cookies ni adresse email, pour assurer le bon fonctionnement du service.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition (règlement général sur la
        protection des données). Pour l’exercer au-delà de ce que permet « Mon espace », écrivez au délégué à la
        protection des données du ministère de la Culture, 182 rue Saint-Honoré, 75001 Paris. Vous pouvez aussi
        saisir la CNIL.
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
        {[...SECONDARY_PAGES, ...SERVICE_LINKS].map((entry) => <li key={entry.href}><a href={entry.href}>{entry.label}</a></li>)}
        {LEGAL_LINKS.filter((entry) => entry.href !== '/plan-du-site').map((entry) => (
          <li key={entry.href}><a href={entry.href}>{entry.label.replace(/ :.*$/, '')}</a></li>
        ))}
      </ul>
    </ContentPage>
  );
}
