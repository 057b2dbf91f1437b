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
      <h2>Hébergement</h2>
      <p>
        Le service et ses données sont hébergés en France, sur l’infrastructure du ministère de la Culture (service du
        numérique, 182 rue Saint-Honoré, 75001 Paris).
      </p>
      <h2>Nous contacter</h2>
      <p>Par le formulaire <a href="/nous-ecrire">Nous écrire</a>.</p>
      <h2>Réutilisation des contenus</h2>
      <p>
        Sauf mention contraire, les textes et les données du service sont publiés sous Licence Ouverte Etalab 2.0 :
        vous pouvez les réutiliser en citant leur source. Les fiches d’aides citent leurs propres sources. L’API,
        les flux et les fichiers CSV sont décrits sur la page <a href="/donnees-ouvertes">Données ouvertes et API</a>.
        Le Système de design de l’État (DSFR) et la Marianne sont utilisés dans les conditions fixées par le Service
        d’information du Gouvernement.
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
      <h2>Responsable du traitement</h2>
      <p>
        Le ministère de la Culture (secrétariat général), 3 rue de Valois, 75001 Paris. Le service ne vend, ne loue et
        ne transmet aucune donnée personnelle ; seule l’équipe du service, au ministère, y a accès, pour ce qui est
        écrit ci-dessous.
      </p>
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
            <tr><td>Messages « Nous écrire » (sujet, message, adresse email, nom facultatif)</td><td>Vous répondre</td><td>Un an, puis effacés ; aussitôt si vous supprimez votre compte (messages envoyés connectée)</td></tr>
            <tr><td>Lettre d’information (adresse email, date et texte de votre accord)</td><td>Vous envoyer la lettre</td><td>Jusqu’à votre désinscription, qui l’efface ; 7 jours si vous ne confirmez pas votre adresse</td></tr>
          </tbody>
        </table>
      </div>
      <h2>Bases légales</h2>
      <ul>
        <li>Mission d’intérêt public du ministère (article 6.1.e du RGPD) : compte, suivi d’aides, propositions, revue de dossier, mentorat, annuaire, déclarations à l’index de la parité, messages à l’équipe.</li>
        <li>Votre consentement (article 6.1.a) : les emails d’alerte et la lettre d’information, que vous pouvez retirer d’un clic dans chaque email ; l’âge et la région facultatifs du profil.</li>
      </ul>
      <p>
        Depuis « Mon espace », vous pouvez télécharger toutes vos données (format JSON) et supprimer votre compte :
        vos données personnelles sont alors effacées immédiatement, avec vos messages à l’équipe et votre inscription
        à la lettre d’information.
      </p>
      <h2>Statistiques et données ouvertes</h2>
      <p>
        Les <a href="/stats">statistiques publiques</a> ne sont que des totaux ; un total inférieur à 5 est affiché
        « &lt; 5 » pour que personne ne puisse être reconnu. L’API et les flux ne publient que ce qui est déjà public
        sur le site, jamais une adresse email ni un compte.
      </p>
      <h2>Cookies et mesure d’audience</h2>
      <p>
        Deux cookies techniques, sans tiers, donc sans consentement à recueillir : l’un protège vos envois de
        formulaires contre la falsification de requêtes, l’autre garde votre session quand vous êtes connectée.
      </p>
      {ctx.analytics ? (
        <p>
          La fréquentation est mesurée avec Matomo, hébergé par le ministère, en mode sans cookie : aucun identifiant
          n’est déposé sur votre appareil, les adresses IP sont anonymisées et les données ne servent qu’à des
          statistiques de visite. Cette mesure est exemptée de consentement selon les recommandations de la CNIL.
        </p>
      ) : (
        <p>Aucun outil de mesure d’audience ni aucun service tiers n’est chargé par le service.</p>
      )}
      <h2>Journaux techniques</h2>
      <p>
        Les journaux du serveur enregistrent l’adresse des pages demandées, sans adresse IP, sans paramètres de
        recherche, sans cookies ni adresse email, pour assurer le bon fonctionnement du service.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition (règlement général sur la
        protection des données), ainsi que d’un droit à la limitation et, pour ce que vous avez consenti, d’un droit
        de retrait et à la portabilité. Pour les exercer au-delà de ce que permet « Mon espace », <a href="/nous-ecrire?sujet=question">écrivez-nous</a>
        ou écrivez au délégué à la protection des données du ministère de la Culture, 182 rue Saint-Honoré, 75001
        Paris. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL.
      </p>
    </ContentPage>
  );
}

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Déclaration d’accessibilité">
      <p>
        Le ministère de la Culture s’engage à rendre ses services numériques accessibles, conformément à l’article 47
        de la loi n° 2005-102 du 11 février 2005. Cette déclaration s’applique au service Elles font la culture.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le service est <strong>non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA 4.1) :
        aucun audit complet n’a encore été réalisé. Un audit par un organisme indépendant est prévu avant l’ouverture
        au public ; ses résultats remplaceront cette section.
      </p>
      <h2>Comment l’accessibilité est vérifiée aujourd’hui</h2>
      <ul>
        <li>Le service utilise le Système de design de l’État (DSFR), dont les composants sont conçus pour être conformes au RGAA.</li>
        <li>À chaque modification du code, chaque page du service est ouverte dans un vrai navigateur (Chromium) et contrôlée avec l’outil axe-core (règles WCAG 2.1 niveaux A et AA) : aucune erreur n’est acceptée.</li>
        <li>Des parcours complets (rechercher et filtrer des aides, créer une alerte, proposer une aide, demander une relecture de dossier, trouver une mentore) sont testés au clavier seul.</li>
        <li>Toutes les fonctions marchent sans JavaScript : les mêmes parcours sont testés avec JavaScript désactivé.</li>
        <li>Les graphiques sont accompagnés d’un tableau des mêmes chiffres.</li>
      </ul>
      <h2>Technologies utilisées</h2>
      <p>HTML5, CSS, SVG ; JavaScript seulement pour améliorer l’affichage (menus du DSFR), jamais nécessaire.</p>
      <h2>Limites connues</h2>
      <ul>
        <li>Les vidéos hébergées chez des tiers dépendent de leur lecteur ; chaque témoignage vidéo a une transcription sur sa page.</li>
        <li>Les documents déposés par les photographes pour la revue de dossier (PDF) ne sont pas vérifiés : ils ne sont vus que par la relectrice.</li>
      </ul>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, <a href="/nous-ecrire?sujet=question">écrivez-nous</a> :
        nous vous répondrons avec une version accessible ou une autre façon d’obtenir l’information.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d’accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire
        au Défenseur des droits (formulaire en ligne sur defenseurdesdroits.fr, ou Défenseur des droits, libre réponse
        71120, 75342 Paris Cedex 07), ou contacter son délégué dans votre région.
      </p>
    </ContentPage>
  );
}

export function TermsPage({ ctx }: { ctx: PageContext }) {
  return (
    <ContentPage ctx={ctx} title="Conditions d’utilisation" lead="Ce que le service offre, et ce que chacune s’engage à respecter pour qu’il reste un lieu sûr.">
      <h2>Le service</h2>
      <p>
        Elles font la culture est un service public numérique gratuit du ministère de la Culture : un catalogue d’aides
        pour les photographes, des ressources pratiques, l’index de la parité et des outils d’entraide (revue de dossier
        entre pairs, mentorat, annuaire). Consulter le site ne demande pas de compte.
      </p>
      <h2>Les informations sur les aides</h2>
      <p>
        Les fiches sont rédigées et vérifiées par l’équipe à partir des sources qu’elles citent. Seul le règlement de
        l’organisme qui propose l’aide fait foi : vérifiez dates et conditions sur son site avant de candidater, et
        signalez une erreur depuis la fiche si vous en voyez une.
      </p>
      <h2>Votre compte</h2>
      <p>
        Le compte s’ouvre avec une adresse email, sans mot de passe : un lien de connexion vous est envoyé à chaque fois.
        Gardez l’accès à votre messagerie pour vous. Vous pouvez télécharger vos données et supprimer votre compte à
        tout moment depuis « Mon espace ».
      </p>
      <h2>Vos contributions</h2>
      <p>
        Aides proposées, ressources, chiffres déclarés, fiches d’annuaire et de mentore : rien n’est publié avant d’avoir
        été relu par l’équipe, qui peut corriger ou refuser en disant pourquoi. En proposant un contenu, vous acceptez sa
        publication sous Licence Ouverte, sauf vos données personnelles, qui ne sont jamais publiées.
      </p>
      <h2>Règles de l’entraide</h2>
      <ul>
        <li>Les échanges (relectures, mentorat, messages de l’annuaire) se font avec respect et bienveillance ; aucun propos sexiste, raciste, homophobe, transphobe ou validiste n’est toléré.</li>
        <li>Un dossier reçu en relecture est confidentiel : il ne peut être copié, diffusé ni réutilisé. Il reste la propriété de son autrice.</li>
        <li>L’annuaire sert à proposer du travail rémunéré ou des projets, dans le respect de la charte signée par les commanditaires ; pas de démarchage commercial ni de demande de travail gratuit.</li>
        <li>Chaque échange peut être signalé à l’équipe en un clic ; l’équipe peut suspendre un compte qui ne respecte pas ces règles.</li>
      </ul>
      <p>
        Si vous êtes victime ou témoin de harcèlement, la fiche <a href="/ressources/face-au-harcelement-sexiste-et-sexuel">Face au harcèlement sexiste et sexuel</a> donne les
        contacts d’aide ; en cas d’urgence, appelez le 17 ou le 3919.
      </p>
      <h2>Réutilisation des données</h2>
      <p>
        Les données publiques du service sont réutilisables librement (voir <a href="/donnees-ouvertes">Données
        ouvertes et API</a>). Aspirer le site en masse ou contourner les limites de l’API est interdit : utilisez l’API.
      </p>
      <h2>Évolution de ces conditions</h2>
      <p>
        Ces conditions peuvent évoluer avec le service ; une modification importante est annoncée sur le site et, pour
        les titulaires d’un compte, par email. Pour toute question : <a href="/nous-ecrire?sujet=question">écrivez-nous</a>.
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
