import { SimpleTable } from '../../ui/components/table.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import type { PageContext } from '../../ui/page-context.ts';

const code = (text: string) => <code>{text}</code>;

/** The human side of /api/v1/openapi.json: what can be reused, how, and under which licence. */
export function ApiDocsPage({ ctx, rateLimit }: { ctx: PageContext; rateLimit: number }) {
  const base = `${ctx.publicUrl}/api/v1`;
  return (
    <ContentPage
      ctx={ctx} title="Données ouvertes et API"
      lead="Le catalogue des aides, les ressources et l’index de la parité sont réutilisables librement : par une API, des flux et des fichiers CSV."
    >
      <h2>Licence</h2>
      <p>
        Toutes ces données sont publiées sous Licence Ouverte / Etalab 2.0 : vous pouvez les copier, les modifier et les
        republier, y compris à des fins commerciales, en citant « Elles font la culture, ministère de la Culture » et la
        date de mise à jour. Aucune donnée personnelle n’y figure : seules les informations publiées sur le site sont
        servies.
      </p>

      <h2>API en lecture seule</h2>
      <p>
        Adresse de base : {code(base)}. Les réponses sont en JSON (UTF-8). La description complète, au format
        OpenAPI 3.1, est à l’adresse <a href="/api/v1/openapi.json">{`${base}/openapi.json`}</a> : elle peut être lue par
        les outils de génération de clients.
      </p>
      <SimpleTable
        caption="Points d’accès de l’API"
        headers={['Adresse', 'Contenu', 'Filtres']}
        rows={[
          [code('GET /opportunities'), 'Aides publiées, 20 par page, triées par date limite', 'Ceux du catalogue : q, type, discipline, statut, region, reservee, gratuite, age, montant, page'],
          [code('GET /opportunities/{id}'), 'Une aide, avec toutes ses périodes de candidature', '—'],
          [code('GET /resources'), 'Fiches, vidéos, ateliers, modèles et liens', 'q, type, theme, page'],
          [code('GET /resources/{id}'), 'Une ressource', '—'],
          [code('GET /organizations'), 'Organisations de l’index de la parité et leurs derniers chiffres', 'q, type, annee, page'],
          [code('GET /organizations/{id}'), 'Une organisation et tous ses chiffres publiés, année par année', '—'],
        ]}
      />
      <p>
        Les filtres ont les mêmes noms et valeurs que dans l’adresse des pages du site : faites votre recherche sur
        <a href="/aides"> la page des aides</a>, puis copiez ses paramètres. Exemple : {code(`${base}/opportunities?type=residence&statut=ouverte`)}.
      </p>
      <h3>Identifiants</h3>
      <p>
        L’identifiant {code('id')} de chaque élément est celui de l’adresse de sa page ({code('/aides/{id}')},
        {code(' /ressources/{id}')}, {code(' /index-parite/{id}')}). Il ne change pas quand l’élément est corrigé.
      </p>
      <h3>Pages et réponses</h3>
      <p>
        Chaque liste renvoie {code('data')} (les éléments) et {code('meta')} ({code('total')}, {code('page')},
        {code(' pageCount')}, {code('perPage')}). Un élément inconnu ou non publié donne une réponse 404 avec un champ
        {code(' error')} en français.
      </p>
      <h3>Cache, limites et accès depuis un navigateur</h3>
      <ul>
        <li>Chaque réponse porte un en-tête {code('ETag')} : renvoyez-le dans {code('If-None-Match')} et, si rien n’a changé, la réponse est un 304 sans contenu.</li>
        <li>Les réponses peuvent être gardées en cache 5 minutes.</li>
        <li>{rateLimit} requêtes par minute et par adresse IP au plus ; au-delà, la réponse est un 429 qui dit quand réessayer.</li>
        <li>L’API accepte les requêtes de tout site (CORS ouvert) : une page web peut l’interroger directement.</li>
      </ul>

      <h2>Flux et agendas</h2>
      <p>
        Depuis <a href="/aides">la page des aides</a>, toute recherche peut être suivie sans compte, avec les mêmes
        paramètres que son adresse :
      </p>
      <ul>
        <li>flux RSS des nouvelles aides : {code(`${ctx.publicUrl}/aides/flux.xml`)} (les 100 plus récentes) ;</li>
        <li>agenda des dates limites, au format iCalendar, à ajouter comme abonnement dans votre application d’agenda : {code(`${ctx.publicUrl}/aides/calendrier.ics`)}.</li>
      </ul>

      <h2>Fichiers CSV</h2>
      <ul>
        <li><a href="/index-parite/donnees">Chiffres de l’index de la parité</a>, avec leur méthode ;</li>
        <li><a href="/stats">Statistiques d’impact du service</a>, une série mensuelle par fichier.</li>
      </ul>

      <h2>Une question, une réutilisation à signaler ?</h2>
      <p>
        Dites-nous ce que vous en faites ou ce qui vous manque : <a href="/nous-ecrire?sujet=partenariat">écrivez-nous</a>.
      </p>
    </ContentPage>
  );
}
