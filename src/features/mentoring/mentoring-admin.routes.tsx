import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type UserRow, connectionReports } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { formatParisDateTime } from '../../platform/dates.ts';
import { type FieldErrors, parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextArea } from '../../ui/components/form.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { Actor } from '../audit/audit.commands.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import { decideMentorProfile, resolveConnectionReport } from './mentoring.commands.ts';
import { mentoringFigures, pausedMentors, pendingMentorProfiles } from './mentoring.queries.ts';
import { HELP_TOPIC_LABELS } from './mentoring.vocabulary.ts';

const FLASHES: Record<string, string> = { publie: 'Le profil est publié ; la mentore est prévenue.', refuse: 'Le profil est refusé ; la mentore est prévenue.', traite: 'Le signalement est traité.' };
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(Number(value) * 100)} %`);

function MentoringAdminPage({ ctx, isAdmin, pending, paused, reports, figures, flash, errors }: {
  ctx: PageContext; isAdmin: boolean; pending: Awaited<ReturnType<typeof pendingMentorProfiles>>; paused: Awaited<ReturnType<typeof pausedMentors>>;
  reports: (typeof connectionReports.$inferSelect)[]; figures: Awaited<ReturnType<typeof mentoringFigures>>; flash: string | null; errors?: FieldErrors;
}) {
  return (
    <AdminLayout ctx={ctx} title="Mentorat" isAdmin={isAdmin} flash={flash}>
      {errors && <ErrorSummary errors={errors} />}
      <p>{`${figures.mentors} mentores publiées, ${figures.requests} demandes dont ${figures.accepted} acceptées et ${figures.expired} expirées ; ${figures.active} mentorats en cours, ${figures.completed} terminés ; aidées : ${percent(figures.helped)}, recommanderaient : ${percent(figures.recommend)}.`}</p>
      <h2 class="fr-h4">Profils à relire</h2>
      {pending.length === 0 ? <p>Aucun profil en attente.</p> : pending.map(({ profile, email }) => (
        <div class="fr-card fr-card--no-border fr-mb-3w" key={profile.id}>
          <h3 class="fr-h6">{`${profile.displayName} — ${profile.roleTitle} (${email})`}</h3>
          <p>{profile.bio}</p>
          <p>{`Sujets : ${profile.helpTopics.map((topic) => HELP_TOPIC_LABELS[topic as keyof typeof HELP_TOPIC_LABELS] ?? topic).join(', ')} ; capacité ${profile.capacity}`}</p>
          <form method="post" action={`/admin/mentorat/profils/${profile.id}/decision`}>
            <CsrfField token={ctx.csrfToken()} />
            <TextArea name="reason" label="Motif en cas de refus" rows={2} maxLength={1000} />
            <ul class="fr-btns-group fr-btns-group--inline-sm">
              <li><button class="fr-btn" type="submit" name="decision" value="publier">Publier</button></li>
              <li><button class="fr-btn fr-btn--secondary" type="submit" name="decision" value="refuser">Refuser</button></li>
            </ul>
          </form>
        </div>
      ))}
      <h2 class="fr-h4 fr-mt-4w">Mentores en pause automatique</h2>
      {paused.length === 0 ? <p>Aucune.</p> : (
        <SimpleTable caption="Mentores mises en pause après des demandes expirées" headers={['Mentore', 'Adresse', 'En pause depuis']}
          rows={paused.map(({ profile, email }) => [profile.displayName, email, formatParisDateTime(profile.pausedAt!)])} />
      )}
      <h2 class="fr-h4 fr-mt-4w">Problèmes signalés</h2>
      {reports.length === 0 ? <p>Aucun signalement.</p> : (
        <SimpleTable caption="Signalements sur des mentorats" headers={['Reçu le', 'Mentorat', 'Motif', 'Action']}
          rows={reports.map((report) => [formatParisDateTime(report.createdAt), `n° ${report.targetId}`, report.reason,
            <form method="post" action={`/admin/mentorat/signalements/${report.id}/traiter`}><CsrfField token={ctx.csrfToken()} /><SubmitButton secondary>Marquer comme traité</SubmitButton></form>])} />
      )}
    </AdminLayout>
  );
}

const decisionSchema = z.object({
  decision: z.enum(['publier', 'refuser'], { error: 'Choisissez de publier ou de refuser.' }),
  reason: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(1000)).transform((value) => value || null),
}).refine((form) => form.decision === 'publier' || (form.reason?.length ?? 0) >= 5, { path: ['reason'], message: 'Indiquez le motif du refus (5 caractères au moins).' });

export function registerMentoringAdminRoutes(admin: FastifyInstance, { actorOf }: { actorOf: (user: UserRow) => Actor }): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  const idOf = (request: FastifyRequest) => {
    const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as { id?: string }).id);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };
  const render = async (request: FastifyRequest, errors?: FieldErrors) => {
    const [pending, paused, reports, figures] = await Promise.all([
      pendingMentorProfiles(admin.db), pausedMentors(admin.db),
      admin.db.select().from(connectionReports).where(and(eq(connectionReports.kind, 'mentorship'), eq(connectionReports.status, 'open'))).orderBy(asc(connectionReports.createdAt)),
      mentoringFigures(admin.db),
    ]);
    return <MentoringAdminPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} pending={pending} paused={paused} reports={reports} figures={figures} flash={FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null} errors={errors} />;
  };

  admin.get('/mentorat', async (request, reply) => reply.view(await render(request)));

  admin.post('/mentorat/profils/:id/decision', async (request, reply) => {
    const form = parseForm(decisionSchema, request.body);
    if (!form.ok) return reply.view(await render(request, form.errors), 400);
    const publish = form.data.decision === 'publier';
    const emailId = await decideMentorProfile(admin.db, idOf(request), { publish, reason: form.data.reason }, actorOf(staff(request)), admin.clock, admin.config.publicUrl);
    if (emailId === null) throw new NotFoundError();
    await admin.mailer.dispatch([emailId]);
    return reply.redirect(`/admin/mentorat?ok=${publish ? 'publie' : 'refuse'}`, 303);
  });

  admin.post('/mentorat/signalements/:id/traiter', async (request, reply) => {
    if (!(await resolveConnectionReport(admin.db, idOf(request), 'mentorship', actorOf(staff(request)), admin.clock))) throw new NotFoundError();
    return reply.redirect('/admin/mentorat?ok=traite', 303);
  });
}
