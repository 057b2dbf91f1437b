import { HELP_TOPICS, MENTOR_FORMATS, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { type FieldErrors, valueOf, valuesOf } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AccountLayout } from '../accounts/account-layout.tsx';
import { DISCIPLINES, DISCIPLINE_LABELS, REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { LANGUAGE_LABELS } from '../peer-review/peer-review.vocabulary.ts';
import type { MentorCard, MentorSearch, myMentoring } from './mentoring.queries.ts';
import { FORMAT_LABELS, HELP_TOPIC_LABELS, MAX_PENDING_REQUESTS, MENTORSHIP_STATUS_LABELS, REQUEST_STATUS_LABELS } from './mentoring.vocabulary.ts';

const day = (instant: Date) => formatFrenchDate(parisDate(instant));
const labels = <K extends string>(values: readonly string[], table: Record<K, string>) => values.map((value) => table[value as K] ?? value).join(', ');
const PROFILE_STATUS = { pending: 'En relecture par l’équipe (non visible)', published: 'Publié', refused: 'Non publié' } as const;

export const responseText = (days: number | null) => (days === null ? 'Nouvelle mentore' : `Répond en général sous ${days} jour${days > 1 ? 's' : ''}`);

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: { value: string; label: string }[] }) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={name}>{label}</label>
      <select class="fr-select" id={name} name={name}>
        <option value="" selected={!value}>Tous</option>
        {options.map((option) => <option value={option.value} selected={option.value === value} key={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}

export function MentorSearchPage({ ctx, search, mentors }: { ctx: PageContext; search: MentorSearch; mentors: MentorCard[] }) {
  return (
    <Layout ctx={ctx} title="Trouver une mentore" description="Des photographes et professionnelles de l’image qui accompagnent d’autres photographes.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Mentorat' }]} />
        <h1>Trouver une mentore</h1>
        <p class="fr-text--lead">Photographes confirmées, iconographes, galeristes, commissaires : elles donnent de leur temps pour accompagner une photographe sur un sujet précis.</p>
        <p>Vous pouvez envoyer {MAX_PENDING_REQUESTS} demandes à la fois au plus ; une demande sans réponse expire après 14 jours. <a href="/mon-espace/mentorat">Devenir mentore</a></p>
        <form method="get" action="/mentorat" class="fr-mb-4w">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4"><Select name="pratique" label="Pratique" value={search.specialty} options={DISCIPLINES.filter((item) => item !== 'any').map((item) => ({ value: item, label: DISCIPLINE_LABELS[item] }))} /></div>
            <div class="fr-col-12 fr-col-md-4"><Select name="sujet" label="Sujet" value={search.topic} options={HELP_TOPICS.map((item) => ({ value: item, label: HELP_TOPIC_LABELS[item] }))} /></div>
            <div class="fr-col-12 fr-col-md-4"><Select name="langue" label="Langue" value={search.language} options={REVIEW_LANGUAGES.map((item) => ({ value: item, label: LANGUAGE_LABELS[item] }))} /></div>
            <div class="fr-col-12 fr-col-md-4"><Select name="region" label="Région (en personne)" value={search.region} options={REGIONS.map((item) => ({ value: item, label: item }))} /></div>
            <div class="fr-col-12 fr-col-md-4"><Select name="format" label="Format" value={search.format} options={MENTOR_FORMATS.map((item) => ({ value: item, label: FORMAT_LABELS[item] }))} /></div>
            <div class="fr-col-12 fr-col-md-4 fr-mt-md-4w"><button class="fr-btn" type="submit">Rechercher</button></div>
          </div>
        </form>
        <p role="status">{`${mentors.length} mentore${mentors.length > 1 ? 's' : ''} disponible${mentors.length > 1 ? 's' : ''}`}</p>
        {mentors.length === 0 ? <p>Aucune mentore disponible avec ces critères. Essayez d’en retirer un.</p> : (
          <ul class="fr-raw-list">
            {mentors.map((mentor) => (
              <li class="fr-mb-3w" key={mentor.id}>
                <div class="fr-card fr-card--sm fr-enlarge-link">
                  <div class="fr-card__body"><div class="fr-card__content">
                    <h2 class="fr-card__title fr-h6"><a href={`/mentorat/${mentor.id}`}>{mentor.displayName}</a></h2>
                    <p class="fr-card__desc">{`${mentor.roleTitle} — ${labels(mentor.helpTopics, HELP_TOPIC_LABELS)}`}</p>
                    <div class="fr-card__end"><p class="fr-card__detail">{`${responseText(mentor.responseDays)} · ${labels(mentor.formats, FORMAT_LABELS)}${mentor.region ? ` · ${mentor.region}` : ''}`}</p></div>
                  </div></div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}

export function MentorPage({ ctx, mentor, canRequest, reason, values, errors }: {
  ctx: PageContext; mentor: MentorCard; canRequest: boolean; reason: string | null; values?: Record<string, unknown>; errors?: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${mentor.displayName}, mentore` : `${mentor.displayName}, mentore`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Mentorat', href: '/mentorat' }, { label: mentor.displayName }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{mentor.displayName}</h1>
          <p class="fr-text--lead">{mentor.roleTitle}</p>
          <p><span class="fr-badge fr-badge--info fr-badge--no-icon">{responseText(mentor.responseDays)}</span></p>
          {mentor.bio.split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
          <ul>
            <li>{`Peut aider sur : ${labels(mentor.helpTopics, HELP_TOPIC_LABELS)}`}</li>
            <li>{`Pratiques : ${labels(mentor.specialties, DISCIPLINE_LABELS)}`}</li>
            <li>{`Langues : ${labels(mentor.languages, LANGUAGE_LABELS)}`}</li>
            <li>{`Format : ${labels(mentor.formats, FORMAT_LABELS)}${mentor.region ? ` (${mentor.region})` : ''}`}</li>
          </ul>
          <h2>Demander un mentorat</h2>
          {!ctx.user ? <p><a href={`/connexion?retour=${encodeURIComponent(`/mentorat/${mentor.id}`)}`}>Connectez-vous</a> pour lui écrire.</p> : !canRequest ? <p>{reason}</p> : (
            <>
              {errors && <ErrorSummary errors={errors} />}
              <form method="post" action={`/mentorat/${mentor.id}/demander`} novalidate>
                <CsrfField token={ctx.csrfToken()} />
                <TextArea name="note" label="Votre message" hint="Qui vous êtes, où vous en êtes, ce que vous attendez de ce mentorat (30 à 1 000 caractères). Elle verra votre nom affiché et ce message." rows={6} maxLength={1000} value={valueOf(values, 'note')} error={errors?.note} />
                <SubmitButton>Envoyer ma demande</SubmitButton>
              </form>
            </>
          )}
        </div></div>
      </div>
    </Layout>
  );
}

export function MentorProfileFormPage({ ctx, values, errors }: { ctx: PageContext; values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <AccountLayout ctx={ctx} title="Mon profil de mentore" trail={[{ label: 'Mentorat', href: '/mon-espace/mentorat' }]}>
      <p>Votre profil est relu par l’équipe avant d’apparaître dans la recherche, et de nouveau après chaque modification. Votre adresse email n’est montrée qu’aux personnes dont vous acceptez la demande.</p>
      {errors && <ErrorSummary errors={errors} />}
      <form method="post" action="/mon-espace/mentorat/profil" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextField name="displayName" label="Nom affiché" value={valueOf(values, 'displayName')} error={errors?.displayName} maxLength={80} />
        <TextField name="roleTitle" label="Votre métier" hint="Photographe documentaire, iconographe, galeriste, commissaire…" value={valueOf(values, 'roleTitle')} error={errors?.roleTitle} maxLength={120} />
        <TextArea name="bio" label="Votre parcours" hint="80 à 2 000 caractères." rows={6} maxLength={2000} value={valueOf(values, 'bio')} error={errors?.bio} />
        <ChoiceGroup name="helpTopics" legend="Ce sur quoi vous pouvez aider" type="checkbox" error={errors?.helpTopics} options={HELP_TOPICS.map((item) => ({ value: item, label: HELP_TOPIC_LABELS[item] }))} selected={valuesOf(values, 'helpTopics')} />
        <ChoiceGroup name="specialties" legend="Vos pratiques" type="checkbox" error={errors?.specialties} options={DISCIPLINES.map((item) => ({ value: item, label: DISCIPLINE_LABELS[item] }))} selected={valuesOf(values, 'specialties')} />
        <ChoiceGroup name="languages" legend="Langues" type="checkbox" inline error={errors?.languages} options={REVIEW_LANGUAGES.map((item) => ({ value: item, label: LANGUAGE_LABELS[item] }))} selected={valuesOf(values, 'languages')} />
        <ChoiceGroup name="formats" legend="Format" type="checkbox" inline error={errors?.formats} options={MENTOR_FORMATS.map((item) => ({ value: item, label: FORMAT_LABELS[item] }))} selected={valuesOf(values, 'formats')} />
        <SelectField name="region" label="Région, pour les rencontres en personne (facultatif)" value={valueOf(values, 'region')} error={errors?.region} options={REGIONS.map((item) => ({ value: item, label: item }))} />
        <TextField name="capacity" label="Combien de personnes pouvez-vous accompagner en même temps ?" hint="De 1 à 10. Au-delà, votre profil disparaît de la recherche jusqu’à la fin d’un mentorat." inputMode="numeric" value={valueOf(values, 'capacity')} error={errors?.capacity} maxLength={2} />
        <SubmitButton>Envoyer mon profil en relecture</SubmitButton>
      </form>
    </AccountLayout>
  );
}

export function MyMentoringPage({ ctx, data, flash, errors }: { ctx: PageContext; data: Awaited<ReturnType<typeof myMentoring>>; flash?: string | null; errors?: FieldErrors }) {
  const { profile, sent, received, asMentee, asMentor, surveyed, activeAsMentor } = data;
  const pendingReceived = received.filter((item) => item.request.status === 'pending');
  const form = (action: string, children: preact.ComponentChildren) => <form method="post" action={action} class="fr-mb-2w"><CsrfField token={ctx.csrfToken()} />{children}</form>;
  return (
    <AccountLayout ctx={ctx} title="Mentorat" flash={flash}>
      {errors && <ErrorSummary errors={errors} />}
      <h2 class="fr-h4">Je cherche une mentore</h2>
      {sent.length === 0 ? <p>Aucune demande envoyée. <a href="/mentorat">Trouver une mentore</a></p> : (
        <ul>
          {sent.map(({ request, mentorName, mentorId }) => (
            <li key={request.id} class="fr-mb-2w">
              <a href={`/mentorat/${mentorId}`}>{mentorName}</a>{` — ${REQUEST_STATUS_LABELS[request.status]} (envoyée le ${day(request.createdAt)})`}
              {request.responseMessage && <p class="fr-mb-0">{`Sa réponse : « ${request.responseMessage} »`}</p>}
              {request.status === 'pending' && form(`/mon-espace/mentorat/demandes/${request.id}/retirer`, <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit">Retirer ma demande</button>)}
            </li>
          ))}
        </ul>
      )}
      {asMentee.map(({ mentorship, partnerName, partnerEmail }) => (
        <MentorshipBlock key={mentorship.id} ctx={ctx} mentorship={mentorship} partnerName={partnerName} partnerEmail={partnerEmail} role="mentee" surveyed={surveyed.has(mentorship.id)} errors={errors} />
      ))}

      <h2 class="fr-h4 fr-mt-6w">Je suis mentore</h2>
      {!profile ? <p>Vous avez de l’expérience à partager ? <a href="/mon-espace/mentorat/profil">Créer mon profil de mentore</a></p> : (
        <>
          <p>{`Profil : ${PROFILE_STATUS[profile.status]}${profile.status === 'refused' && profile.refusalReason ? ` — ${profile.refusalReason}` : ''}. ${activeAsMentor} accompagnement${activeAsMentor > 1 ? 's' : ''} en cours sur ${profile.capacity}.`}</p>
          {profile.pausedAt && <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w"><p>Votre profil est en pause : plusieurs demandes ont expiré sans réponse. Réactivez-le quand vous aurez du temps.</p></div>}
          <p><a href="/mon-espace/mentorat/profil">Modifier mon profil</a></p>
          {form('/mon-espace/mentorat/disponibilite', (
            <>
              <input type="hidden" name="available" value={profile.available ? 'non' : 'oui'} />
              <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">{profile.available ? 'Ne plus recevoir de demandes' : 'Recevoir de nouveau des demandes'}</button>
            </>
          ))}
          <h3 class="fr-h5">Demandes reçues</h3>
          {pendingReceived.length === 0 ? <p>Aucune demande en attente.</p> : pendingReceived.map(({ request, menteeName }) => (
            <div class="fr-card fr-card--no-border fr-mb-3w" key={request.id}>
              <p><strong>{menteeName ?? 'Une photographe'}</strong>{` — le ${day(request.createdAt)}`}</p>
              <p>{`« ${request.note} »`}</p>
              {form(`/mon-espace/mentorat/demandes/${request.id}/repondre`, (
                <>
                  <TextArea name="message" label="Un mot pour elle (facultatif)" rows={2} maxLength={1000} />
                  <ul class="fr-btns-group fr-btns-group--inline-sm">
                    <li><button class="fr-btn" type="submit" name="decision" value="accepter">Accepter</button></li>
                    <li><button class="fr-btn fr-btn--secondary" type="submit" name="decision" value="decliner">Décliner</button></li>
                  </ul>
                </>
              ))}
            </div>
          ))}
          {asMentor.map(({ mentorship, partnerName, partnerEmail }) => (
            <MentorshipBlock key={mentorship.id} ctx={ctx} mentorship={mentorship} partnerName={partnerName ?? 'Une photographe'} partnerEmail={partnerEmail} role="mentor" surveyed={surveyed.has(mentorship.id)} errors={errors} />
          ))}
        </>
      )}
    </AccountLayout>
  );
}

function MentorshipBlock({ ctx, mentorship, partnerName, partnerEmail, role, surveyed, errors }: {
  ctx: PageContext; mentorship: Awaited<ReturnType<typeof myMentoring>>['asMentee'][number]['mentorship']; partnerName: string; partnerEmail: string; role: 'mentor' | 'mentee'; surveyed: boolean; errors?: FieldErrors;
}) {
  const base = `/mon-espace/mentorat/accompagnements/${mentorship.id}`;
  return (
    <section class="fr-callout fr-my-3w" aria-labelledby={`mentorat-${mentorship.id}`}>
      <h3 class="fr-callout__title fr-h6" id={`mentorat-${mentorship.id}`}>{`${role === 'mentee' ? 'Mentorat avec' : 'Vous accompagnez'} ${partnerName} — ${MENTORSHIP_STATUS_LABELS[mentorship.status]}`}</h3>
      <p class="fr-callout__text fr-text--md">{`Depuis le ${day(mentorship.startedAt)}. Adresse : ${partnerEmail}`}</p>
      {mentorship.status === 'active' ? (
        <form method="post" action={`${base}/terminer`}>
          <CsrfField token={ctx.csrfToken()} />
          <ChoiceGroup name="outcome" legend="Terminer ce mentorat" type="radio" inline error={errors?.outcome}
            options={[{ value: 'completed', label: 'Nous avons terminé' }, { value: 'stopped', label: 'Nous arrêtons' }]} selected={[]} />
          <SubmitButton secondary>Terminer</SubmitButton>
        </form>
      ) : !surveyed ? (
        <form method="post" action={`${base}/avis`}>
          <CsrfField token={ctx.csrfToken()} />
          <ChoiceGroup name="helped" legend="Ce mentorat vous a-t-il aidée ?" type="radio" inline error={errors?.helped} options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} selected={[]} />
          <ChoiceGroup name="recommend" legend="Le recommanderiez-vous ?" type="radio" inline error={errors?.recommend} options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} selected={[]} />
          <SubmitButton secondary>Envoyer</SubmitButton>
        </form>
      ) : <p>Merci pour votre avis.</p>}
      <details class="fr-mt-2w">
        <summary>Signaler un problème à l’équipe</summary>
        <form method="post" action={`${base}/signaler`} class="fr-mt-2w">
          <CsrfField token={ctx.csrfToken()} />
          <TextArea name="reason" label="Ce qui ne va pas" hint="Seule l’équipe le lit." rows={3} maxLength={1000} error={errors?.reason} />
          <SubmitButton secondary>Signaler</SubmitButton>
        </form>
      </details>
    </section>
  );
}
