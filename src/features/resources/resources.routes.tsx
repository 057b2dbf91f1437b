import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { setSessionCookie } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import { isWellFormedToken } from '../../platform/tokens.ts';
import { isRobot } from '../../ui/components/honeypot.tsx';
import { emailSchema, refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { InvalidLinkPage } from '../accounts/sign-in.pages.tsx';
import { ConfirmActionPage } from '../alerts/alerts.pages.tsx';
import { MessagePage } from '../contributions/contribution.pages.tsx';
import { entraideData } from './entraide-data.ts';
import { EntraidePage } from './entraide.page.tsx';
import { ResourceFeedbackPage, ProposeResourcePage } from './resource-contribution.pages.tsx';
import { proposeResource, recordResourceFeedback, resourceProposalSchema } from './resource-contribution.commands.ts';
import { confirmResourceProposal, requestResourceProposalConfirmation } from './resource-proposal.commands.ts';
import { ResourceDetailPage } from './resource-detail.page.tsx';
import { parseResourceSearch } from './resource-search.schema.ts';
import { RESOURCE_NOT_USEFUL_REASONS, RESOURCE_USEFUL_REASONS } from './resource.vocabulary.ts';
import { findPublishedResourceBySlug, listWebinars, searchResources } from './resources.queries.ts';
import { ResourcesListPage } from './resources-list.page.tsx';
import { WebinarsPage } from './webinars.page.tsx';

const LIMITS = { proposalsPerIp: { limit: 10, windowSeconds: 3600 }, confirmationsPerAddress: { limit: 5, windowSeconds: 3600 }, feedbackPerIp: { limit: 60, windowSeconds: 3600 } };

const feedbackForm = z.object({
  answer: z.enum(['useful', 'not_useful'], { error: 'Choisissez une réponse.' }),
  reasons: z.preprocess((value) => (Array.isArray(value) ? value : value ? [value] : []), z.array(z.string()).max(8)),
}).superRefine((form, context) => {
  const allowed = Object.keys(form.answer === 'useful' ? RESOURCE_USEFUL_REASONS : RESOURCE_NOT_USEFUL_REASONS);
  if (form.reasons.some((reason) => !allowed.includes(reason))) context.addIssue({ code: 'custom', path: ['reasons'], message: 'Choisissez des raisons de la liste.' });
});

export function registerResourceRoutes(app: FastifyInstance, { storage }: { storage: Storage }): void {
  async function loadPublished(slug: string) {
    if (!/^[a-z0-9-]{1,150}$/.test(slug)) throw new NotFoundError();
    const resource = await findPublishedResourceBySlug(app.db, slug);
    if (!resource) throw new NotFoundError();
    return resource;
  }

  app.get('/ressources', { config: { pageCache: true } }, async (request, reply) => {
    const search = parseResourceSearch(request.query);
    const result = await searchResources(app.db, search);
    return reply.view(<ResourcesListPage ctx={request.pageContext()} search={search} result={result} now={app.clock.now()} />);
  });

  app.get('/ressources/ateliers', { config: { pageCache: true } }, async (request, reply) => {
    const { upcoming, past } = await listWebinars(app.db, app.clock.now());
    return reply.view(<WebinarsPage ctx={request.pageContext()} upcoming={upcoming} past={past} now={app.clock.now()} />);
  });

  app.get('/entraide', { config: { pageCache: true } }, async (request, reply) => {
    const { upcoming } = await listWebinars(app.db, app.clock.now());
    return reply.view(<EntraidePage ctx={request.pageContext()} data={entraideData()} upcoming={upcoming.slice(0, 3)} now={app.clock.now()} />);
  });

  app.get<{ Params: { slug: string }; Querystring: { lecture?: string } }>('/ressources/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const resource = await loadPublished(request.params.slug);
    const playing = resource.type === 'video' && request.query.lecture === '1' && resource.videoUrl !== null;
    if (playing) {
      // The player's host is allowed for this answer only, which is never shared by the cache.
      request.pageCacheSlot = null;
      const origin = new URL(resource.videoUrl!).origin;
      reply.header('content-security-policy', String(reply.getHeader('content-security-policy')).replace("default-src 'self'", `default-src 'self'; frame-src ${origin}`));
    }
    return reply.view(<ResourceDetailPage ctx={request.pageContext()} resource={resource} now={app.clock.now()} playing={playing} />);
  });

  app.get<{ Params: { slug: string } }>('/ressources/:slug/telecharger', async (request, reply) => {
    const resource = await loadPublished(request.params.slug);
    if (resource.type !== 'document' || !resource.fileKey) throw new NotFoundError();
    const content = await storage.get(resource.fileKey);
    if (!content) throw new NotFoundError();
    return reply
      .type(resource.fileType ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${resource.fileName ?? `${resource.slug}.pdf`}"`)
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });

  app.get<{ Params: { slug: string }; Querystring: { reponse?: string } }>('/ressources/:slug/avis', async (request, reply) => {
    const resource = await loadPublished(request.params.slug);
    const answer = request.query.reponse === 'utile' ? 'useful' : request.query.reponse === 'pas-utile' ? 'not_useful' : null;
    return reply.view(<ResourceFeedbackPage ctx={request.pageContext()} slug={resource.slug} title={resource.title} answer={answer} />);
  });

  app.post<{ Params: { slug: string } }>('/ressources/:slug/avis', async (request, reply) => {
    const resource = await loadPublished(request.params.slug);
    const form = parseForm(feedbackForm, request.body);
    if (!form.ok) {
      const answer = form.values.answer === 'useful' || form.values.answer === 'not_useful' ? form.values.answer : null;
      return reply.view(<ResourceFeedbackPage ctx={request.pageContext()} slug={resource.slug} title={resource.title} answer={answer} values={form.values} errors={form.errors} />, 400);
    }
    await refuseWhenTooMany(app, [{ key: `resource-feedback:ip:${request.ip}`, rule: LIMITS.feedbackPerIp }]);
    await recordResourceFeedback(app.db, resource.id, form.data.answer, [...new Set(form.data.reasons)], app.clock);
    return reply.view(<MessagePage ctx={request.pageContext()} title="Merci pour votre avis" lead="Il nous aide à choisir les prochaines ressources."><p><a href={`/ressources/${resource.slug}`}>Revenir à la ressource</a></p></MessagePage>);
  });

  app.get('/ressources/proposer', async (request, reply) =>
    reply.view(<ProposeResourcePage ctx={request.pageContext()} values={{}} signedIn={Boolean(request.currentUser)} />));

  app.post('/ressources/proposer', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const thanks = () => reply.redirect('/ressources/proposer/merci', 303);
    if (isRobot(body)) return thanks();
    const user = request.currentUser;
    const form = parseForm(user ? resourceProposalSchema : resourceProposalSchema.and(z.object({ email: emailSchema })), body);
    if (!form.ok) return reply.view(<ProposeResourcePage ctx={request.pageContext()} values={form.values} errors={form.errors} signedIn={Boolean(user)} />, 400);
    await refuseWhenTooMany(app, [{ key: `resource-proposal:ip:${request.ip}`, rule: LIMITS.proposalsPerIp }]);
    if (user) {
      await proposeResource(app.db, form.data, user.id, app.clock);
      return thanks();
    }
    const email = (form.data as { email: string }).email;
    await refuseWhenTooMany(app, [{ key: `resource-proposal:email:${email}`, rule: LIMITS.confirmationsPerAddress }]);
    const { email: _email, _csrf: _token, ...fields } = body;
    const emailId = await requestResourceProposalConfirmation(app.db, { email, body: fields, title: form.data.title, clock: app.clock, publicUrl: app.config.publicUrl });
    await app.mailer.dispatch([emailId]);
    return reply.redirect('/ressources/proposer/verifiez-vos-emails', 303);
  });

  app.get('/ressources/proposer/merci', async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Merci pour votre proposition" lead="Notre équipe va la relire avant de la publier." />));

  app.get('/ressources/proposer/verifiez-vos-emails', async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Confirmez votre adresse" lead="Un email vient de vous être envoyé : ouvrez son lien pour que votre proposition soit transmise à notre équipe." />));

  app.get<{ Params: { token: string } }>('/ressources/proposer/confirmer/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/ressources/proposer" retryLabel="Proposer une ressource" />, 400);
    return reply.view(<ConfirmActionPage ctx={request.pageContext()} title="Confirmer ma proposition" text="Votre proposition sera transmise à notre équipe, et un espace personnel sera créé pour vous tenir informée." action="/ressources/proposer/confirmer" token={request.params.token} button="Confirmer ma proposition" />);
  });

  app.post('/ressources/proposer/confirmer', async (request, reply) => {
    const confirmed = await confirmResourceProposal(app.db, ((request.body ?? {}) as Record<string, unknown>).jeton, app.clock);
    if (!confirmed) return reply.view(<InvalidLinkPage ctx={request.pageContext()} retryHref="/ressources/proposer" retryLabel="Proposer une ressource" />, 400);
    setSessionCookie(reply, confirmed.sessionToken);
    return reply.redirect('/ressources/proposer/merci', 303);
  });
}
