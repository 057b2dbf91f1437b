import type { ResourceRow, ResourceStage, ResourceTheme } from '../../db/schema/index.ts';
import { formatFrenchDate, formatParisDateTime } from '../../platform/dates.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { displayHost, safeExternalUrl } from '../../platform/urls.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { Layout } from '../../ui/layout.tsx';
import { ShareMetadata } from '../../ui/share-metadata.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { isPastWebinar } from './resources.queries.ts';
import { RESOURCE_TYPE_LABELS, STAGE_LABELS, THEME_LABELS, readingMinutes } from './resource.vocabulary.ts';

function Markdown({ source }: { source: string }) {
  return <div class="eflc-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}

function Sources({ resource }: { resource: ResourceRow }) {
  if (resource.sources.length === 0) return null;
  return (
    <section class="fr-mt-4w" aria-labelledby="sources">
      <h2 id="sources" class="fr-h4">Sources et liens utiles</h2>
      <ul>
        {resource.sources.map((source) => (
          <li key={source.url}><ExternalLink href={source.url}>{source.title}</ExternalLink>{source.publisher ? ` — ${source.publisher}` : ''}</li>
        ))}
      </ul>
    </section>
  );
}

function Sheet({ resource }: { resource: ResourceRow }) {
  return (
    <>
      <section aria-labelledby="en-bref"><h2 id="en-bref" class="fr-h4">En bref</h2><Markdown source={resource.introduction} /></section>
      <Markdown source={resource.body} />
      {resource.keyTakeaways.length > 0 ? (
        <div class="fr-callout fr-mt-4w">
          <h2 class="fr-callout__title fr-h5">À retenir</h2>
          <ul class="fr-callout__text">{resource.keyTakeaways.map((item) => <li key={item}>{item}</li>)}</ul>
        </div>
      ) : null}
      <Sources resource={resource} />
    </>
  );
}

/**
 * Nothing is loaded from the video's host until the visitor asks: the page explains what
 * loading sends, and a link (no script needed) reloads the page with the player.
 */
function Video({ resource, playing }: { resource: ResourceRow; playing: boolean }) {
  const url = safeExternalUrl(resource.videoUrl);
  return (
    <>
      <section class="fr-mb-4w" aria-labelledby="video">
        <h2 id="video" class="fr-h4">La vidéo</h2>
        {url && playing ? (
          <div class="eflc-video"><iframe src={url} title={`Vidéo : ${resource.title}`} allow="fullscreen" referrerpolicy="no-referrer" loading="lazy"></iframe></div>
        ) : url ? (
          <div class="eflc-video-consent fr-p-3w">
            <p>
              Cette vidéo est hébergée par <strong>{displayHost(url)}</strong>. En la lançant, votre navigateur se connecte à ce site,
              qui reçoit votre adresse IP et peut déposer des cookies. Rien n’est chargé avant votre choix.
            </p>
            <a class="fr-btn fr-icon-play-circle-line fr-btn--icon-left" href={`/ressources/${resource.slug}?lecture=1#video`}>Lancer la vidéo</a>
            <p class="fr-text--sm fr-mt-2w fr-mb-0">Vous pouvez aussi lire la transcription complète ci-dessous.</p>
          </div>
        ) : <p>Vidéo momentanément indisponible : la transcription complète est ci-dessous.</p>}
      </section>
      <section aria-labelledby="transcription">
        <h2 id="transcription" class="fr-h4">Transcription</h2>
        <Markdown source={resource.transcript ?? ''} />
      </section>
    </>
  );
}

function Webinar({ resource, now }: { resource: ResourceRow; now: Date }) {
  const past = isPastWebinar(resource, now);
  return (
    <>
      <div class={`fr-callout${past ? '' : ' fr-callout--blue-ecume'}`}>
        <h2 class="fr-callout__title fr-h5">{past ? 'Cet événement a eu lieu' : 'À venir'}</h2>
        <p class="fr-callout__text">
          {resource.startsAt ? `${formatParisDateTime(resource.startsAt)} (heure de Paris)` : 'Date à venir'}
          {resource.durationMinutes ? `, ${resource.durationMinutes} minutes` : ''}{resource.eventFormat ? ` — ${resource.eventFormat}` : ''}.
        </p>
        {!past && safeExternalUrl(resource.registrationUrl) ? <ExternalLink class="fr-btn fr-mt-2w" href={resource.registrationUrl}>S’inscrire</ExternalLink> : null}
        {past && safeExternalUrl(resource.replayUrl) ? <ExternalLink class="fr-btn fr-mt-2w" href={resource.replayUrl}>Voir le replay</ExternalLink> : null}
      </div>
      {resource.speakers.length > 0 ? (
        <section class="fr-mt-4w" aria-labelledby="intervenantes">
          <h2 id="intervenantes" class="fr-h4">Intervenantes</h2>
          <ul>{resource.speakers.map((speaker) => <li key={speaker.name}>{speaker.name}{speaker.role ? ` — ${speaker.role}` : ''}</li>)}</ul>
        </section>
      ) : null}
      {past && resource.transcript ? (
        <section class="fr-mt-4w" aria-labelledby="transcription"><h2 id="transcription" class="fr-h4">Transcription</h2><Markdown source={resource.transcript} /></section>
      ) : past ? <p class="fr-mt-4w">La transcription sera publiée prochainement.</p> : null}
    </>
  );
}

function Document({ resource }: { resource: ResourceRow }) {
  return (
    <>
      <div class="fr-download">
        <p>
          <a class="fr-download__link" href={`/ressources/${resource.slug}/telecharger`} download>
            Télécharger « {resource.title} »
            <span class="fr-download__detail">PDF{resource.fileSize ? ` – ${Math.max(1, Math.round(resource.fileSize / 1024))} Ko` : ''}</span>
          </a>
        </p>
      </div>
      {resource.body ? (
        <section class="fr-mt-4w" aria-labelledby="contenu"><h2 id="contenu" class="fr-h4">Ce que contient le modèle</h2><pre class="eflc-email-text">{resource.body}</pre></section>
      ) : null}
    </>
  );
}

const SCHEMA_TYPES: Record<ResourceRow['type'], string> = { sheet: 'Article', video: 'VideoObject', webinar: 'Event', document: 'DigitalDocument', link: 'WebPage' };

function resourceStructuredData(resource: ResourceRow): Record<string, unknown> {
  return {
    '@type': SCHEMA_TYPES[resource.type],
    name: resource.title,
    description: resource.summary,
    inLanguage: 'fr',
    ...(resource.author ? { author: { '@type': 'Person', name: resource.author } } : {}),
    ...(resource.lastUpdatedOn ? { dateModified: resource.lastUpdatedOn } : {}),
    ...(resource.type === 'webinar' && resource.startsAt
      ? { startDate: resource.startsAt.toISOString(), eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode', location: { '@type': 'VirtualLocation', url: resource.externalUrl ?? undefined } }
      : {}),
    ...(resource.type === 'video' && resource.publishedAt ? { uploadDate: resource.publishedAt.toISOString() } : {}),
  };
}

export function ResourceDetailPage({ ctx, resource, now, playing }: { ctx: PageContext; resource: ResourceRow; now: Date; playing: boolean }) {
  return (
    <Layout
      ctx={ctx} title={resource.title} description={resource.summary}
      head={<ShareMetadata ctx={ctx} title={resource.title} description={resource.summary} structuredData={resourceStructuredData(resource)} />}
    >
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Ressources', href: '/ressources' }, { label: resource.title }]} />
        <div class="fr-grid-row"><article class="fr-col-12 fr-col-lg-9">
          <ul class="fr-badges-group fr-mb-1w">
            <li><p class="fr-badge fr-badge--blue-ecume">{RESOURCE_TYPE_LABELS[resource.type]}</p></li>
            {resource.themes.map((theme) => <li key={theme}><p class="fr-badge">{THEME_LABELS[theme as ResourceTheme]}</p></li>)}
          </ul>
          <h1>{resource.title}</h1>
          <p class="fr-text--lead">{resource.objective ?? resource.summary}</p>
          <p class="fr-text--sm">
            {resource.type === 'sheet' ? `Temps de lecture : ${readingMinutes(resource.introduction, resource.body)} min. ` : ''}
            {resource.author ? `Par ${resource.author}. ` : ''}
            {resource.lastUpdatedOn ? `Mise à jour le ${formatFrenchDate(resource.lastUpdatedOn)}. ` : ''}
            {resource.careerStages.length > 0 && resource.careerStages.length < 3 ? `Pour : ${resource.careerStages.map((stage) => STAGE_LABELS[stage as ResourceStage].toLowerCase()).join(', ')}.` : ''}
          </p>
          {resource.type === 'sheet' ? <Sheet resource={resource} /> : null}
          {resource.type === 'video' ? <Video resource={resource} playing={playing} /> : null}
          {resource.type === 'webinar' ? <Webinar resource={resource} now={now} /> : null}
          {resource.type === 'document' ? <Document resource={resource} /> : null}
          {resource.type === 'link' ? (
            <p><ExternalLink class="fr-btn" href={resource.externalUrl}>{`Ouvrir la ressource (${displayHost(resource.externalUrl ?? '')})`}</ExternalLink></p>
          ) : null}
          {resource.type !== 'sheet' ? <Sources resource={resource} /> : null}
          <section class="fr-mt-4w fr-p-3w eflc-feedback" aria-labelledby="avis">
            <h2 id="avis" class="fr-h5">Cette ressource vous a-t-elle été utile ?</h2>
            <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
              <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/ressources/${resource.slug}/avis?reponse=utile`}>Oui</a></li>
              <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/ressources/${resource.slug}/avis?reponse=pas-utile`}>Non</a></li>
            </ul>
          </section>
        </article></div>
      </div>
    </Layout>
  );
}
