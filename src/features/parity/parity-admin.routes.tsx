import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserRow } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { type FieldErrors, parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Actor } from '../audit/audit.commands.ts';
import { correctFiguresByTeam, publishDeclaration, rejectDeclaration } from './declaration.commands.ts';
import { correctionSchema, yearsOffered } from './declaration.schema.ts';
import { resolveCorrectionRequest } from './correction-request.commands.ts';
import { organizationFormSchema, organizationFormValues } from './organization-form.schema.ts';
import { DeclarationReviewPage, OrganizationAdminPage, OrganizationCreatePage, ParityAdminPage } from './parity-admin.pages.tsx';
import {
  declarationForReview, findOrganizationIdBySlug, listOpenCorrectionRequests, listOrganizationsForAdmin, listPendingDeclarations, listRecentDecisions, representativesOf,
} from './parity-admin.queries.ts';
import { createOrganizationByTeam, updateOrganizationByTeam } from './parity-organizations.commands.ts';
import { findOrganizationById, publishedFiguresOf } from './parity.queries.ts';
import { metricsFor } from './parity.vocabulary.ts';

const FLASHES: Record<string, string> = {
  publiee: 'La déclaration est publiée ; la personne qui l’a envoyée est prévenue.',
  refusee: 'La déclaration est refusée ; la personne qui l’a envoyée est prévenue.',
  enregistree: 'L’organisation est enregistrée.',
  creee: 'L’organisation est créée.',
  corrigee: 'La correction est publiée.',
  traite: 'Le signalement est traité.',
};

const refusalSchema = z.object({ reason: z.string({ error: 'Indiquez le motif du refus.' }).trim().min(5, 'Indiquez le motif du refus (5 caractères au moins).').max(1000, '1 000 caractères au plus.') });

/** The team's side of the index, inside the back-office scope (staff only, 404 for anyone else). */
export function registerParityAdminRoutes(admin: FastifyInstance, { actorOf }: { actorOf: (user: UserRow) => Actor }): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  const isAdmin = (request: FastifyRequest) => staff(request).role === 'admin';
  const idOf = (request: FastifyRequest) => {
    const parsed = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data.id;
  };
  const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

  admin.get('/index-parite', async (request, reply) => {
    const query = request.query as { q?: unknown; page?: unknown };
    const text = String(query.q ?? '').slice(0, 100).trim();
    const page = Number.isInteger(Number(query.page)) && Number(query.page) >= 1 && Number(query.page) <= 1000 ? Number(query.page) : 1;
    const [pending, decisions, requests, organizations] = await Promise.all([
      listPendingDeclarations(admin.db), listRecentDecisions(admin.db), listOpenCorrectionRequests(admin.db), listOrganizationsForAdmin(admin.db, text, page),
    ]);
    return reply.view(<ParityAdminPage ctx={request.pageContext()} isAdmin={isAdmin(request)} pending={pending} decisions={decisions} requests={requests} organizations={organizations} text={text} page={page} flash={flashOf(request)} />);
  });

  admin.post('/index-parite/signalements/:id/traiter', async (request, reply) => {
    if (!(await resolveCorrectionRequest(admin.db, idOf(request), actorOf(staff(request)), admin.clock))) throw new NotFoundError();
    return reply.redirect('/admin/index-parite?ok=traite', 303);
  });

  async function loadReview(id: number) {
    const review = await declarationForReview(admin.db, id);
    if (!review) throw new NotFoundError();
    return review;
  }

  admin.get('/index-parite/declarations/:id', async (request, reply) =>
    reply.view(<DeclarationReviewPage ctx={request.pageContext()} isAdmin={isAdmin(request)} review={await loadReview(idOf(request))} />));

  admin.post('/index-parite/declarations/:id/publier', async (request, reply) => {
    const id = idOf(request);
    await loadReview(id);
    const outcome = await publishDeclaration(admin.db, id, { actor: actorOf(staff(request)), publicUrl: admin.config.publicUrl }, admin.clock);
    if (!outcome.done) return reply.view(<DeclarationReviewPage ctx={request.pageContext()} isAdmin={isAdmin(request)} review={await loadReview(id)} actionError={outcome.reason} />, 409);
    await admin.mailer.dispatch([outcome.emailId]);
    return reply.redirect('/admin/index-parite?ok=publiee', 303);
  });

  admin.post('/index-parite/declarations/:id/refuser', async (request, reply) => {
    const id = idOf(request);
    const review = await loadReview(id);
    const form = parseForm(refusalSchema, request.body);
    if (!form.ok) return reply.view(<DeclarationReviewPage ctx={request.pageContext()} isAdmin={isAdmin(request)} review={review} errors={form.errors} />, 400);
    const outcome = await rejectDeclaration(admin.db, id, { actor: actorOf(staff(request)), reason: form.data.reason, publicUrl: admin.config.publicUrl }, admin.clock);
    if (!outcome.done) return reply.view(<DeclarationReviewPage ctx={request.pageContext()} isAdmin={isAdmin(request)} review={await loadReview(id)} actionError={outcome.reason} />, 409);
    await admin.mailer.dispatch([outcome.emailId]);
    return reply.redirect('/admin/index-parite?ok=refusee', 303);
  });

  /** The form's fields, with the parent given by its slug turned into an id (or an error on that field). */
  async function organizationFields(body: unknown, ownId?: number) {
    const form = parseForm(organizationFormSchema, body);
    if (!form.ok) return form;
    const { parent, ...fields } = form.data;
    const parentId = parent ? await findOrganizationIdBySlug(admin.db, parent) : null;
    const errors: FieldErrors = {};
    if (parent && parentId === null) errors.parent = 'Aucune organisation n’a cet identifiant.';
    if (parentId !== null && parentId === ownId) errors.parent = 'Une organisation ne peut pas se décerner elle-même.';
    if (Object.keys(errors).length) return { ok: false as const, errors, values: (body ?? {}) as Record<string, unknown> };
    return { ok: true as const, data: { ...fields, parentId } };
  }

  admin.get('/index-parite/organisations/nouvelle', async (request, reply) =>
    reply.view(<OrganizationCreatePage ctx={request.pageContext()} isAdmin={isAdmin(request)} />));

  admin.post('/index-parite/organisations/nouvelle', async (request, reply) => {
    const form = await organizationFields(request.body);
    if (!form.ok) return reply.view(<OrganizationCreatePage ctx={request.pageContext()} isAdmin={isAdmin(request)} values={form.values} errors={form.errors} />, 400);
    const row = await createOrganizationByTeam(admin.db, form.data, actorOf(staff(request)), admin.clock);
    return reply.redirect(`/admin/index-parite/organisations/${row.id}?ok=creee`, 303);
  });

  async function renderOrganization(request: FastifyRequest, id: number, overrides: { values?: Record<string, unknown>; errors?: FieldErrors; figureValues?: Record<string, unknown>; figureErrors?: FieldErrors } = {}) {
    const organization = await findOrganizationById(admin.db, id);
    if (!organization) throw new NotFoundError();
    const [figures, representatives, parent] = await Promise.all([
      publishedFiguresOf(admin.db, id),
      representativesOf(admin.db, id),
      organization.parentId === null ? Promise.resolve(null) : findOrganizationById(admin.db, organization.parentId),
    ]);
    return (
      <OrganizationAdminPage ctx={request.pageContext()} isAdmin={isAdmin(request)} organization={organization} values={overrides.values ?? organizationFormValues(organization, parent?.slug ?? null)}
        errors={overrides.errors} metrics={metricsFor(organization.type, figures.map((figure) => figure.metric))} years={yearsOffered(admin.clock.now())}
        figureValues={overrides.figureValues} figureErrors={overrides.figureErrors} representatives={representatives} flash={flashOf(request)} />
    );
  }

  admin.get('/index-parite/organisations/:id', async (request, reply) => reply.view(await renderOrganization(request, idOf(request))));

  admin.post('/index-parite/organisations/:id', async (request, reply) => {
    const id = idOf(request);
    const form = await organizationFields(request.body, id);
    if (!form.ok) return reply.view(await renderOrganization(request, id, { values: form.values, errors: form.errors }), 400);
    if (!(await findOrganizationById(admin.db, id))) throw new NotFoundError();
    await updateOrganizationByTeam(admin.db, id, form.data, actorOf(staff(request)), admin.clock);
    return reply.redirect(`/admin/index-parite/organisations/${id}?ok=enregistree`, 303);
  });

  admin.post('/index-parite/organisations/:id/chiffres', async (request, reply) => {
    const id = idOf(request);
    const organization = await findOrganizationById(admin.db, id);
    if (!organization) throw new NotFoundError();
    const figures = await publishedFiguresOf(admin.db, id);
    const form = parseForm(correctionSchema(metricsFor(organization.type, figures.map((figure) => figure.metric)), yearsOffered(admin.clock.now())), request.body);
    if (!form.ok) return reply.view(await renderOrganization(request, id, { figureValues: form.values, figureErrors: form.errors }), 400);
    await correctFiguresByTeam(admin.db, organization, form.data, actorOf(staff(request)), admin.clock);
    return reply.redirect(`/admin/index-parite/organisations/${id}?ok=corrigee`, 303);
  });
}
