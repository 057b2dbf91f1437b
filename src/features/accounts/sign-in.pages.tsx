import type { FieldErrors } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { CsrfField, ErrorSummary, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { SIGN_IN_LINK_MINUTES } from './sign-in.email.tsx';

function Narrow({ children }: { children: preact.ComponentChildren }) {
  return (
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">{children}</div>
    </div>
  );
}

export function SignInPage({ ctx, email, errors, returnTo }: { ctx: PageContext; email?: string; errors?: FieldErrors; returnTo?: string | null }) {
  const hasErrors = errors && Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={`${hasErrors ? 'Erreur — ' : ''}Se connecter`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Se connecter' }]} />
        <Narrow>
          <h1>Se connecter</h1>
          <p>
            Pas de mot de passe : indiquez votre adresse email, nous vous envoyons un lien qui vous connecte d’un clic.
            Si vous n’avez pas encore d’espace, il sera créé à ce moment-là.
          </p>
          {errors ? <ErrorSummary errors={errors} labels={{ email: 'Adresse email' }} /> : null}
          <form method="post" action="/connexion" noValidate>
            <CsrfField token={ctx.csrfToken()} />
            {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
            <TextField
              name="email"
              label="Adresse email"
              type="email"
              autoComplete="email"
              inputMode="email"
              hint="Format attendu : nom@domaine.fr. Elle sert à vous envoyer le lien de connexion et les alertes que vous demanderez, à rien d’autre."
              value={email}
              error={errors?.email}
              maxLength={254}
            />
            <button class="fr-btn fr-mt-2w" type="submit">Recevoir un lien de connexion</button>
          </form>
        </Narrow>
      </div>
    </Layout>
  );
}

export function LinkSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Vérifiez votre messagerie">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Se connecter', href: '/connexion' }, { label: 'Lien envoyé' }]} />
        <Narrow>
          <h1>Vérifiez votre messagerie</h1>
          <p class="fr-text--lead">Si l’adresse indiquée est valide, un lien de connexion vient de lui être envoyé.</p>
          <p>Le lien est valable {SIGN_IN_LINK_MINUTES} minutes et ne sert qu’une fois. Pensez à regarder dans les indésirables.</p>
          <p><a href="/connexion">Recevoir un nouveau lien</a></p>
        </Narrow>
      </div>
    </Layout>
  );
}

/** Opening the link shows a button: email scanners that open links do not sign anyone in. */
export function ConfirmSignInPage({ ctx, token }: { ctx: PageContext; token: string }) {
  return (
    <Layout ctx={ctx} title="Confirmer la connexion">
      <div class="fr-container fr-mb-8w">
        <Narrow>
          <h1 class="fr-mt-6w">Confirmer la connexion</h1>
          <p>Vous allez vous connecter à votre espace Elles font la culture.</p>
          <form method="post" action="/connexion/lien">
            <CsrfField token={ctx.csrfToken()} />
            <input type="hidden" name="jeton" value={token} />
            <button class="fr-btn" type="submit">Me connecter</button>
          </form>
        </Narrow>
      </div>
    </Layout>
  );
}

export function InvalidLinkPage({ ctx, retryHref = '/connexion', retryLabel = 'Recevoir un nouveau lien' }: { ctx: PageContext; retryHref?: string; retryLabel?: string }) {
  return (
    <Layout ctx={ctx} title="Ce lien n’est plus valable">
      <div class="fr-container fr-mb-8w">
        <Narrow>
          <h1 class="fr-mt-6w">Ce lien n’est plus valable</h1>
          <p class="fr-text--lead">Il a déjà servi, ou il a expiré.</p>
          <p>Par sécurité, chaque lien envoyé par email ne sert qu’une fois et pendant un temps limité.</p>
          <a class="fr-btn" href={retryHref}>{retryLabel}</a>
        </Narrow>
      </div>
    </Layout>
  );
}
