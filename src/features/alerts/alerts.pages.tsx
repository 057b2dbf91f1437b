import type { FieldErrors } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { ALERTS_CONSENT_WORDING } from '../accounts/consents.commands.ts';

function Narrow({ children }: { children: preact.ComponentChildren }) {
  return (
    <div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">{children}</div>
    </div>
  );
}

function EmailForAlerts({ email, error }: { email?: string; error?: string }) {
  return (
    <>
      <TextField
        name="email"
        label="Adresse email"
        type="email"
        autoComplete="email"
        inputMode="email"
        hint="Pour vous envoyer cette alerte, rien d’autre. Nous vous écrirons d’abord pour confirmer l’adresse : sans confirmation, rien n’est envoyé."
        value={email}
        error={error}
        maxLength={254}
      />
      <p class="fr-text--sm">En confirmant, vous acceptez de : {ALERTS_CONSENT_WORDING.charAt(0).toLowerCase() + ALERTS_CONSENT_WORDING.slice(1)}</p>
    </>
  );
}

interface FollowPageProps {
  ctx: PageContext;
  title: string;
  slug: string;
  opportunityTitle: string;
  kindSlug: string;
  explanation: string;
  signedIn: boolean;
  email?: string;
  errors?: FieldErrors;
}

export function FollowPage({ ctx, title, slug, opportunityTitle, kindSlug, explanation, signedIn, email, errors }: FollowPageProps) {
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}${title}`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: '/aides' }, { label: opportunityTitle, href: `/aides/${slug}` }, { label: title }]} />
        <Narrow>
          <h1>{title}</h1>
          <p class="fr-text--lead">{opportunityTitle}</p>
          <p>{explanation}</p>
          {errors ? <ErrorSummary errors={errors} labels={{ email: 'Adresse email' }} /> : null}
          <form method="post" action={`/aides/${slug}/suivre`} noValidate>
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="type" value={kindSlug} />
            {signedIn ? null : <EmailForAlerts email={email} error={errors?.email} />}
            <button class="fr-btn fr-mt-2w" type="submit">{signedIn ? 'Confirmer' : 'Recevoir le lien de confirmation'}</button>
          </form>
        </Narrow>
      </div>
    </Layout>
  );
}

interface NewAlertPageProps {
  ctx: PageContext;
  query: string;
  description: string;
  frequency: string;
  signedIn: boolean;
  email?: string;
  errors?: FieldErrors;
}

export function NewAlertPage({ ctx, query, description, frequency, signedIn, email, errors }: NewAlertPageProps) {
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Créer une alerte`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: `/aides${query ? `?${query}` : ''}` }, { label: 'Créer une alerte' }]} />
        <Narrow>
          <h1>Créer une alerte</h1>
          <p>Recevez par email les nouvelles aides publiées qui correspondent à cette recherche :</p>
          <p class="fr-text--lead">{description}</p>
          {errors ? <ErrorSummary errors={errors} labels={{ email: 'Adresse email', frequency: 'Fréquence' }} /> : null}
          <form method="post" action="/alertes" noValidate>
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="query" value={query} />
            <ChoiceGroup
              name="frequency"
              legend="Fréquence"
              type="radio"
              options={[
                { value: 'daily', label: 'Chaque jour', hint: 'Seulement les jours où une nouvelle aide correspond.' },
                { value: 'weekly', label: 'Chaque semaine', hint: 'Le lundi, les nouveautés de la semaine.' },
              ]}
              selected={[frequency]}
              error={errors?.frequency}
            />
            {signedIn ? null : <EmailForAlerts email={email} error={errors?.email} />}
            <button class="fr-btn fr-mt-2w" type="submit">{signedIn ? 'Créer l’alerte' : 'Recevoir le lien de confirmation'}</button>
          </form>
        </Narrow>
      </div>
    </Layout>
  );
}

export function CheckYourEmailPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Confirmez votre adresse">
      <div class="fr-container fr-mb-8w">
        <Narrow>
          <h1 class="fr-mt-6w">Confirmez votre adresse</h1>
          <p class="fr-text--lead">Un email vient de vous être envoyé avec un lien de confirmation.</p>
          <p>Votre alerte ne sera active qu’une fois ce lien ouvert. Pensez à regarder dans les indésirables.</p>
          <p><a href="/aides">Revenir au catalogue</a></p>
        </Narrow>
      </div>
    </Layout>
  );
}

/** A page with one button: links opened by email scanners do not act on their own. */
export function ConfirmActionPage({ ctx, title, text, action, token, button, csrf = true }: {
  ctx: PageContext;
  title: string;
  text: string;
  action: string;
  token?: string;
  button: string;
  csrf?: boolean;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container fr-mb-8w">
        <Narrow>
          <h1 class="fr-mt-6w">{title}</h1>
          <p>{text}</p>
          <form method="post" action={action}>
            {csrf ? <CsrfField token={ctx.csrfToken()} /> : null}
            {token ? <input type="hidden" name="jeton" value={token} /> : null}
            <button class="fr-btn" type="submit">{button}</button>
          </form>
        </Narrow>
      </div>
    </Layout>
  );
}

export function DoneMessagePage({ ctx, title, text }: { ctx: PageContext; title: string; text: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container fr-mb-8w">
        <Narrow>
          <h1 class="fr-mt-6w">{title}</h1>
          <p>{text}</p>
          <p><a href="/aides">Revenir au catalogue</a></p>
        </Narrow>
      </div>
    </Layout>
  );
}
