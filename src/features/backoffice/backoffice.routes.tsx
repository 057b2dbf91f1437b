import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { USER_ROLES, type UserRow } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { parisDate } from '../../platform/dates.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Actor } from '../audit/audit.commands.ts';
import { findOpportunitiesByIds } from '../opportunities/opportunities.queries.ts';
import { formValuesOf } from '../opportunities/opportunity-form.tsx';
import {
  moderationFieldsSchema, parseOpportunityForm, toModerationValues, toOpportunityValues,
} from '../opportunities/opportunity-form.schema.ts';
import { OPPORTUNITY_STATUSES } from '../opportunities/opportunity.vocabulary.ts';
import { AuditPage, BrokenLinksPage, FeedbackListPage, ReportsPage, UsersPage } from './admin-lists.pages.tsx';
import { DashboardPage } from './dashboard.page.tsx';
import { registerExportRoutes } from './exports.routes.ts';
import { registerResourceAdminRoutes } from './resource-admin.routes.tsx';
import { registerParityAdminRoutes } from '../parity/parity-admin.routes.tsx';
import { registerPeerReviewAdminRoutes } from '../peer-review/peer-review-admin.routes.tsx';
import { registerMentoringAdminRoutes } from '../mentoring/mentoring-admin.routes.tsx';
import { registerDirectoryAdminRoutes } from '../directory/directory-admin.routes.tsx';
import { registerContactAdminRoutes } from '../contact/contact.routes.tsx';
import { registerNewsletterAdminRoutes } from '../newsletter/newsletter.routes.tsx';
import { listPendingDeclarations } from '../parity/parity-admin.queries.ts';
import type { Storage } from '../../platform/storage.ts';
import {
  changeOpportunityStatus, changeUserRole, createOpportunityByTeam, resolveReport, updateOpportunityByTeam,
} from './moderation.commands.ts';
import {
  dashboardFigures, findLikelyDuplicates, listBrokenLinks, listInReview, listOpportunitiesForAdmin, listReports, listUsers,
  listResourcesInReview, reportsFor, searchAuditLog, summarizeFeedback,
} from './moderation.queries.ts';
import { OpportunityEditPage, OpportunityListPage, ReviewQueuePage } from './opportunity-admin.pages.tsx';

export const STAFF_ROLES = ['moderator', 'admin'] as const;

const FLASHES: Record<string, string> = {
  enregistree: 'La fiche est enregistrée.',
  publiee: 'La fiche est publiée.',
  archivee: 'La fiche est archivée.',
  restauree: 'La fiche est de nouveau publiée.',
  refusee: 'La proposition est refusée ; la personne qui l’a envoyée est prévenue.',
  creee: 'La fiche est créée (brouillon).',
  traite: 'Le signalement est traité.',
  role: 'Le rôle est changé.',
};
const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
function idOf(request: FastifyRequest): number {
  const parsed = idParam.safeParse(request.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.id;
}

const pageOf = (query: unknown) => {
  const page = Number((query as { page?: string }).page);
  return Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
};
const textOf = (query: unknown) => String((query as { q?: unknown }).q ?? '').slice(0, 200).trim();

export const actorOf = (user: UserRow): Actor => ({ id: user.id, label: user.displayName ? `${user.displayName} (${user.email})` : user.email });

/** The team's form: the public form's fields plus verification and parity. */
function parseTeamForm(body: unknown) {
  const base = parseOpportunityForm(body);
  const extra = parseForm(moderationFieldsSchema, body);
  if (!base.ok || !extra.ok) {
    return { ok: false as const, errors: { ...(base.ok ? {} : base.errors), ...(extra.ok ? {} : extra.errors) }, values: (body ?? {}) as Record<string, unknown> };
  }
  const { values, windows } = toOpportunityValues(base.data);
  return { ok: true as const, fields: { values: { ...values, ...toModerationValues(extra.data) }, windows } };
}

/**
 * The back-office, under /admin: moderators and admins only. Anyone else, signed in or not,
 * gets the same 404 as for a page that does not exist.
 */
export function registerBackofficeRoutes(app: FastifyInstance, { storage }: { storage: Storage }): void {
  void app.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      requireRole(request, STAFF_ROLES);
    });
    const staff = (request: FastifyRequest) => requireRole(request, STAFF_ROLES);
    const isAdmin = (request: FastifyRequest) => staff(request).role === 'admin';

    admin.get('/', async (request, reply) => {
      const now = app.clock.now();
      const figures = await dashboardFigures(app.db, parisDate(now), now);
      return reply.view(<DashboardPage ctx={request.pageContext()} figures={figures} isAdmin={isAdmin(request)} />);
    });

    admin.get('/a-relire', async (request, reply) =>
      reply.view(<ReviewQueuePage ctx={request.pageContext()} items={await listInReview(app.db)} resources={await listResourcesInReview(app.db)} declarations={await listPendingDeclarations(app.db)} isAdmin={isAdmin(request)} flash={flashOf(request)} />));

    admin.get('/aides', async (request, reply) => {
      const query = request.query as { statut?: string };
      const status = OPPORTUNITY_STATUSES.find((value) => value === query.statut) ?? null;
      const page = pageOf(request.query);
      const result = await listOpportunitiesForAdmin(app.db, { text: textOf(request.query), status, page });
      return reply.view(<OpportunityListPage ctx={request.pageContext()} result={result} text={textOf(request.query)} status={status} page={page} isAdmin={isAdmin(request)} />);
    });

    admin.get('/aides/nouvelle', async (request, reply) =>
      reply.view(<OpportunityEditPage ctx={request.pageContext()} isAdmin={isAdmin(request)} opportunity={null} values={{ geographicScope: 'world', recurrence: 'annual' }} duplicates={[]} feedback={null} reports={[]} />));

    admin.post('/aides/nouvelle', async (request, reply) => {
      const form = parseTeamForm(request.body);
      if (!form.ok) {
        return reply.view(<OpportunityEditPage ctx={request.pageContext()} isAdmin={isAdmin(request)} opportunity={null} values={form.values} errors={form.errors} duplicates={[]} feedback={null} reports={[]} />, 400);
      }
      const row = await createOpportunityByTeam(app.db, form.fields, actorOf(staff(request)), app.clock);
      return reply.redirect(`/admin/aides/${row.id}?ok=creee`, 303);
    });

    async function renderEdit(request: FastifyRequest, id: number, overrides: { values?: Record<string, unknown>; errors?: Record<string, string>; actionError?: string } = {}, statusCode = 200) {
      const [opportunity] = await findOpportunitiesByIds(app.db, [id]);
      if (!opportunity) throw new NotFoundError();
      const [duplicates, feedback, reports] = await Promise.all([findLikelyDuplicates(app.db, opportunity), summarizeFeedback(app.db, id), reportsFor(app.db, id)]);
      return { statusCode, page: (
        <OpportunityEditPage ctx={request.pageContext()} isAdmin={isAdmin(request)} opportunity={opportunity} values={overrides.values ?? formValuesOf(opportunity)}
          errors={overrides.errors} actionError={overrides.actionError} duplicates={duplicates} feedback={feedback[0] ?? null} reports={reports} flash={flashOf(request)} />
      ) };
    }

    admin.get('/aides/:id', async (request, reply) => {
      const { page } = await renderEdit(request, idOf(request));
      return reply.view(page);
    });

    admin.post('/aides/:id', async (request, reply) => {
      const id = idOf(request);
      const form = parseTeamForm(request.body);
      if (!form.ok) {
        const { page } = await renderEdit(request, id, { values: form.values, errors: form.errors });
        return reply.view(page, 400);
      }
      const publish = (request.body as { intention?: string }).intention === 'publier';
      const { emailId } = await updateOpportunityByTeam(app.db, id, form.fields, { actor: actorOf(staff(request)), publish, publicUrl: app.config.publicUrl }, app.clock);
      await app.mailer.dispatch([emailId]);
      return reply.redirect(`/admin/aides/${id}?ok=${publish ? 'publiee' : 'enregistree'}`, 303);
    });

    const statusRoute = (path: string, change: 'publish' | 'archive' | 'restore', flash: string) => {
      admin.post(`/aides/:id/${path}`, async (request, reply) => {
        const id = idOf(request);
        const outcome = await changeOpportunityStatus(app.db, id, change, { actor: actorOf(staff(request)), publicUrl: app.config.publicUrl }, app.clock);
        if ('refused' in outcome) {
          const { page } = await renderEdit(request, id, { actionError: outcome.refused });
          return reply.view(page, 409);
        }
        await app.mailer.dispatch([outcome.emailId]);
        return reply.redirect(`/admin/aides/${id}?ok=${flash}`, 303);
      });
    };
    statusRoute('publier', 'publish', 'publiee');
    statusRoute('archiver', 'archive', 'archivee');
    statusRoute('restaurer', 'restore', 'restauree');

    const refusalSchema = z.object({ reason: z.string({ error: 'Indiquez le motif du refus.' }).trim().min(5, 'Indiquez le motif du refus (5 caractères au moins).').max(1000, '1 000 caractères au plus.') });
    admin.post('/aides/:id/refuser', async (request, reply) => {
      const id = idOf(request);
      const form = parseForm(refusalSchema, request.body);
      if (!form.ok) {
        const { page } = await renderEdit(request, id, { errors: form.errors });
        return reply.view(page, 400);
      }
      const outcome = await changeOpportunityStatus(app.db, id, 'refuse', { actor: actorOf(staff(request)), reason: form.data.reason, publicUrl: app.config.publicUrl }, app.clock);
      if ('refused' in outcome) {
        const { page } = await renderEdit(request, id, { actionError: outcome.refused });
        return reply.view(page, 409);
      }
      await app.mailer.dispatch([outcome.emailId]);
      return reply.redirect('/admin/a-relire?ok=refusee', 303);
    });

    admin.get('/signalements', async (request, reply) =>
      reply.view(<ReportsPage ctx={request.pageContext()} reports={await listReports(app.db, 'open')} isAdmin={isAdmin(request)} flash={flashOf(request)} />));

    admin.post('/signalements/:id/traiter', async (request, reply) => {
      await resolveReport(app.db, idOf(request), actorOf(staff(request)), app.clock);
      return reply.redirect('/admin/signalements?ok=traite', 303);
    });

    admin.get('/liens', async (request, reply) =>
      reply.view(<BrokenLinksPage ctx={request.pageContext()} links={await listBrokenLinks(app.db)} isAdmin={isAdmin(request)} />));

    admin.get('/avis', async (request, reply) =>
      reply.view(<FeedbackListPage ctx={request.pageContext()} summaries={await summarizeFeedback(app.db)} isAdmin={isAdmin(request)} />));

    admin.get('/journal', async (request, reply) =>
      reply.view(<AuditPage ctx={request.pageContext()} entries={await searchAuditLog(app.db, textOf(request.query), pageOf(request.query))} text={textOf(request.query)} isAdmin={isAdmin(request)} />));

    // Roles are for administrators only: a moderator cannot make herself an administrator.
    const adminOnly = (request: FastifyRequest) => requireRole(request, ['admin']);
    admin.get('/utilisateurs', async (request, reply) => {
      adminOnly(request);
      return reply.view(<UsersPage ctx={request.pageContext()} users={await listUsers(app.db, textOf(request.query))} text={textOf(request.query)} flash={flashOf(request)} />);
    });

    const roleSchema = z.object({ role: z.enum(USER_ROLES, { error: 'Choisissez un rôle de la liste.' }) });
    admin.post('/utilisateurs/:id/role', async (request, reply) => {
      const actor = adminOnly(request);
      const id = idOf(request);
      const form = parseForm(roleSchema, request.body);
      if (!form.ok) return reply.view(<UsersPage ctx={request.pageContext()} users={await listUsers(app.db, '')} text="" flash={null} />, 400);
      await changeUserRole(app.db, id, form.data.role, actorOf(actor), app.clock);
      return reply.redirect('/admin/utilisateurs?ok=role', 303);
    });

    registerExportRoutes(admin);
    registerResourceAdminRoutes(admin, { storage, actorOf });
    registerParityAdminRoutes(admin, { actorOf });
    registerPeerReviewAdminRoutes(admin, { storage, actorOf });
    registerMentoringAdminRoutes(admin, { actorOf });
    registerDirectoryAdminRoutes(admin, { actorOf });
    registerContactAdminRoutes(admin);
    registerNewsletterAdminRoutes(admin);
  }, { prefix: '/admin' });
}
