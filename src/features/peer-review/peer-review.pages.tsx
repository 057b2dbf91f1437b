import { READINESS_LEVELS, REVIEW_LANGUAGES, type ReviewRequestRow, type ReviewRow } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { type FieldErrors, valueOf, valuesOf } from '../../platform/forms.ts';
import { ContentPage } from '../../ui/content-page.tsx';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, FileField, SelectField, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { CAREER_STAGES, CAREER_STAGE_LABELS, DISCIPLINES, DISCIPLINE_LABELS, KIND_LABELS, OPPORTUNITY_KINDS } from '../opportunities/opportunity.vocabulary.ts';
import { REVIEW_DAYS } from './peer-review.commands.ts';
import type { ReceivedFeedback, requestForOwner, reviewForReviewer } from './peer-review.queries.ts';
import { RUBRIC_MIN } from './peer-review.schema.ts';
import { LANGUAGE_LABELS, PEER_REVIEW_RULES, READINESS_LABELS, REQUEST_STATUS_LABELS } from './peer-review.vocabulary.ts';

const day = (instant: Date) => formatFrenchDate(parisDate(instant));
const HOME = { label: 'Revue de dossier', href: '/revue-de-dossier' };
const MINE = { label: 'Mes demandes', href: '/revue-de-dossier/mes-demandes' };

function Rules() {
  return (
    <ul>
      {PEER_REVIEW_RULES.map((rule) => <li key={rule}>{rule}</li>)}
    </ul>
  );
}

export function PeerReviewHomePage({ ctx, signedIn }: { ctx: PageContext; signedIn: boolean }) {
  return (
    <ContentPage ctx={ctx} title="Revue de dossier entre pairs" lead="Avant une date limite, un regard neuf sur votre dossier : une autre photographe le lit, vous lisez le sien, chacune répond à la même grille.">
      <p>
        <a class="fr-btn fr-mr-2w fr-mb-2w" href="/revue-de-dossier/demander">Faire relire mon dossier</a>
        <a class="fr-btn fr-btn--secondary fr-mb-2w" href="/revue-de-dossier/benevole">Relire sans déposer</a>
      </p>
      {signedIn && <p><a href="/revue-de-dossier/mes-demandes">Suivre mes demandes</a></p>}
      <h2>Comment ça marche</h2>
      <ol>
        <li>Vous déposez votre dossier (PDF, 20 Mo au plus) et dites pour quel appel il est préparé, vos pratiques et les langues dans lesquelles vous pouvez relire.</li>
        <li>Vous êtes associée à une autre photographe qui attend elle aussi : pratique proche, même type d’appel si possible, les dates limites les plus proches d’abord. Jamais deux fois la même partenaire.</li>
        <li>{`Chacune lit le dossier de l’autre et répond à la grille : points forts, pistes d’amélioration, conseils pour cet appel (au moins ${RUBRIC_MIN} caractères chacun), et un avis sur où en est le dossier. Vous avez ${REVIEW_DAYS} jours.`}</li>
        <li>Quand les deux retours sont écrits, chacune reçoit le sien. Vous dites s’il vous a été utile et bienveillant ; si vous le souhaitez toutes les deux, vous échangez vos adresses.</li>
      </ol>
      <p>Après cinq jours sans partenaire, nous élargissons à toutes les pratiques, et des bénévoles qui relisent sans déposer peuvent prendre le relais.</p>
      <h2>Les règles</h2>
      <Rules />
      <p>Un retour blessant ou déplacé ? Signalez-le depuis « Mes demandes » : l’équipe le lit et agit.</p>
    </ContentPage>
  );
}

function ProfileFields({ values, errors }: { values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <>
      <ChoiceGroup name="disciplines" legend="Vos pratiques" hint="Pour vous associer à quelqu’un qui connaît votre travail." type="checkbox" error={errors?.disciplines}
        options={DISCIPLINES.map((discipline) => ({ value: discipline, label: DISCIPLINE_LABELS[discipline] }))} selected={valuesOf(values, 'disciplines')} />
      <ChoiceGroup name="languages" legend="Langues dans lesquelles vous pouvez lire et écrire un retour" type="checkbox" error={errors?.languages} inline
        options={REVIEW_LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_LABELS[language] }))} selected={valuesOf(values, 'languages')} />
      <SelectField name="careerStage" label="Votre étape de parcours (facultatif)" value={valueOf(values, 'careerStage')} error={errors?.careerStage}
        options={CAREER_STAGES.filter((stage) => stage !== 'any').map((stage) => ({ value: stage, label: CAREER_STAGE_LABELS[stage] }))} />
    </>
  );
}

function RulesAcceptance({ values, errors }: { values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <>
      <h2 class="fr-h5 fr-mt-4w">Les règles</h2>
      <Rules />
      <ChoiceGroup name="rules" legend="Engagement" type="checkbox" error={errors?.rules}
        options={[{ value: 'oui', label: 'J’accepte ces règles : confidentialité, bienveillance, délais.' }]} selected={valuesOf(values, 'rules')} />
    </>
  );
}

export function RequestFormPage({ ctx, values, errors, today }: { ctx: PageContext; values?: Record<string, unknown>; errors?: FieldErrors; today: string }) {
  const title = 'Faire relire mon dossier';
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[HOME, { label: title }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{title}</h1>
          <p>Seule votre partenaire lira votre dossier (et l’équipe, si un retour lui est signalé). Il est effacé 90 jours après l’échange des retours.</p>
          {errors && <ErrorSummary errors={errors} />}
          <form method="post" action="/revue-de-dossier/demander" enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <FileField name="dossier" label="Votre dossier" hint="Un seul fichier PDF, 20 Mo au plus. Vérifié d’après son contenu." accept=".pdf,application/pdf" error={errors?.dossier} />
            <SelectField name="targetKind" label="Pour quel type d’appel ? (facultatif)" value={valueOf(values, 'targetKind')} error={errors?.targetKind}
              options={OPPORTUNITY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
            <TextField name="opportunity" label="L’aide visée dans notre catalogue (facultatif)" hint="Collez l’adresse de sa page, par exemple https://…/aides/prix-niepce." value={valueOf(values, 'opportunity')} error={errors?.opportunity} maxLength={300} />
            <div class={`fr-input-group${errors?.deadline ? ' fr-input-group--error' : ''}`}>
              <label class="fr-label" for="deadline">Date limite de l’appel (facultatif)<span class="fr-hint-text">Les dates les plus proches sont servies d’abord.</span></label>
              <input class={`fr-input${errors?.deadline ? ' fr-input--error' : ''}`} type="date" id="deadline" name="deadline" min={today} value={valueOf(values, 'deadline')} aria-describedby="deadline-messages" />
              <div class="fr-messages-group" id="deadline-messages" aria-live="polite">{errors?.deadline ? <p class="fr-message fr-message--error">{errors.deadline}</p> : null}</div>
            </div>
            <ProfileFields values={values} errors={errors} />
            <TextArea name="message" label="Un mot pour votre partenaire (facultatif)" hint="Ce sur quoi vous aimeriez son regard : la note d’intention, le choix des images, le budget…" rows={4} maxLength={1000} value={valueOf(values, 'message')} error={errors?.message} />
            <ChoiceGroup name="alsoVolunteer" legend="Relire davantage" type="checkbox"
              options={[{ value: 'oui', label: 'Je peux aussi relire un autre dossier sans rien déposer de plus', hint: 'Pour celles qui attendent depuis longtemps.' }]} selected={valuesOf(values, 'alsoVolunteer')} />
            <RulesAcceptance values={values} errors={errors} />
            <SubmitButton>Déposer mon dossier</SubmitButton>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}

export function VolunteerFormPage({ ctx, values, errors }: { ctx: PageContext; values?: Record<string, unknown>; errors?: FieldErrors }) {
  const title = 'Relire sans déposer';
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[HOME, { label: title }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{title}</h1>
          <p>Vous relirez le dossier d’une photographe qui attend depuis plusieurs jours. Nous vous écrivons quand un dossier vous attend ; vous avez alors {REVIEW_DAYS} jours.</p>
          {errors && <ErrorSummary errors={errors} />}
          <form method="post" action="/revue-de-dossier/benevole" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <ProfileFields values={values} errors={errors} />
            <RulesAcceptance values={values} errors={errors} />
            <SubmitButton>Je propose de relire</SubmitButton>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}

export function MyRequestsPage({ ctx, requests, flash }: { ctx: PageContext; requests: ReviewRequestRow[]; flash?: string | null }) {
  return (
    <Layout ctx={ctx} title="Mes demandes de relecture">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[HOME, { label: 'Mes demandes' }]} />
        {flash && <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div>}
        <h1>Mes demandes de relecture</h1>
        {requests.length === 0 ? <p>Aucune demande pour l’instant. <a href="/revue-de-dossier/demander">Faire relire mon dossier</a></p> : (
          <ul class="fr-raw-list">
            {requests.map((request) => (
              <li class="fr-mb-2w" key={request.id}>
                <div class="fr-card fr-card--sm fr-enlarge-link">
                  <div class="fr-card__body"><div class="fr-card__content">
                    <h2 class="fr-card__title fr-h6"><a href={`/revue-de-dossier/mes-demandes/${request.id}`}>{request.kind === 'dossier' ? `Dossier ${request.fileName ?? ''}`.trim() : 'Relecture bénévole'}</a></h2>
                    <p class="fr-card__desc">{`${REQUEST_STATUS_LABELS[request.status]} — déposée le ${day(request.createdAt)}`}</p>
                  </div></div>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p><a class="fr-btn fr-btn--secondary" href="/revue-de-dossier/demander">Nouvelle demande</a></p>
      </div>
    </Layout>
  );
}

function FeedbackText({ review }: { review: ReviewRow }) {
  const paragraphs = (text: string | null) => (text ?? '').split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>);
  return (
    <>
      <p><strong>Où en est le dossier : </strong>{review.readiness ? READINESS_LABELS[review.readiness] : '—'}</p>
      <h4 class="fr-h6">Points forts</h4>
      {paragraphs(review.strengths)}
      <h4 class="fr-h6">Pistes d’amélioration</h4>
      {paragraphs(review.improvements)}
      <h4 class="fr-h6">Conseils pour cet appel</h4>
      {paragraphs(review.advice)}
      {review.mediaUrl && <p>Commentaire audio ou vidéo : <ExternalLink href={review.mediaUrl}>écouter ou regarder</ExternalLink></p>}
    </>
  );
}

export function RequestDetailPage({ ctx, data, flash, errors }: { ctx: PageContext; data: NonNullable<Awaited<ReturnType<typeof requestForOwner>>>; flash?: string | null; errors?: FieldErrors }) {
  const { request, current, writing, received, given } = data;
  const title = request.kind === 'dossier' ? 'Ma demande de relecture' : 'Ma relecture bénévole';
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[HOME, MINE, { label: title }]} />
        {flash && <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div>}
        <h1>{title}</h1>
        {errors && <ErrorSummary errors={errors} />}
        <p><strong>État : </strong>{REQUEST_STATUS_LABELS[request.status]}</p>
        {request.kind === 'dossier' && request.fileKey && (
          <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/revue-de-dossier/mes-demandes/${request.id}/dossier.pdf`}>{`Mon dossier (${request.fileName ?? 'PDF'})`}</a></p>
        )}
        {request.status === 'waiting' && (
          <>
            <p>{request.priority ? 'Vous êtes en tête de file : une nouvelle partenaire vous sera proposée dès que possible.' : 'Nous cherchons une partenaire ; vous recevrez un email dès que c’est fait.'}</p>
            <form method="post" action={`/revue-de-dossier/mes-demandes/${request.id}/annuler`}>
              <CsrfField token={ctx.csrfToken()} />
              <SubmitButton secondary>Annuler ma demande</SubmitButton>
            </form>
          </>
        )}
        {current && writing && (
          <div class="fr-callout fr-my-3w">
            <h2 class="fr-callout__title fr-h5">Votre relecture</h2>
            <p class="fr-callout__text fr-text--md">
              {writing.status === 'submitted'
                ? 'Votre retour est envoyé. Vous recevrez le vôtre dès que votre partenaire aura fini.'
                : `Le lien vers le dossier à relire vous a été envoyé par email. Retour attendu avant le ${day(writing.dueAt)}.`}
            </p>
            {writing.status === 'assigned' && (
              <form method="post" action={`/revue-de-dossier/mes-demandes/${request.id}/nouveau-lien`}>
                <CsrfField token={ctx.csrfToken()} />
                <SubmitButton secondary>M’envoyer un nouveau lien</SubmitButton>
              </form>
            )}
          </div>
        )}
        {received.map((item, index) => <ReceivedFeedbackSection key={item.review.id} ctx={ctx} requestId={request.id} item={item} index={index} errors={errors} />)}
        {given.length > 0 && (
          <>
            <h2 class="fr-mt-4w">Échanger nos adresses</h2>
            {given.map((review) => (
              <form method="post" action={`/revue-de-dossier/mes-demandes/${request.id}/partage/${review.id}`} key={review.id}>
                <CsrfField token={ctx.csrfToken()} />
                <ChoiceGroup name="shareEmail" legend="La personne dont j’ai relu le dossier" type="checkbox"
                  options={[{ value: 'oui', label: 'J’accepte qu’elle voie mon adresse email, si elle accepte aussi de montrer la sienne' }]} selected={review.reviewerSharesEmail ? ['oui'] : []} />
                <SubmitButton secondary>Enregistrer mon choix</SubmitButton>
              </form>
            ))}
          </>
        )}
      </div>
    </Layout>
  );
}

function ReceivedFeedbackSection({ ctx, requestId, item, index, errors }: { ctx: PageContext; requestId: number; item: ReceivedFeedback; index: number; errors?: FieldErrors }) {
  const { review, partnerEmail } = item;
  const base = `/revue-de-dossier/mes-demandes/${requestId}/retours/${review.id}`;
  return (
    <section class="fr-mt-4w" aria-labelledby={`retour-${review.id}`}>
      <h2 id={`retour-${review.id}`}>{index === 0 ? 'Le retour de votre partenaire' : 'Un autre retour'}</h2>
      <FeedbackText review={review} />
      {review.attachmentKey && <p><a class="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/piece-jointe`}>{`Fichier joint (${review.attachmentName ?? 'PDF'})`}</a></p>}
      {partnerEmail && <p>{`Vous avez toutes les deux accepté d’échanger vos adresses : ${partnerEmail}`}</p>}
      <h3 class="fr-h5">Votre avis sur ce retour</h3>
      <form method="post" action={`${base}/avis`}>
        <CsrfField token={ctx.csrfToken()} />
        <ChoiceGroup name="useful" legend="Ce retour vous a-t-il été utile ?" type="radio" inline error={errors?.useful}
          options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} selected={review.ratedUseful === null ? [] : [review.ratedUseful ? 'oui' : 'non']} />
        <ChoiceGroup name="kind" legend="Était-il bienveillant ?" type="radio" inline error={errors?.kind}
          options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} selected={review.ratedKind === null ? [] : [review.ratedKind ? 'oui' : 'non']} />
        <ChoiceGroup name="shareEmail" legend="Échanger nos adresses" type="checkbox"
          options={[{ value: 'oui', label: 'J’accepte que ma partenaire voie mon adresse email, si elle accepte aussi de montrer la sienne' }]} selected={review.revieweeSharesEmail ? ['oui'] : []} />
        <SubmitButton secondary>Enregistrer mon avis</SubmitButton>
      </form>
      <details class="fr-mt-3w">
        <summary>Signaler ce retour à l’équipe</summary>
        <form method="post" action={`${base}/signaler`} class="fr-mt-2w">
          <CsrfField token={ctx.csrfToken()} />
          <TextArea name="reason" label="Ce qui ne va pas" hint="L’équipe lira le retour et votre message ; votre partenaire n’est pas prévenue." rows={3} maxLength={1000} error={errors?.reason} />
          <SubmitButton secondary>Signaler</SubmitButton>
        </form>
      </details>
    </section>
  );
}

export function ReviewPage({ ctx, data, token, values, errors }: {
  ctx: PageContext; data: NonNullable<Awaited<ReturnType<typeof reviewForReviewer>>>; token: string; values?: Record<string, unknown>; errors?: FieldErrors;
}) {
  const { review, reviewee, opportunity } = data;
  const title = 'Relire un dossier';
  const submitted = review.status === 'submitted';
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[HOME, { label: title }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{title}</h1>
          <p>Ce dossier est confidentiel : ne le copiez pas, ne le montrez pas. {submitted ? '' : `Retour attendu avant le ${day(review.dueAt)}.`}</p>
          <ul>
            {reviewee.targetKind && <li>{`Type d’appel : ${KIND_LABELS[reviewee.targetKind as keyof typeof KIND_LABELS] ?? reviewee.targetKind}`}</li>}
            {opportunity && <li>Aide visée : <a href={`/aides/${opportunity.slug}`}>{opportunity.title}</a></li>}
            {reviewee.targetDeadline && <li>{`Date limite : ${formatFrenchDate(reviewee.targetDeadline)}`}</li>}
            <li>{`Pratiques : ${reviewee.disciplines.map((discipline) => DISCIPLINE_LABELS[discipline as keyof typeof DISCIPLINE_LABELS] ?? discipline).join(', ')}`}</li>
          </ul>
          {reviewee.messageToPartner && (
            <div class="fr-callout"><p class="fr-callout__title fr-h6">Son mot pour vous</p><p class="fr-callout__text fr-text--md">{reviewee.messageToPartner}</p></div>
          )}
          <p><a class="fr-btn fr-icon-download-line fr-btn--icon-left" href={`/revue-de-dossier/relecture/${token}/dossier.pdf`}>Ouvrir le dossier (PDF)</a></p>
          {submitted ? (
            <>
              <h2>Votre retour</h2>
              <FeedbackText review={review} />
              <p>Merci ! Il sera transmis quand votre partenaire aura fini sa relecture.</p>
            </>
          ) : (
            <>
              <h2>Votre retour</h2>
              <p>{`Trois parties d’au moins ${RUBRIC_MIN} caractères : des exemples précis aident plus qu’un avis général. Commencez par ce qui fonctionne.`}</p>
              {errors && <ErrorSummary errors={errors} />}
              <form method="post" action={`/revue-de-dossier/relecture/${token}`} enctype="multipart/form-data" novalidate>
                <CsrfField token={ctx.csrfToken()} />
                <TextArea name="strengths" label="Points forts" hint="Ce qui fonctionne : images, cohérence, écriture, budget…" rows={7} maxLength={6000} value={valueOf(values, 'strengths')} error={errors?.strengths} />
                <TextArea name="improvements" label="Pistes d’amélioration" hint="Ce qui gagnerait à être repris, et comment." rows={7} maxLength={6000} value={valueOf(values, 'improvements')} error={errors?.improvements} />
                <TextArea name="advice" label="Conseils pour cet appel" hint="Au regard de ce que l’appel demande : pièces, ton, critères du jury." rows={7} maxLength={6000} value={valueOf(values, 'advice')} error={errors?.advice} />
                <ChoiceGroup name="readiness" legend="Où en est le dossier ?" type="radio" error={errors?.readiness}
                  options={READINESS_LEVELS.map((level) => ({ value: level, label: READINESS_LABELS[level] }))} selected={valuesOf(values, 'readiness')} />
                <FileField name="attachment" label="Un fichier pour illustrer (facultatif)" hint="PDF annoté par exemple, 10 Mo au plus." accept=".pdf,application/pdf" error={errors?.attachment} />
                <TextField name="mediaUrl" label="Un commentaire audio ou vidéo (facultatif)" hint="Adresse d’un fichier partagé, commençant par https://." type="url" value={valueOf(values, 'mediaUrl')} error={errors?.mediaUrl} maxLength={500} />
                <SubmitButton>Envoyer mon retour</SubmitButton>
              </form>
            </>
          )}
        </div></div>
      </div>
    </Layout>
  );
}

/** Unknown, replaced, finished link or wrong account: one answer for all (404), with a way forward. */
export function ReviewLinkNotFoundPage({ ctx, returnTo }: { ctx: PageContext; returnTo: string }) {
  return (
    <ContentPage ctx={ctx} title="Lien de relecture introuvable" breadcrumb={[HOME, { label: 'Lien introuvable' }]}
      lead="Ce lien n’existe pas, a été remplacé par un plus récent, ou n’est pas ouvert avec le bon compte.">
      <ul>
        <li>{ctx.user ? 'Vérifiez que vous êtes connectée avec l’adresse qui a reçu l’email.' : <a href={`/connexion?retour=${encodeURIComponent(returnTo)}`}>Connectez-vous avec l’adresse qui a reçu l’email</a>}</li>
        <li>Depuis <a href="/revue-de-dossier/mes-demandes">Mes demandes</a>, vous pouvez recevoir un nouveau lien.</li>
      </ul>
    </ContentPage>
  );
}
