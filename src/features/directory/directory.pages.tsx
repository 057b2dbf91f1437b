import { COMMISSIONER_TYPES, type CommissionerRow, type CommissionerType, DIRECTORY_FIELDS, type DirectoryField, FIELD_AUDIENCES, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { type FieldErrors, valueOf, valuesOf } from '../../platform/forms.ts';
import { ContentPage } from '../../ui/content-page.tsx';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AccountLayout } from '../accounts/account-layout.tsx';
import { DISCIPLINES, DISCIPLINE_LABELS, REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { LANGUAGE_LABELS } from '../peer-review/peer-review.vocabulary.ts';
import { CHARTER_COMMITMENTS } from './charter.ts';
import type { DirectorySearch, signatories } from './directory.queries.ts';
import { AUDIENCE_LABELS, type Audience, type VisibleProfile } from './visibility.ts';

const COMMISSIONER_TYPE_LABELS: Record<CommissionerType, string> = { media: 'Média', agency: 'Agence', institution: 'Institution', brand: 'Marque ou entreprise', other: 'Autre' };
const FIELD_LABELS: Record<DirectoryField, string> = {
  pronouns: 'Pronoms', region: 'Région', specialties: 'Pratiques', languages: 'Langues', bio: 'Présentation', website: 'Site ou portfolio', availability: 'Disponibilité pour des commandes',
};
const labels = <K extends string>(values: readonly string[] | undefined, table: Record<K, string>) => (values ?? []).map((value) => table[value as K] ?? value).join(', ');
const PROFILE_STATUS = { pending: 'En relecture par l’équipe (non visible)', published: 'Publiée', refused: 'Non publiée' } as const;

function AudienceNotice({ audience }: { audience: Audience }) {
  if (audience === 'commissioner') return <p class="fr-badge fr-badge--success fr-mb-2w">Commanditaire vérifiée : vous voyez aussi les champs réservés aux commanditaires</p>;
  return <p>Vous voyez les informations que chaque photographe rend publiques. <a href="/commanditaires">Vous recrutez des photographes ? Signez la charte.</a></p>;
}

export function DirectoryPage({ ctx, audience, search, profiles }: { ctx: PageContext; audience: Audience; search: DirectorySearch; profiles: VisibleProfile[] }) {
  const select = (name: string, label: string, value: string | null, options: { value: string; label: string }[]) => (
    <div class="fr-select-group">
      <label class="fr-label" for={name}>{label}</label>
      <select class="fr-select" id={name} name={name}>
        <option value="" selected={!value}>Toutes</option>
        {options.map((option) => <option value={option.value} selected={option.value === value} key={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
  return (
    <Layout ctx={ctx} title="Annuaire des photographes" description="Trouver des photographes femmes et minorités de genre pour une commande.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Annuaire' }]} />
        <h1>Annuaire des photographes</h1>
        <p class="fr-text--lead">Des photographes femmes et minorités de genre qui acceptent d’être trouvées pour des commandes. Chacune choisit ce qu’elle montre, et à qui.</p>
        <AudienceNotice audience={audience} />
        <p><a href="/mon-espace/annuaire">Apparaître dans l’annuaire</a></p>
        <form method="get" action="/annuaire" class="fr-mb-4w">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-3">{select('pratique', 'Pratique', search.specialty, DISCIPLINES.filter((item) => item !== 'any').map((item) => ({ value: item, label: DISCIPLINE_LABELS[item] })))}</div>
            <div class="fr-col-12 fr-col-md-3">{select('region', 'Région', search.region, REGIONS.map((item) => ({ value: item, label: item })))}</div>
            <div class="fr-col-12 fr-col-md-3">{select('langue', 'Langue', search.language, REVIEW_LANGUAGES.map((item) => ({ value: item, label: LANGUAGE_LABELS[item] })))}</div>
            <div class="fr-col-12 fr-col-md-3">
              <ChoiceGroup name="disponible" legend="Disponibilité" type="checkbox" options={[{ value: 'oui', label: 'Disponible pour des commandes' }]} selected={search.available ? ['oui'] : []} />
            </div>
          </div>
          <button class="fr-btn" type="submit">Rechercher</button>
        </form>
        <p role="status">{`${profiles.length} photographe${profiles.length > 1 ? 's' : ''}`}</p>
        <ul class="fr-raw-list">
          {profiles.map((profile) => (
            <li class="fr-mb-3w" key={profile.userId}>
              <div class="fr-card fr-card--sm fr-enlarge-link">
                <div class="fr-card__body"><div class="fr-card__content">
                  <h2 class="fr-card__title fr-h6"><a href={`/annuaire/${profile.userId}`}>{profile.displayName}</a></h2>
                  <p class="fr-card__desc">{[labels(profile.specialties, DISCIPLINE_LABELS), profile.region].filter(Boolean).join(' · ') || 'Photographe'}</p>
                  {profile.availableForCommissions && <div class="fr-card__start"><p class="fr-badge fr-badge--sm fr-badge--success">Disponible pour des commandes</p></div>}
                </div></div>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

export function DirectoryProfilePage({ ctx, profile, audience, commissioner, values, errors, flash }: {
  ctx: PageContext; profile: VisibleProfile; audience: Audience; commissioner: CommissionerRow | null; values?: Record<string, unknown>; errors?: FieldErrors; flash?: string | null;
}) {
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${profile.displayName}` : profile.displayName}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Annuaire', href: '/annuaire' }, { label: profile.displayName }]} />
        {flash && <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div>}
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{profile.displayName}</h1>
          {profile.pronouns && <p>{`Pronoms : ${profile.pronouns}`}</p>}
          {profile.availableForCommissions !== undefined && <p class={`fr-badge ${profile.availableForCommissions ? 'fr-badge--success' : ''}`}>{profile.availableForCommissions ? 'Disponible pour des commandes' : 'Pas disponible pour le moment'}</p>}
          {profile.bio && profile.bio.split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
          <ul>
            {profile.specialties && profile.specialties.length > 0 && <li>{`Pratiques : ${labels(profile.specialties, DISCIPLINE_LABELS)}`}</li>}
            {profile.region && <li>{`Région : ${profile.region}`}</li>}
            {profile.languages && profile.languages.length > 0 && <li>{`Langues : ${labels(profile.languages, LANGUAGE_LABELS)}`}</li>}
            {profile.website && <li><ExternalLink href={profile.website}>Site ou portfolio</ExternalLink></li>}
          </ul>
          <h2>Lui proposer une commande</h2>
          {audience !== 'commissioner' ? (
            <p>{commissioner ? 'Votre organisation attend la vérification de l’équipe ; vous pourrez écrire ensuite.' : <>Les commanditaires vérifiées qui ont signé <a href="/commanditaires">la charte</a> peuvent lui écrire par la plateforme.</>}</p>
          ) : (
            <>
              <p>Votre message lui est transmis par email ; son adresse ne vous est communiquée que si elle vous répond.</p>
              {errors && <ErrorSummary errors={errors} />}
              <form method="post" action={`/annuaire/${profile.userId}/contacter`} novalidate>
                <CsrfField token={ctx.csrfToken()} />
                <TextField name="subject" label="Objet" value={valueOf(values, 'subject')} error={errors?.subject} maxLength={150} />
                <TextArea name="body" label="Votre proposition" hint="Sujet, dates, lieu, budget et droits : ce qu’il faut pour qu’elle puisse répondre." rows={8} maxLength={3000} value={valueOf(values, 'body')} error={errors?.body} />
                <SubmitButton>Envoyer</SubmitButton>
              </form>
            </>
          )}
        </div></div>
      </div>
    </Layout>
  );
}

export function MyDirectoryProfilePage({ ctx, status, refusalReason, values, errors, flash }: { ctx: PageContext; status: keyof typeof PROFILE_STATUS | null; refusalReason: string | null; values?: Record<string, unknown>; errors?: FieldErrors; flash?: string | null }) {
  const audienceSelect = (field: DirectoryField) => (
    <SelectField name={`audience_${field}`} label={`Qui voit : ${FIELD_LABELS[field].toLowerCase()}`} value={valueOf(values, `audience_${field}`) || 'private'} placeholder={AUDIENCE_LABELS.private}
      options={FIELD_AUDIENCES.filter((audience) => audience !== 'private').map((audience) => ({ value: audience, label: AUDIENCE_LABELS[audience] }))} error={errors?.[`audience_${field}`]} />
  );
  return (
    <AccountLayout ctx={ctx} title="Ma fiche dans l’annuaire" flash={flash}>
      <p>Votre fiche est privée par défaut. Pour chaque information, choisissez qui la voit : vous seule, les commanditaires vérifiées (qui ont signé la charte), ou tout le monde. Une fiche publiée est relue par l’équipe à chaque modification. Votre adresse email n’est jamais montrée : les messages vous sont transmis.</p>
      {status && <p>{`État : ${PROFILE_STATUS[status]}${status === 'refused' && refusalReason ? ` — ${refusalReason}` : ''}`}</p>}
      {errors && <ErrorSummary errors={errors} />}
      <form method="post" action="/mon-espace/annuaire" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <ChoiceGroup name="listed" legend="Apparaître dans l’annuaire" type="checkbox" options={[{ value: 'oui', label: 'Je souhaite apparaître dans l’annuaire' }]} selected={valuesOf(values, 'listed')} />
        <TextField name="displayName" label="Nom affiché" hint="Tel que vous voulez être trouvée." value={valueOf(values, 'displayName')} error={errors?.displayName} maxLength={80} />
        <SelectField name="nameAudience" label="Qui voit votre fiche" value={valueOf(values, 'nameAudience') || 'commissioners'} placeholder={AUDIENCE_LABELS.commissioners} error={errors?.nameAudience}
          options={[{ value: 'public', label: AUDIENCE_LABELS.public }]} />
        {DIRECTORY_FIELDS.map((field) => (
          <fieldset class="fr-fieldset" key={field} aria-labelledby={`champ-${field}`}>
            <legend class="fr-fieldset__legend" id={`champ-${field}`}>{FIELD_LABELS[field]}</legend>
            <div class="fr-fieldset__element">
              {field === 'pronouns' && <TextField name="pronouns" label="Pronoms (facultatif)" value={valueOf(values, 'pronouns')} error={errors?.pronouns} maxLength={40} />}
              {field === 'region' && <SelectField name="region" label="Région" value={valueOf(values, 'region')} error={errors?.region} options={REGIONS.map((item) => ({ value: item, label: item }))} />}
              {field === 'specialties' && <ChoiceGroup name="specialties" legend="Vos pratiques" type="checkbox" error={errors?.specialties} options={DISCIPLINES.filter((item) => item !== 'any').map((item) => ({ value: item, label: DISCIPLINE_LABELS[item] }))} selected={valuesOf(values, 'specialties')} />}
              {field === 'languages' && <ChoiceGroup name="languages" legend="Langues de travail" type="checkbox" inline error={errors?.languages} options={REVIEW_LANGUAGES.map((item) => ({ value: item, label: LANGUAGE_LABELS[item] }))} selected={valuesOf(values, 'languages')} />}
              {field === 'bio' && <TextArea name="bio" label="Présentation (facultatif)" rows={5} maxLength={1500} value={valueOf(values, 'bio')} error={errors?.bio} />}
              {field === 'website' && <TextField name="website" label="Site ou portfolio (facultatif)" type="url" value={valueOf(values, 'website')} error={errors?.website} maxLength={300} />}
              {field === 'availability' && <ChoiceGroup name="availableForCommissions" legend="Commandes" type="checkbox" options={[{ value: 'oui', label: 'Je suis disponible pour des commandes' }]} selected={valuesOf(values, 'availableForCommissions')} />}
            </div>
            <div class="fr-fieldset__element">{audienceSelect(field)}</div>
          </fieldset>
        ))}
        <SubmitButton>Enregistrer ma fiche</SubmitButton>
      </form>
    </AccountLayout>
  );
}

export function CommissionersPage({ ctx, list }: { ctx: PageContext; list: Awaited<ReturnType<typeof signatories>> }) {
  return (
    <ContentPage ctx={ctx} title="Commanditaires : la charte" lead="Médias, agences, institutions et marques qui recrutent des photographes s’engagent, puis trouvent et contactent les photographes de l’annuaire.">
      <h2>Les engagements</h2>
      <ol>{CHARTER_COMMITMENTS.map((item) => <li key={item.title}><strong>{item.title}.</strong> {item.text}</li>)}</ol>
      <p><a class="fr-btn" href="/commanditaires/adherer">Signer la charte pour mon organisation</a></p>
      <h2>Signataires</h2>
      {list.length === 0 ? <p>Aucune organisation vérifiée pour le moment.</p> : (
        <ul>{list.map((item) => <li key={item.organizationName}><ExternalLink href={item.website}>{item.organizationName}</ExternalLink>{` — ${COMMISSIONER_TYPE_LABELS[item.organizationType]}, signataire depuis le ${formatFrenchDate(parisDate(item.signedAt))}`}</li>)}</ul>
      )}
    </ContentPage>
  );
}

export function CharterSignPage({ ctx, current, values, errors }: { ctx: PageContext; current: CommissionerRow | null; values?: Record<string, unknown>; errors?: FieldErrors }) {
  const title = 'Signer la charte';
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Commanditaires', href: '/commanditaires' }, { label: title }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-lg-8">
          <h1>{title}</h1>
          {current && <p>{`État : ${current.status === 'verified' ? 'organisation vérifiée' : current.status === 'pending' ? 'en attente de vérification par l’équipe' : `non vérifiée${current.refusalReason ? ` — ${current.refusalReason}` : ''}`}. Modifier ces informations demande une nouvelle vérification.`}</p>}
          <p>Nous vérifions que l’organisation existe et que vous y travaillez (site, fonction). Ces informations servent à cette vérification ; le nom, le type et le site de l’organisation sont publiés dans la liste des signataires.</p>
          {errors && <ErrorSummary errors={errors} />}
          <form method="post" action="/commanditaires/adherer" novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <TextField name="organizationName" label="Nom de l’organisation" value={valueOf(values, 'organizationName')} error={errors?.organizationName} maxLength={150} />
            <SelectField name="organizationType" label="Type d’organisation" value={valueOf(values, 'organizationType')} error={errors?.organizationType} placeholder="Choisir"
              options={COMMISSIONER_TYPES.map((type) => ({ value: type, label: COMMISSIONER_TYPE_LABELS[type] }))} />
            <TextField name="website" label="Site de l’organisation" type="url" value={valueOf(values, 'website')} error={errors?.website} maxLength={300} />
            <TextField name="contactRole" label="Votre fonction" hint="Iconographe, directrice de la photographie, chargée de production…" value={valueOf(values, 'contactRole')} error={errors?.contactRole} maxLength={120} />
            <h2 class="fr-h5">La charte</h2>
            <ol>{CHARTER_COMMITMENTS.map((item) => <li key={item.title}><strong>{item.title}.</strong> {item.text}</li>)}</ol>
            <ChoiceGroup name="charter" legend="Signature" type="checkbox" error={errors?.charter} options={[{ value: 'oui', label: 'Au nom de mon organisation, je signe la charte et m’engage à la respecter.' }]} selected={valuesOf(values, 'charter')} />
            <SubmitButton>Signer et demander la vérification</SubmitButton>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}

export function MessageManagePage({ ctx, subject, organization, blocked, errors, flash }: { ctx: PageContext; subject: string; organization: string; blocked: boolean; errors?: FieldErrors; flash?: string | null }) {
  return (
    <ContentPage ctx={ctx} title="Un message reçu par l’annuaire" breadcrumb={[{ label: 'Annuaire', href: '/annuaire' }, { label: 'Message reçu' }]}>
      {flash && <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div>}
      <p>{`« ${subject} », de ${organization}.`}</p>
      {errors && <ErrorSummary errors={errors} />}
      <h2 class="fr-h5">Signaler ce message</h2>
      <form method="post" action={`${ctx.path}/signaler`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <TextArea name="reason" label="Ce qui ne va pas" hint="Seule l’équipe le lit ; l’expéditrice n’est pas prévenue." rows={3} maxLength={1000} error={errors?.reason} />
        <SubmitButton secondary>Signaler</SubmitButton>
      </form>
      <h2 class="fr-h5 fr-mt-4w">Bloquer l’expéditrice</h2>
      {blocked ? <p>Cette personne est bloquée : elle ne peut plus vous écrire.</p> : (
        <form method="post" action={`${ctx.path}/bloquer`}>
          <CsrfField token={ctx.csrfToken()} />
          <SubmitButton secondary>Bloquer : elle ne pourra plus m’écrire</SubmitButton>
        </form>
      )}
    </ContentPage>
  );
}

export function ContactSurveyPage({ ctx, answered, errors }: { ctx: PageContext; answered: boolean; errors?: FieldErrors }) {
  return (
    <ContentPage ctx={ctx} title="Cette mise en relation a-t-elle abouti ?" breadcrumb={[{ label: 'Annuaire', href: '/annuaire' }, { label: 'Une question' }]}>
      {answered ? <p>Merci, votre réponse est enregistrée. Seuls les totaux sont publiés.</p> : (
        <>
          {errors && <ErrorSummary errors={errors} />}
          <form method="post" action={ctx.path} novalidate>
            <CsrfField token={ctx.csrfToken()} />
            <ChoiceGroup name="reponse" legend="Cette mise en relation a-t-elle abouti à une commande ?" type="radio" inline error={errors?.reponse}
              options={[{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }]} selected={[]} />
            <SubmitButton>Répondre</SubmitButton>
          </form>
        </>
      )}
    </ContentPage>
  );
}
