import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ALERT_FREQUENCIES } from '../../db/schema/index.ts';
import { mustBeSignedIn, setSessionCookie, userOf } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { isWellFormedToken } from '../../platform/tokens.ts';
import { InvalidLinkPage } from '../accounts/sign-in.pages.tsx';
import { emailSchema, refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import type { CatalogueIndexStore } from '../opportunities/catalogue-index.store.ts';
import { findPublishedOpportunityBySlug } from '../opportunities/opportunities.queries.ts';
import { FOLLOW_KIND_SLUGS, type AlertRequest, followKindFromSlug } from './alert-request.ts';
import {
  confirmAlert, deleteSavedSearch, followOpportunity, requestAlertConfirmation, saveSearch, stopSavedSearchByToken,
  unfollow, unsubscribeByToken,
} from './alerts.commands.ts';
import { CheckYourEmailPage, ConfirmActionPage, DoneMessagePage, FollowPage, NewAlertPage } from './alerts.pages.tsx';
import { canonicalAlertQuery, describeSearch } from './describe-search.ts';

const FOLLOW_TEXTS = {
  deadlines: {
    title: 'Suivre cette aide',
    explanation: 'Vous recevrez un rappel par email 14 jours puis 3 jours avant la date limite, et un message si ses dates changent.',
    what: (title: string) => `des rappels avant la date limite de « ${title} »`,
  },
  next_edition: {
    title: 'Être prévenue de la prochaine édition',
    explanation: 'Vous recevrez un email dès que les candidatures de la prochaine édition ouvrent.',
    what: (title: string) => `l’ouverture de la prochaine édition de « ${title} »`,
  },
} as const;

// Anonymous alert requests send an email to the address given: limited like sign-in requests.
const ALERT_REQUEST_LIMITS = { perAddress: { limit: 5, windowSeconds: 3600 }, perIp: { limit: 20, windowSeconds: 900 } };

const anonymousFollowForm = z.object({ email: emailSchema });
const alertForm = z.object({
  query: z.string().max(2000).default(''),
  frequency: z.enum(ALERT_FREQUENCIES, { error: 'Choisissez une fréquence.' }),
});
const anonymousAlertForm = alertForm.extend({ email: emailSchema });
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function registerAlertRoutes(app: FastifyInstance, _deps: { catalogueIndex: CatalogueIndexStore }): void {
  async function loadOpportunity(slug: string) {
    if (!/^[a-z0-9-]{1,150}$/.test(slug)) throw new NotFoundError();
    const opportunity = await findPublishedOpportunityBySlug(app.db, slug);
    if (!opportunity) throw new NotFoundError();
    return opportunity;
  }

  async function askConfirmation(email: string, request: AlertRequest, what: string, ip: string) {
    await refuseWhenTooMany(app, [
      { key: `alert:ip:${ip}`, rule: ALERT_REQUEST_LIMITS.perIp },
      { key: `alert:email:${email}`, rule: ALERT_REQUEST_LIMITS.perAddress },
    ]);
    const emailId = await requestAlertConfirmation(app.db, { email, request, what, clock: app.clock, publicUrl: app.config.publicUrl });
    await app.mailer.dispatch([emailId]);
  }

  app.get<{ Params: { slug: string }; Querystring: { type?: string } }>('/aides/:slug/suivre', async (request, reply) => {
    const opportunity = await loadOpportunity(request.params.slug);
    const kind = followKindFromSlug(request.query.type) ?? 'deadlines';
    const texts = FOLLOW_TEXTS[kind];
    return reply.view(
      <FollowPage ctx={request.pageContext()} title={texts.title} slug={opportunity.slug} opportunityTitle={opportunity.title} kindSlug={FOLLOW_KIND_SLUGS[kind]} explanation={texts.explanation} signedIn={Boolean(request.currentUser)} />,
    );
  });

  app.post<{ Params: { slug: string } }>('/aides/:slug/suivre', async (request, reply) => {
    const opportunity = await loadOpportunity(request.params.slug);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const kind = followKindFromSlug(body.type) ?? 'deadlines';
    if (request.currentUser) {
      await followOpportunity(app.db, request.currentUser.id, opportunity.id, kind, app.clock);
      return reply.redirect(`/aides/${opportunity.slug}?suivi=ok`, 303);
    }
    const form = parseForm(anonymousFollowForm, body);
    if (!form.ok) {
      const texts = FOLLOW_TEXTS[kind];
      return reply.view(
        <FollowPage ctx={request.pageContext()} title={texts.title} slug={opportunity.slug} opportunityTitle={opportunity.title} kindSlug={FOLLOW_KIND_SLUGS[kind]} explanation={texts.explanation} signedIn={false} email={typeof body.email === 'string' ? body.email : ''} errors={form.errors} />,
        400,
      );
    }
    await askConfirmation(form.data.email, { type: 'follow', opportunityId: opportunity.id, kind }, FOLLOW_TEXTS[kind].what(opportunity.title), request.ip);
    return reply.redirect('/alertes/verifiez-vos-emails', 303);
  });

  app.get('/alertes/nouvelle', async (request, reply) => {
    const { query } = canonicalAlertQuery(request.url.split('?')[1] ?? '');
    return reply.view(<NewAlertPage ctx={request.pageContext()} query={query} description={describeSearch(query)} frequency="weekly" signedIn={Boolean(request.currentUser)} />);
  });

  app.post('/alertes', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(request.currentUser ? alertForm : anonymousAlertForm, body);
    const rawQuery = typeof body.query === 'string' ? body.query.slice(0, 2000) : '';
    const { query } = canonicalAlertQuery(rawQuery);
    if (!form.ok) {
      return reply.view(
        <NewAlertPage ctx={request.pageContext()} query={query} description={describeSearch(query)} frequency={typeof body.frequency === 'string' ? body.frequency : ''} signedIn={Boolean(request.currentUser)} email={typeof body.email === 'string' ? body.email : ''} errors={form.errors} />,
        400,
      );
    }
    if (request.currentUser) {
      await saveSearch(app.db, request.currentUser.id, { query, label: describeSearch(query), frequency: form.data.frequency }, app.clock);
      return reply.redirect('/mon-espace?ok=alerte-creee', 303);
    }
    const email = (form.data as z.infer<typeof anonymousAlertForm>).email;
    await askConfirmation(email, { type: 'search', query, frequency: form.data.frequency }, `les nouvelles aides pour la recherche « ${describeSearch(query)} »`, request.ip);
    return reply.redirect('/alertes/verifiez-vos-emails', 303);
  });

  app.get('/alertes/verifiez-vos-emails', async (request, reply) => reply.view(<CheckYourEmailPage ctx={request.pageContext()} />));

  app.get<{ Params: { token: string } }>('/alertes/confirmer/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/aides" retryLabel="Revenir au catalogue" />, 400);
    return reply.view(
      <ConfirmActionPage ctx={request.pageContext()} title="Confirmer mon alerte" text="En confirmant, votre alerte est activée et un espace personnel est créé pour la gérer." action="/alertes/confirmer" token={request.params.token} button="Confirmer mon alerte" />,
    );
  });

  app.post('/alertes/confirmer', async (request, reply) => {
    const token = ((request.body ?? {}) as Record<string, unknown>).jeton;
    const confirmed = await confirmAlert(app.db, token, app.clock, describeSearch);
    if (!confirmed) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/aides" retryLabel="Revenir au catalogue" />, 400);
    setSessionCookie(reply, confirmed.sessionToken);
    return reply.redirect(`/mon-espace?ok=${confirmed.request.type === 'follow' ? 'suivi-cree' : 'alerte-creee'}`, 303);
  });

  app.post<{ Params: { id: string } }>('/mon-espace/suivis/:id/supprimer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const params = idParam.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    await unfollow(app.db, userOf(request).id, params.data.id);
    return reply.redirect('/mon-espace?ok=suivi-supprime', 303);
  });

  app.post<{ Params: { id: string } }>('/mon-espace/alertes/:id/supprimer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const params = idParam.safeParse(request.params);
    if (!params.success) throw new NotFoundError();
    await deleteSavedSearch(app.db, userOf(request).id, params.data.id);
    return reply.redirect('/mon-espace?ok=alerte-supprimee', 303);
  });

  // Links in emails. The POST routes take no CSRF token: mail clients call them directly
  // (List-Unsubscribe-Post, RFC 8058) and the random token in the path is the credential.
  app.get<{ Params: { token: string } }>('/desabonnement/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) throw new NotFoundError();
    return reply.view(
      <ConfirmActionPage ctx={request.pageContext()} title="Ne plus recevoir d’alertes" text="Vous ne recevrez plus aucun email d’alerte. Vos alertes restent enregistrées dans votre espace, en pause." action={`/desabonnement/${request.params.token}`} button="Me désabonner" csrf={false} />,
    );
  });

  app.post<{ Params: { token: string } }>('/desabonnement/:token', { config: { csrf: false } }, async (request, reply) => {
    if (!(await unsubscribeByToken(app.db, request.params.token, app.clock))) throw new NotFoundError();
    return reply.view(<DoneMessagePage ctx={request.pageContext()} title="Vous êtes désabonnée" text="Vous ne recevrez plus d’emails d’alerte. Pour les réactiver, connectez-vous et choisissez un rythme dans « Mes notifications »." />);
  });

  app.get<{ Params: { token: string } }>('/alertes/arreter/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) throw new NotFoundError();
    return reply.view(
      <ConfirmActionPage ctx={request.pageContext()} title="Supprimer cette alerte" text="Cette recherche enregistrée sera supprimée ; vos autres alertes continuent." action={`/alertes/arreter/${request.params.token}`} button="Supprimer l’alerte" csrf={false} />,
    );
  });

  app.post<{ Params: { token: string } }>('/alertes/arreter/:token', { config: { csrf: false } }, async (request, reply) => {
    if (!(await stopSavedSearchByToken(app.db, request.params.token))) throw new NotFoundError();
    return reply.view(<DoneMessagePage ctx={request.pageContext()} title="Alerte supprimée" text="Vous ne recevrez plus les nouveautés de cette recherche." />);
  });
}
