import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserRow } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { type FieldErrors, parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import type { Actor } from '../audit/audit.commands.ts';
import { pairManually, resolveReviewReport, unpair } from './peer-review.commands.ts';
import { PeerReviewAdminPage, ReviewReportPage } from './peer-review-admin.pages.tsx';
import { activePairs, findRequest, isReported, openReviewReports, queueFigures, reportWithReview, waitingRequests } from './peer-review.queries.ts';

const FLASHES: Record<string, string> = { appariees: 'Les deux demandes sont appariées ; elles ont reçu leur lien.', desappariees: 'La paire est défaite ; les deux demandes repassent en tête de file.', traite: 'Le signalement est traité.' };
const requestNumber = z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.coerce.number({ error: 'Indiquez un numéro de demande.' }).int('Indiquez un numéro de demande.').positive('Indiquez un numéro de demande.').max(2_147_483_647));
const pairForm = z.object({ first: requestNumber, second: requestNumber });

/** The team's view of the peer review, inside the back-office scope (staff only, 404 otherwise). */
export function registerPeerReviewAdminRoutes(admin: FastifyInstance, { storage, actorOf }: { storage: Storage; actorOf: (user: UserRow) => Actor }): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  const isAdmin = (request: FastifyRequest) => staff(request).role === 'admin';
  const idOf = (request: FastifyRequest) => {
    const parsed = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data.id;
  };

  async function render(request: FastifyRequest, errors?: FieldErrors) {
    const now = admin.clock.now();
    const [figures, waiting, pairs, reports] = await Promise.all([queueFigures(admin.db, now), waitingRequests(admin.db), activePairs(admin.db), openReviewReports(admin.db)]);
    const flash = FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;
    return <PeerReviewAdminPage ctx={request.pageContext()} isAdmin={isAdmin(request)} figures={figures} waiting={waiting} pairs={pairs} reports={reports} now={now} errors={errors} flash={flash} />;
  }

  admin.get('/revue-de-dossier', async (request, reply) => reply.view(await render(request)));

  admin.post('/revue-de-dossier/apparier', async (request, reply) => {
    const form = parseForm(pairForm, request.body);
    if (!form.ok) return reply.view(await render(request, form.errors), 400);
    const outcome = await pairManually(admin.db, [form.data.first, form.data.second], actorOf(staff(request)), admin.clock, admin.config.publicUrl);
    if (!outcome.ok) return reply.view(await render(request, { first: outcome.message }), 409);
    await admin.mailer.dispatch(outcome.emailIds);
    return reply.redirect('/admin/revue-de-dossier?ok=appariees', 303);
  });

  admin.post('/revue-de-dossier/paires/:id/desapparier', async (request, reply) => {
    if (!(await unpair(admin.db, idOf(request), actorOf(staff(request)), admin.clock))) throw new NotFoundError();
    return reply.redirect('/admin/revue-de-dossier?ok=desappariees', 303);
  });

  admin.get('/revue-de-dossier/signalements/:id', async (request, reply) => {
    const data = await reportWithReview(admin.db, idOf(request));
    if (!data) throw new NotFoundError();
    return reply.view(<ReviewReportPage ctx={request.pageContext()} isAdmin={isAdmin(request)} data={data} />);
  });

  admin.post('/revue-de-dossier/signalements/:id/traiter', async (request, reply) => {
    if (!(await resolveReviewReport(admin.db, idOf(request), actorOf(staff(request)), admin.clock))) throw new NotFoundError();
    return reply.redirect('/admin/revue-de-dossier?ok=traite', 303);
  });

  // Moderators read a dossier only to judge a report about it.
  admin.get('/revue-de-dossier/demandes/:id/dossier.pdf', async (request, reply) => {
    const id = idOf(request);
    const found = (await isReported(admin.db, id)) ? await findRequest(admin.db, id) : null;
    const content = found?.fileKey ? await storage.get(found.fileKey) : null;
    if (!content) throw new NotFoundError();
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="dossier.pdf"').header('cache-control', 'private, no-store').send(content);
  });
}
