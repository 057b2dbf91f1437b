import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FEEDBACK_ANSWERS, REPORT_REASONS } from '../../db/schema/index.ts';
import { setSessionCookie } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { isWellFormedToken } from '../../platform/tokens.ts';
import { isRobot } from '../../ui/components/honeypot.tsx';
import { ConfirmActionPage } from '../alerts/alerts.pages.tsx';
import { InvalidLinkPage } from '../accounts/sign-in.pages.tsx';
import { emailSchema, refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { findPublishedOpportunityBySlug } from '../opportunities/opportunities.queries.ts';
import { parseOpportunityForm } from '../opportunities/opportunity-form.schema.ts';
import { FeedbackPage, MessagePage, ReportPage, SuggestPage } from './contribution.pages.tsx';
import { recordFeedback, reportError } from './feedback.commands.ts';
import { FEEDBACK_ANSWER_SLUGS, NOT_USEFUL_REASONS, USEFUL_REASONS } from './feedback.vocabulary.ts';
import { confirmSuggestion, requestSuggestionConfirmation, suggestOpportunity } from './suggestion.commands.ts';

const LIMITS = {
  suggestionsPerIp: { limit: 10, windowSeconds: 3600 },
  suggestionsPerAccount: { limit: 20, windowSeconds: 86_400 },
  confirmationsPerAddress: { limit: 5, windowSeconds: 3600 },
  feedbackPerIp: { limit: 60, windowSeconds: 3600 },
  reportsPerIp: { limit: 20, windowSeconds: 3600 },
};

const feedbackForm = z.object({
  answer: z.enum(FEEDBACK_ANSWERS, { error: 'Choisissez une réponse.' }),
  reasons: z.preprocess((value) => (Array.isArray(value) ? value : value ? [value] : []), z.array(z.string()).max(8)),
}).superRefine((form, context) => {
  const allowed = Object.keys(form.answer === 'not_useful' ? NOT_USEFUL_REASONS : USEFUL_REASONS);
  if (form.reasons.some((reason) => !allowed.includes(reason))) context.addIssue({ code: 'custom', path: ['reasons'], message: 'Choisissez des raisons de la liste.' });
});

const reportForm = z.object({
  reason: z.enum(REPORT_REASONS, { error: 'Choisissez l’erreur constatée.' }),
  comment: z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(1000, 'Le commentaire ne doit pas dépasser 1 000 caractères.'))
    .transform((value) => (value === '' ? null : value)),
});

const answerFromSlug = (slug: unknown) => (Object.entries(FEEDBACK_ANSWER_SLUGS).find(([, value]) => value === slug)?.[0] ?? null) as (typeof FEEDBACK_ANSWERS)[number] | null;

export function registerContributionRoutes(app: FastifyInstance): void {
  async function loadPublished(slug: string) {
    if (!/^[a-z0-9-]{1,150}$/.test(slug)) throw new NotFoundError();
    const opportunity = await findPublishedOpportunityBySlug(app.db, slug);
    if (!opportunity) throw new NotFoundError();
    return opportunity;
  }

  app.get('/aides/proposer', async (request, reply) => {
    return reply.view(<SuggestPage ctx={request.pageContext()} values={{ geographicScope: 'world', recurrence: 'annual' }} signedIn={Boolean(request.currentUser)} />);
  });

  app.post('/aides/proposer', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // A robot is told it worked, and nothing is kept.
    if (isRobot(body)) return reply.redirect('/aides/proposer/merci', 303);
    await refuseWhenTooMany(app, [{ key: `suggest:ip:${request.ip}`, rule: LIMITS.suggestionsPerIp }]);
    const user = request.currentUser;
    const form = user ? parseOpportunityForm(body) : parseOpportunityForm(body, { email: emailSchema });
    if (!form.ok) return reply.view(<SuggestPage ctx={request.pageContext()} values={form.values} errors={form.errors} signedIn={Boolean(user)} />, 400);
    if (user) {
      await refuseWhenTooMany(app, [{ key: `suggest:user:${user.id}`, rule: LIMITS.suggestionsPerAccount }]);
      await app.db.transaction((tx) => suggestOpportunity(tx, form.data, user.id, app.clock));
      return reply.redirect('/aides/proposer/merci', 303);
    }
    const email = (form.data as { email: string }).email;
    await refuseWhenTooMany(app, [{ key: `suggest:email:${email}`, rule: LIMITS.confirmationsPerAddress }]);
    const { email: _email, _csrf: _token, ...fields } = body;
    const emailId = await requestSuggestionConfirmation(app.db, { email, body: fields, title: form.data.title, clock: app.clock, publicUrl: app.config.publicUrl });
    await app.mailer.dispatch([emailId]);
    return reply.redirect('/aides/proposer/verifiez-vos-emails', 303);
  });

  app.get('/aides/proposer/merci', async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Merci pour votre proposition" lead="Notre équipe va la relire. Nous vous écrirons quand elle sera publiée, ou pour vous dire pourquoi elle ne l’est pas." />));

  app.get('/aides/proposer/verifiez-vos-emails', async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Confirmez votre adresse" lead="Un email vient de vous être envoyé : ouvrez son lien pour que votre proposition soit transmise à notre équipe." />));

  app.get<{ Params: { token: string } }>('/aides/proposer/confirmer/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/aides/proposer" retryLabel="Proposer une aide" />, 400);
    return reply.view(<ConfirmActionPage ctx={request.pageContext()} title="Confirmer ma proposition" text="Votre proposition sera transmise à notre équipe, et un espace personnel sera créé pour vous tenir informée." action="/aides/proposer/confirmer" token={request.params.token} button="Confirmer ma proposition" />);
  });

  app.post('/aides/proposer/confirmer', async (request, reply) => {
    const confirmed = await confirmSuggestion(app.db, ((request.body ?? {}) as Record<string, unknown>).jeton, app.clock);
    if (!confirmed) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/aides/proposer" retryLabel="Proposer une aide" />, 400);
    setSessionCookie(reply, confirmed.sessionToken);
    return reply.redirect('/aides/proposer/merci', 303);
  });

  app.get<{ Params: { slug: string }; Querystring: { reponse?: string } }>('/aides/:slug/avis', async (request, reply) => {
    const opportunity = await loadPublished(request.params.slug);
    return reply.view(<FeedbackPage ctx={request.pageContext()} slug={opportunity.slug} title={opportunity.title} answer={answerFromSlug(request.query.reponse)} />);
  });

  app.post<{ Params: { slug: string } }>('/aides/:slug/avis', async (request, reply) => {
    const opportunity = await loadPublished(request.params.slug);
    const form = parseForm(feedbackForm, request.body);
    if (!form.ok) {
      const answer = FEEDBACK_ANSWERS.find((value) => value === form.values.answer) ?? null;
      return reply.view(<FeedbackPage ctx={request.pageContext()} slug={opportunity.slug} title={opportunity.title} answer={answer} values={form.values} errors={form.errors} />, 400);
    }
    await refuseWhenTooMany(app, [{ key: `feedback:ip:${request.ip}`, rule: LIMITS.feedbackPerIp }]);
    await recordFeedback(app.db, opportunity.id, form.data.answer, [...new Set(form.data.reasons)], app.clock);
    return reply.view(<MessagePage ctx={request.pageContext()} title="Merci pour votre avis" lead="Il nous aide à rendre les fiches plus claires et plus utiles."><p><a href={`/aides/${opportunity.slug}`}>Revenir à la fiche</a></p></MessagePage>);
  });

  app.get<{ Params: { slug: string } }>('/aides/:slug/signaler', async (request, reply) => {
    const opportunity = await loadPublished(request.params.slug);
    return reply.view(<ReportPage ctx={request.pageContext()} slug={opportunity.slug} title={opportunity.title} />);
  });

  app.post<{ Params: { slug: string } }>('/aides/:slug/signaler', async (request, reply) => {
    const opportunity = await loadPublished(request.params.slug);
    const thanks = () => reply.view(<MessagePage ctx={request.pageContext()} title="Merci pour votre signalement" lead="Notre équipe va vérifier et corriger la fiche si besoin."><p><a href={`/aides/${opportunity.slug}`}>Revenir à la fiche</a></p></MessagePage>);
    if (isRobot(request.body)) return thanks();
    const form = parseForm(reportForm, request.body);
    if (!form.ok) return reply.view(<ReportPage ctx={request.pageContext()} slug={opportunity.slug} title={opportunity.title} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `report:ip:${request.ip}`, rule: LIMITS.reportsPerIp }]);
    await reportError(app.db, { opportunityId: opportunity.id, reason: form.data.reason, comment: form.data.comment, reporterId: request.currentUser?.id ?? null }, app.clock);
    return thanks();
  });
}
