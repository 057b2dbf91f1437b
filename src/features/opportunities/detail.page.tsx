import { type IsoDate, formatFrenchDate, frenchMonthName } from '../../platform/dates.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { displayHost, safeExternalUrl } from '../../platform/urls.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { Layout } from '../../ui/layout.tsx';
import { ShareMetadata } from '../../ui/share-metadata.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { OpportunityWithWindows } from './opportunities.queries.ts';
import { OpportunityCard } from './opportunity-card.tsx';
import {
  ageSentence, amountSentence, careerStagesSentence, entryFeeSentence, isEstimated, percent, scopeSentence, statusOf,
  statusSentence,
} from './opportunity.presenters.ts';
import { DISCIPLINE_LABELS, KIND_LABELS, RECURRENCE_LABELS, type Discipline } from './opportunity.vocabulary.ts';
import { StatusBadge } from './status-badge.tsx';

/** What the visitor can ask about this opportunity: null for a visitor, her follows when signed in. */
export interface FollowState {
  signedIn: boolean;
  kinds: readonly ('deadlines' | 'next_edition')[];
  justFollowed: boolean;
}

interface DetailPageProps {
  ctx: PageContext;
  opportunity: OpportunityWithWindows;
  similar: OpportunityWithWindows[];
  today: IsoDate;
  follow: FollowState;
}

function FollowActions({ ctx, opportunity, follow, offerDeadlines, offerNextEdition }: {
  ctx: PageContext;
  opportunity: OpportunityWithWindows;
  follow: FollowState;
  offerDeadlines: boolean;
  offerNextEdition: boolean;
}) {
  if (!offerDeadlines && !offerNextEdition) return null;
  const action = (kind: 'deadlines' | 'next_edition', label: string, followingLabel: string) => {
    const slug = kind === 'deadlines' ? 'rappels' : 'prochaine-edition';
    if (follow.kinds.includes(kind)) {
      return <p class="fr-badge fr-badge--success fr-mb-1w">{followingLabel}</p>;
    }
    if (!follow.signedIn) {
      return <a class="fr-btn fr-btn--secondary fr-icon-notification-3-line fr-btn--icon-left" href={`/aides/${opportunity.slug}/suivre?type=${slug}`}>{label}</a>;
    }
    return (
      <form method="post" action={`/aides/${opportunity.slug}/suivre`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken()} />
        <input type="hidden" name="type" value={slug} />
        <button class="fr-btn fr-btn--secondary fr-icon-notification-3-line fr-btn--icon-left" type="submit">{label}</button>
      </form>
    );
  };
  return (
    <section class="fr-mt-3w" aria-labelledby="alertes-aide">
      <h2 id="alertes-aide" class="fr-h5">Ne pas laisser passer la date</h2>
      {follow.justFollowed ? <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status"><p>C’est noté : vous serez prévenue par email.</p></div> : null}
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {offerDeadlines ? <li>{action('deadlines', 'Suivre cette aide', 'Vous suivez cette aide : rappels 14 et 3 jours avant la date limite')}</li> : null}
        {offerNextEdition ? <li>{action('next_edition', 'Prévenez-moi à la prochaine édition', 'Vous serez prévenue à l’ouverture de la prochaine édition')}</li> : null}
      </ul>
      {follow.kinds.length > 0 ? <p class="fr-text--sm"><a href="/mon-espace#suivis">Gérer mes alertes</a></p> : null}
    </section>
  );
}

function Windows({ opportunity, today }: { opportunity: OpportunityWithWindows; today: IsoDate }) {
  const upcoming = opportunity.windows.filter((window) => window.closesOn >= today);
  if (upcoming.length === 0) return null;
  return (
    <ul>
      {upcoming.map((window) => (
        <li key={window.id}>
          {window.opensOn ? `Du ${formatFrenchDate(window.opensOn)} au ${formatFrenchDate(window.closesOn)}` : `Jusqu’au ${formatFrenchDate(window.closesOn)}`}
          {window.isEstimated ? ' (dates indicatives)' : ''}
        </li>
      ))}
    </ul>
  );
}

function typicalMonthsSentence(opportunity: OpportunityWithWindows): string | null {
  const { typicalOpenMonth: open, typicalDeadlineMonth: deadline } = opportunity;
  if (open && deadline) return `D’habitude, l’appel ouvre en ${frenchMonthName(open)} et se termine en ${frenchMonthName(deadline)}.`;
  if (deadline) return `D’habitude, la date limite tombe en ${frenchMonthName(deadline)}.`;
  if (open) return `D’habitude, l’appel ouvre en ${frenchMonthName(open)}.`;
  return null;
}

function Eligibility({ opportunity }: { opportunity: OpportunityWithWindows }) {
  const age = ageSentence(opportunity.ageMin, opportunity.ageMax);
  const disciplines = opportunity.disciplines.map((discipline) => DISCIPLINE_LABELS[discipline as Discipline] ?? discipline);
  return (
    <dl class="eflc-definitions">
      <dt>Qui peut candidater</dt>
      <dd>{opportunity.reservedToWomen ? 'Réservée aux femmes et aux minorités de genre' : 'Ouverte à toutes et tous'}</dd>
      <dt>Lieu de résidence</dt>
      <dd>{scopeSentence(opportunity.geographicScope, opportunity.eligibilityRegion)}</dd>
      <dt>Étape de parcours</dt>
      <dd>{careerStagesSentence(opportunity.careerStages)}</dd>
      <dt>Âge</dt>
      <dd>{age ?? 'Pas de limite d’âge indiquée'}</dd>
      <dt>Pratiques</dt>
      <dd>{disciplines.length ? disciplines.join(', ') : 'Non précisé'}</dd>
      {opportunity.otherConditions ? (
        <>
          <dt>Autres conditions</dt>
          <dd>{opportunity.otherConditions}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Parity({ opportunity }: { opportunity: OpportunityWithWindows }) {
  const { juryWomenShare: jury, laureatesWomenShare: laureates } = opportunity;
  if (jury === null && laureates === null) return null;
  return (
    <section class="fr-mt-4w" aria-labelledby="parite">
      <h2 id="parite" class="fr-h4">Parité</h2>
      <ul>
        {jury !== null ? <li>Part de femmes dans le jury : {percent(jury)} (estimation)</li> : null}
        {laureates !== null ? <li>Part de femmes parmi les lauréat·es : {percent(laureates)} (estimation)</li> : null}
      </ul>
      <p class="fr-text--sm">
        Estimation comptée à partir des listes de noms publiées
        {opportunity.parityYear ? ` (${opportunity.parityYear})` : ''}
        {opportunity.paritySource ? (
          <>
            {' '}— source : <ExternalLink href={opportunity.paritySource}>{displayHost(opportunity.paritySource)}</ExternalLink>
          </>
        ) : null}
        .
      </p>
    </section>
  );
}

/** schema.org: every kind of opportunity is support given by a funder; the amount when it is known. */
function opportunityStructuredData(opportunity: OpportunityWithWindows, officialUrl: string | null): Record<string, unknown> {
  return {
    '@type': 'MonetaryGrant',
    name: opportunity.title,
    description: opportunity.summary,
    funder: { '@type': 'Organization', name: opportunity.organizer },
    ...(opportunity.amountEur !== null ? { amount: { '@type': 'MonetaryAmount', currency: 'EUR', value: opportunity.amountEur } } : {}),
    ...(officialUrl ? { sameAs: officialUrl } : {}),
    inLanguage: 'fr',
  };
}

export function DetailPage({ ctx, opportunity, similar, today, follow }: DetailPageProps) {
  const status = statusOf(opportunity, today);
  const amount = amountSentence(opportunity);
  const typicalMonths = typicalMonthsSentence(opportunity);
  const hasUpcomingDeadline = opportunity.windows.some((window) => window.closesOn >= today);
  const applicationUrl = safeExternalUrl(opportunity.applicationUrl);
  const officialUrl = safeExternalUrl(opportunity.officialUrl);
  const description = opportunity.description.trim() ? renderMarkdown(opportunity.description) : null;
  return (
    <Layout
      ctx={ctx} title={opportunity.title} description={opportunity.summary}
      head={<ShareMetadata ctx={ctx} title={opportunity.title} description={opportunity.summary} structuredData={opportunityStructuredData(opportunity, officialUrl)} />}
    >
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: '/aides' }, { label: opportunity.title }]} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <article class="fr-col-12 fr-col-md-8">
            <ul class="fr-badges-group fr-mb-1w">
              <li><StatusBadge status={status} /></li>
              <li><p class="fr-badge fr-badge--blue-ecume">{KIND_LABELS[opportunity.kind]}</p></li>
              {opportunity.reservedToWomen ? (
                <li><p class="fr-badge fr-badge--purple-glycine">Réservée aux femmes et minorités de genre</p></li>
              ) : null}
            </ul>
            <h1>{opportunity.title}</h1>
            <p class="fr-text--lead">{opportunity.organizer}{opportunity.city ? ` — ${opportunity.city}` : ''}</p>
            <div class={`fr-callout ${status.status === 'closing_soon' ? 'fr-callout--orange-terre-battue' : ''}`}>
              <h2 class="fr-callout__title fr-h5">Quand candidater</h2>
              <p class="fr-callout__text">{statusSentence(status)}</p>
              {isEstimated(status) ? (
                <p class="fr-text--sm fr-mt-1w">
                  <strong>Dates indicatives</strong> : estimées d’après les éditions précédentes, en attendant la confirmation
                  des dates par notre équipe. Vérifiez-les sur le site de l’organisme.
                </p>
              ) : null}
              {hasUpcomingDeadline ? (
                <a class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-calendar-line fr-mt-2w" href={`/aides/${opportunity.slug}/agenda.ics`} download>
                  Ajouter à mon agenda
                </a>
              ) : null}
            </div>
            <FollowActions
              ctx={ctx}
              opportunity={opportunity}
              follow={follow}
              offerDeadlines={status.status === 'open' || status.status === 'closing_soon' || status.status === 'upcoming'}
              offerNextEdition={status.status === 'closed' || status.status === 'to_confirm' || status.status === 'upcoming' || opportunity.recurrence === 'annual' || opportunity.recurrence === 'biennial'}
            />
            {opportunity.isLowConfidence ? (
              <div class="fr-notice fr-notice--info fr-mt-2w">
                <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">
                  Certaines informations de cette fiche n’ont pas encore pu être vérifiées : confirmez-les auprès de l’organisme.
                </p></div></div>
              </div>
            ) : null}
            <section class="fr-mt-4w" aria-labelledby="en-bref">
              <h2 id="en-bref" class="fr-h4">En bref</h2>
              <p>{opportunity.summary}</p>
              {description ? <div class="eflc-markdown" dangerouslySetInnerHTML={{ __html: description }} /> : null}
            </section>
            <section class="fr-mt-4w" aria-labelledby="dotation">
              <h2 id="dotation" class="fr-h4">Dotation et frais</h2>
              <ul>
                <li>{amount ?? 'Dotation non précisée'}{amount && opportunity.amountEur !== null && opportunity.amountNote ? ` — ${opportunity.amountNote}` : ''}</li>
                <li>{entryFeeSentence(opportunity)}</li>
              </ul>
            </section>
            <section class="fr-mt-4w" aria-labelledby="eligibilite">
              <h2 id="eligibilite" class="fr-h4">Conditions pour candidater</h2>
              <Eligibility opportunity={opportunity} />
            </section>
            <section class="fr-mt-4w" aria-labelledby="calendrier">
              <h2 id="calendrier" class="fr-h4">Calendrier</h2>
              <Windows opportunity={opportunity} today={today} />
              <p>Fréquence : {RECURRENCE_LABELS[opportunity.recurrence].toLowerCase()}.{typicalMonths ? ` ${typicalMonths}` : ''}</p>
            </section>
            <section class="fr-mt-4w" aria-labelledby="candidater">
              <h2 id="candidater" class="fr-h4">Comment candidater</h2>
              {applicationUrl || officialUrl ? (
                <ul class="fr-btns-group fr-btns-group--inline-md">
                  {applicationUrl ? (
                    <li><ExternalLink class="fr-btn" href={applicationUrl}>Déposer ma candidature</ExternalLink></li>
                  ) : null}
                  {officialUrl ? (
                    <li><ExternalLink class="fr-btn fr-btn--secondary" href={officialUrl}>{`Voir le site de l’organisme (${displayHost(officialUrl)})`}</ExternalLink></li>
                  ) : null}
                </ul>
              ) : (
                <p>Pas de lien officiel connu : cherchez l’appel sur le site de {opportunity.organizer}.</p>
              )}
              {opportunity.contact ? <p>Contact : {opportunity.contact}</p> : null}
            </section>
            <Parity opportunity={opportunity} />
            {opportunity.sourceLinks.length > 0 ? (
              <section class="fr-mt-4w" aria-labelledby="sources">
                <h2 id="sources" class="fr-h4">Sources</h2>
                <ul>
                  {opportunity.sourceLinks.map((link) => (
                    <li key={link}><ExternalLink href={link}>{displayHost(link)}</ExternalLink></li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section class="fr-mt-4w fr-p-3w eflc-feedback" aria-labelledby="avis">
              <h2 id="avis" class="fr-h5">Cette page vous a-t-elle été utile ?</h2>
              <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/aides/${opportunity.slug}/avis?reponse=utile`}>Oui</a></li>
                <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/aides/${opportunity.slug}/avis?reponse=utile-mais-close`}>Oui, mais l’aide est close</a></li>
                <li><a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/aides/${opportunity.slug}/avis?reponse=pas-utile`}>Non</a></li>
              </ul>
              <p class="fr-text--sm fr-mb-0">
                Une information est fausse ? <a href={`/aides/${opportunity.slug}/signaler`}>Signaler une erreur</a>
              </p>
            </section>
            <p class="fr-text--sm fr-mt-4w">
              {opportunity.lastVerifiedOn
                ? `Informations vérifiées par notre équipe le ${formatFrenchDate(opportunity.lastVerifiedOn)}.`
                : 'Informations issues de sources publiques, pas encore vérifiées par notre équipe.'}
            </p>
          </article>
          <aside class="fr-col-12 fr-col-md-4" aria-labelledby="similaires">
            <h2 id="similaires" class="fr-h4">Aides similaires</h2>
            {similar.length === 0 ? (
              <p>Pas d’aide similaire ouverte pour le moment.</p>
            ) : (
              <ul class="fr-raw-list">
                {similar.map((item) => (
                  <li class="fr-mb-2w" key={item.id}>
                    <OpportunityCard opportunity={item} today={today} />
                  </li>
                ))}
              </ul>
            )}
          </aside>
        </div>
      </div>
    </Layout>
  );
}
