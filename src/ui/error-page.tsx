import type { PageContext } from './page-context.ts';
import { Layout } from './layout.tsx';

interface ErrorPageProps {
  ctx: PageContext;
  statusCode: number;
  title: string;
  lead: string;
  advice?: string;
  /** Shown only outside production, to help developers. */
  detail?: string;
}

export function ErrorPage({ ctx, statusCode, title, lead, advice, detail }: ErrorPageProps) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container">
        <div class="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
          <div class="fr-py-0 fr-col-12 fr-col-md-8">
            <h1>{title}</h1>
            <p class="fr-text--sm fr-mb-3w">Erreur {statusCode}</p>
            <p class="fr-text--lead fr-mb-3w">{lead}</p>
            {advice ? <p class="fr-text--sm fr-mb-5w">{advice}</p> : null}
            {detail ? <pre class="fr-text--xs">{detail}</pre> : null}
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><a class="fr-btn" href="/">Page d’accueil</a></li>
              <li><a class="fr-btn fr-btn--secondary" href="/aides">Rechercher une aide</a></li>
            </ul>
          </div>
        </div>
      </div>
    </Layout>
  );
}

export const ERROR_MESSAGES: Record<number, { title: string; lead: string; advice?: string }> = {
  400: {
    title: 'Requête incorrecte',
    lead: 'Les informations envoyées ne peuvent pas être traitées.',
    advice: 'Revenez à la page précédente, vérifiez votre saisie et réessayez.',
  },
  401: {
    title: 'Connexion nécessaire',
    lead: 'Cette action demande d’être connectée à votre espace.',
    advice: 'Connectez-vous, puis recommencez.',
  },
  403: {
    title: 'Accès refusé',
    lead: 'Vous n’avez pas accès à cette page ou cette action a expiré.',
    advice: 'Si vous envoyiez un formulaire, rechargez la page puis envoyez-le à nouveau.',
  },
  404: {
    title: 'Page non trouvée',
    lead: 'La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.',
    advice:
      'Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.',
  },
  405: { title: 'Action non permise', lead: 'Cette adresse n’accepte pas ce type de requête.' },
  413: {
    title: 'Envoi trop volumineux',
    lead: 'Le contenu envoyé dépasse la taille autorisée.',
    advice: 'Revenez en arrière, choisissez un fichier plus léger (un PDF compressé, par exemple) et envoyez à nouveau le formulaire.',
  },
  415: {
    title: 'Format non pris en charge',
    lead: 'Le format des informations envoyées n’est pas accepté à cette adresse : elle ne reçoit pas de fichier.',
    advice: 'Revenez à la page du formulaire, rechargez-la et envoyez-le à nouveau.',
  },
  429: {
    title: 'Trop de demandes',
    lead: 'Vous avez fait beaucoup de demandes en peu de temps.',
    advice: 'Patientez quelques minutes avant de réessayer.',
  },
  500: {
    title: 'Erreur inattendue',
    lead: 'Désolé, le service rencontre un problème. Nous y travaillons pour le résoudre le plus rapidement possible.',
    advice: 'Essayez de rafraîchir la page ou réessayez un peu plus tard.',
  },
  503: {
    title: 'Service momentanément indisponible',
    lead: 'Le service est temporairement inaccessible. Vos données ne sont pas perdues.',
    advice: 'Réessayez dans quelques minutes.',
  },
};
