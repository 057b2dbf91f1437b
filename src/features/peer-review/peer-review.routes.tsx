import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { mustBeSignedIn, userOf } from '../../platform/auth/current-user.ts';
import { parisDate } from '../../platform/dates.ts';
import { detectDocumentKind, sanitizeFileName } from '../../platform/files.ts';
import { type FieldErrors, parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { MEGABYTE, type UploadRule, uploadedFile } from '../../platform/http/uploads.ts';
import type { Storage } from '../../platform/storage.ts';
import { refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { findPublishedOpportunityBySlug } from '../opportunities/opportunities.queries.ts';
import {
  type DossierFile, cancelRequest, rateFeedback, reportFeedback, resendReviewLink, shareEmailAsReviewer, submitDossier, submitReview, volunteer,
} from './peer-review.commands.ts';
import { PEER_REVIEW_MATCH_JOB } from './peer-review.job.ts';
import {
  MyRequestsPage, PeerReviewHomePage, RequestDetailPage, RequestFormPage, ReviewLinkNotFoundPage, ReviewPage, VolunteerFormPage,
} from './peer-review.pages.tsx';
import { givenReview, myRequests, receivedReview, requestForOwner, reviewForReviewer } from './peer-review.queries.ts';
import { ratingSchema, reportSchema, requestSchema, rubricSchema, volunteerSchema } from './peer-review.schema.ts';

/** A dossier as applications ask for it; an illustration of feedback is smaller. */
const DOSSIER_UPLOAD: UploadRule = { files: ['dossier'], maxFileBytes: 20 * MEGABYTE };
const ATTACHMENT_UPLOAD: UploadRule = { files: ['attachment'], maxFileBytes: 10 * MEGABYTE };
const LIMITS = { requestsPerDay: { limit: 5, windowSeconds: 86_400 }, reportsPerDay: { limit: 10, windowSeconds: 86_400 }, linksPerHour: { limit: 5, windowSeconds: 3600 } };
const FLASHES: Record<string, string> = {
  deposee: 'Votre dossier est déposé. Nous vous écrivons dès qu’une partenaire vous est associée.',
  benevole: 'Merci ! Nous vous écrivons dès qu’un dossier vous attend.',
  annulee: 'Votre demande est annulée ; votre dossier est effacé.',
  lien: 'Un nouveau lien vous a été envoyé par email ; l’ancien ne fonctionne plus.',
  avis: 'Merci pour votre avis.',
  signale: 'Votre signalement est transmis à l’équipe.',
  partage: 'Votre choix est enregistré.',
  envoye: 'Merci, votre retour est envoyé.',
};

/** A PDF checked by its content (never by its name or declared type), with a safe name. */
function pdfOf(body: unknown, field: string, required: boolean): { file: DossierFile | null } | { error: string } {
  const upload = uploadedFile(body, field);
  if (!upload || upload.content.length === 0) return required ? { error: 'Choisissez votre dossier (un fichier PDF).' } : { file: null };
  if (detectDocumentKind(upload.content) !== 'pdf') return { error: 'Le fichier doit être un PDF : son contenu n’en est pas un (le nom du fichier ne suffit pas).' };
  return { file: { content: upload.content, fileName: `${sanitizeFileName(upload.fileName.replace(/\.[^.]*$/, ''), 'dossier')}.pdf` } };
}

const pdfReply = (reply: FastifyReply, content: Buffer, fileName: string) => reply
  .type('application/pdf')
  .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
  .header('cache-control', 'private, no-store')
  .header('x-content-type-options', 'nosniff')
  .send(content);

export function registerPeerReviewRoutes(app: FastifyInstance, { storage }: { storage: Storage }): void {
  const idParam = (request: FastifyRequest, name = 'id') => {
    const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as Record<string, string>)[name]);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };
  const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

  app.get('/revue-de-dossier', { config: { pageCache: true } }, async (request, reply) =>
    reply.view(<PeerReviewHomePage ctx={request.pageContext()} signedIn={request.currentUser !== null} />));

  const today = () => parisDate(app.clock.now());

  app.get('/revue-de-dossier/demander', { preHandler: mustBeSignedIn }, async (request, reply) =>
    reply.view(<RequestFormPage ctx={request.pageContext()} today={today()} values={{ languages: ['fr'] }} />));

  app.post('/revue-de-dossier/demander', { preHandler: mustBeSignedIn, config: { upload: DOSSIER_UPLOAD } }, async (request, reply) => {
    const user = userOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(requestSchema(today()), body);
    const file = pdfOf(body, 'dossier', true);
    const errors: FieldErrors = { ...('error' in file ? { dossier: file.error } : {}), ...(form.ok ? {} : form.errors) };
    let opportunity = null;
    if (form.ok && form.data.opportunity) {
      opportunity = await findPublishedOpportunityBySlug(app.db, form.data.opportunity);
      if (!opportunity) errors.opportunity = 'Cette aide n’est pas dans le catalogue : vérifiez l’adresse, ou laissez vide.';
    }
    const values = { ...body, dossier: undefined };
    if (Object.keys(errors).length > 0 || !form.ok || 'error' in file || !file.file) return reply.view(<RequestFormPage ctx={request.pageContext()} today={today()} values={values} errors={errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `peer-review:request:${user.id}`, rule: LIMITS.requestsPerDay }]);
    // Without a date of her own, the next deadline of the chosen opportunity.
    const deadline = form.data.deadline ?? opportunity?.windows.find((window) => window.closesOn >= today())?.closesOn ?? null;
    const outcome = await submitDossier(app.db, storage, user.id, {
      targetKind: form.data.targetKind ?? opportunity?.kind ?? null, opportunityId: opportunity?.id ?? null, targetDeadline: deadline, disciplines: form.data.disciplines,
      languages: form.data.languages, careerStage: form.data.careerStage, messageToPartner: form.data.message, alsoVolunteer: form.data.alsoVolunteer,
    }, file.file, app.clock);
    if (!outcome.ok) return reply.view(<RequestFormPage ctx={request.pageContext()} today={today()} values={values} errors={{ dossier: outcome.message }} />, 409);
    await app.jobs.send(PEER_REVIEW_MATCH_JOB, {});
    return reply.redirect(`/revue-de-dossier/mes-demandes/${outcome.requestId}?ok=deposee`, 303);
  });

  app.get('/revue-de-dossier/benevole', { preHandler: mustBeSignedIn }, async (request, reply) =>
    reply.view(<VolunteerFormPage ctx={request.pageContext()} values={{ languages: ['fr'] }} />));

  app.post('/revue-de-dossier/benevole', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(volunteerSchema, request.body);
    if (!form.ok) return reply.view(<VolunteerFormPage ctx={request.pageContext()} values={form.values} errors={form.errors} />, 400);
    const outcome = await volunteer(app.db, user.id, { disciplines: form.data.disciplines, languages: form.data.languages, careerStage: form.data.careerStage }, app.clock);
    if (!outcome.ok) return reply.view(<VolunteerFormPage ctx={request.pageContext()} values={request.body as Record<string, unknown>} errors={{ disciplines: outcome.message }} />, 409);
    await app.jobs.send(PEER_REVIEW_MATCH_JOB, {});
    return reply.redirect('/revue-de-dossier/mes-demandes?ok=benevole', 303);
  });

  app.get('/revue-de-dossier/mes-demandes', { preHandler: mustBeSignedIn }, async (request, reply) =>
    reply.view(<MyRequestsPage ctx={request.pageContext()} requests={await myRequests(app.db, userOf(request).id)} flash={flashOf(request)} />));

  /** Her own request, or 404 (another person's id looks exactly like an unknown one). */
  async function ownRequest(request: FastifyRequest) {
    const data = await requestForOwner(app.db, idParam(request), userOf(request).id);
    if (!data) throw new NotFoundError();
    return data;
  }

  app.get('/revue-de-dossier/mes-demandes/:id', { preHandler: mustBeSignedIn }, async (request, reply) =>
    reply.view(<RequestDetailPage ctx={request.pageContext()} data={await ownRequest(request)} flash={flashOf(request)} />));

  app.get('/revue-de-dossier/mes-demandes/:id/dossier.pdf', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { request: own } = await ownRequest(request);
    const content = own.fileKey ? await storage.get(own.fileKey) : null;
    if (!content) throw new NotFoundError();
    return pdfReply(reply, content, own.fileName ?? 'dossier.pdf');
  });

  app.post('/revue-de-dossier/mes-demandes/:id/annuler', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { request: own } = await ownRequest(request);
    await cancelRequest(app.db, storage, own, app.clock);
    return reply.redirect('/revue-de-dossier/mes-demandes?ok=annulee', 303);
  });

  app.post('/revue-de-dossier/mes-demandes/:id/nouveau-lien', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const data = await ownRequest(request);
    if (!data.writing || data.writing.status !== 'assigned') throw new NotFoundError();
    await refuseWhenTooMany(app, [{ key: `peer-review:link:${userOf(request).id}`, rule: LIMITS.linksPerHour }]);
    await app.mailer.dispatch([await resendReviewLink(app.db, data.writing.id, app.clock, app.config.publicUrl)]);
    return reply.redirect(`/revue-de-dossier/mes-demandes/${data.request.id}?ok=lien`, 303);
  });

  async function ownReceived(request: FastifyRequest) {
    const data = await ownRequest(request);
    const review = await receivedReview(app.db, idParam(request, 'reviewId'), userOf(request).id);
    if (!review || review.revieweeRequestId !== data.request.id) throw new NotFoundError();
    return { data, review };
  }

  app.post('/revue-de-dossier/mes-demandes/:id/retours/:reviewId/avis', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { data, review } = await ownReceived(request);
    const form = parseForm(ratingSchema, request.body);
    if (!form.ok) return reply.view(<RequestDetailPage ctx={request.pageContext()} data={data} errors={form.errors} />, 400);
    await rateFeedback(app.db, review.id, { useful: form.data.useful === 'oui', kind: form.data.kind === 'oui', shareEmail: form.data.shareEmail }, app.clock);
    return reply.redirect(`/revue-de-dossier/mes-demandes/${data.request.id}?ok=avis`, 303);
  });

  app.post('/revue-de-dossier/mes-demandes/:id/retours/:reviewId/signaler', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { data, review } = await ownReceived(request);
    const form = parseForm(reportSchema, request.body);
    if (!form.ok) return reply.view(<RequestDetailPage ctx={request.pageContext()} data={data} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `peer-review:report:${userOf(request).id}`, rule: LIMITS.reportsPerDay }]);
    await reportFeedback(app.db, review.id, form.data.reason, app.clock);
    return reply.redirect(`/revue-de-dossier/mes-demandes/${data.request.id}?ok=signale`, 303);
  });

  app.get('/revue-de-dossier/mes-demandes/:id/retours/:reviewId/piece-jointe', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { review } = await ownReceived(request);
    const content = review.attachmentKey ? await storage.get(review.attachmentKey) : null;
    if (!content) throw new NotFoundError();
    return pdfReply(reply, content, review.attachmentName ?? 'retour.pdf');
  });

  app.post('/revue-de-dossier/mes-demandes/:id/partage/:reviewId', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const data = await ownRequest(request);
    const review = await givenReview(app.db, idParam(request, 'reviewId'), userOf(request).id);
    if (!review || review.reviewerRequestId !== data.request.id) throw new NotFoundError();
    await shareEmailAsReviewer(app.db, review.id, (request.body as { shareEmail?: unknown } | undefined)?.shareEmail === 'oui');
    return reply.redirect(`/revue-de-dossier/mes-demandes/${data.request.id}?ok=partage`, 303);
  });

  // The private link: the token and the reviewer's own session, or the same 404 for everyone else.
  async function reviewOf(request: FastifyRequest<{ Params: { token: string } }>) {
    const user = request.currentUser;
    const data = user ? await reviewForReviewer(app.db, request.params.token, user.id) : null;
    return data;
  }
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    reply.view(<ReviewLinkNotFoundPage ctx={request.pageContext()} returnTo={request.url.replace(/\/dossier\.pdf$/, '')} />, 404);

  app.get<{ Params: { token: string } }>('/revue-de-dossier/relecture/:token', async (request, reply) => {
    const data = await reviewOf(request);
    if (!data) return notFound(request, reply);
    // The token must not leak to other sites through the Referer header.
    void reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store');
    return reply.view(<ReviewPage ctx={request.pageContext()} data={data} token={request.params.token} />);
  });

  app.get<{ Params: { token: string } }>('/revue-de-dossier/relecture/:token/dossier.pdf', async (request, reply) => {
    const data = await reviewOf(request);
    const content = data?.reviewee.fileKey ? await storage.get(data.reviewee.fileKey) : null;
    if (!data || !content) return notFound(request, reply);
    return pdfReply(reply, content, 'dossier-a-relire.pdf');
  });

  app.post<{ Params: { token: string } }>('/revue-de-dossier/relecture/:token', { config: { upload: ATTACHMENT_UPLOAD } }, async (request, reply) => {
    const data = await reviewOf(request);
    if (!data || data.review.status !== 'assigned') return notFound(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(rubricSchema, body);
    const attachment = pdfOf(body, 'attachment', false);
    if (!form.ok || 'error' in attachment) {
      const errors = { ...(form.ok ? {} : form.errors), ...('error' in attachment ? { attachment: attachment.error } : {}) };
      return reply.view(<ReviewPage ctx={request.pageContext()} data={data} token={request.params.token} values={{ ...body, attachment: undefined }} errors={errors} />, 400);
    }
    const outcome = await submitReview(app.db, storage, data.review, form.data, attachment.file, app.clock, app.config.publicUrl);
    await app.mailer.dispatch(outcome.emailIds);
    return reply.redirect(`/revue-de-dossier/mes-demandes/${data.review.reviewerRequestId}?ok=envoye`, 303);
  });
}
