import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserRow } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { formatParisDateTime } from '../../platform/dates.ts';
import { type FieldErrors, parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextArea } from '../../ui/components/form.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { Actor } from '../audit/audit.commands.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import { resolveConnectionReport } from '../mentoring/mentoring.commands.ts';
import { contactOutcomes, decideCommissioner, decideDirectoryProfile } from './directory.commands.ts';
import { openMessageReports, pendingCommissioners, pendingDirectoryProfiles } from './directory.queries.ts';

const FLASHES: Record<string, string> = { decision: 'La décision est enregistrée ; la personne est prévenue.', traite: 'Le signalement est traité.' };

function DecisionForm({ ctx, action, yes, no }: { ctx: PageContext; action: string; yes: string; no: string }) {
  return (
    <form method="post" action={action}>
      <CsrfField token={ctx.csrfToken()} />
      <TextArea name="reason" label="Motif en cas de refus" rows={2} maxLength={1000} />
      <ul class="fr-btns-group fr-btns-group--inline-sm">
        <li><button class="fr-btn" type="submit" name="decision" value="oui">{yes}</button></li>
        <li><button class="fr-btn fr-btn--secondary" type="submit" name="decision" value="non">{no}</button></li>
      </ul>
    </form>
  );
}

function DirectoryAdminPage({ ctx, isAdmin, profiles, commissioners, reports, outcomes, flash, errors }: {
  ctx: PageContext; isAdmin: boolean; profiles: Awaited<ReturnType<typeof pendingDirectoryProfiles>>; commissioners: Awaited<ReturnType<typeof pendingCommissioners>>;
  reports: Awaited<ReturnType<typeof openMessageReports>>; outcomes: Awaited<ReturnType<typeof contactOutcomes>>; flash: string | null; errors?: FieldErrors;
}) {
  return (
    <AdminLayout ctx={ctx} title="Annuaire et commanditaires" isAdmin={isAdmin} flash={flash}>
      {errors && <ErrorSummary errors={errors} />}
      <p>{`${outcomes.contacts} mises en relation ; ${outcomes.answers} réponses au questionnaire à 30 jours, dont ${outcomes.ledToWork} « a abouti à une commande ».`}</p>
      <h2 class="fr-h4">Commanditaires à vérifier</h2>
      {commissioners.length === 0 ? <p>Aucune demande.</p> : commissioners.map(({ commissioner, email }) => (
        <div class="fr-card fr-card--no-border fr-mb-3w" key={commissioner.userId}>
          <h3 class="fr-h6">{`${commissioner.organizationName} (${commissioner.organizationType})`}</h3>
          <p>{`${email}, ${commissioner.contactRole} — site : ${commissioner.website} — charte ${commissioner.charterVersion} signée le ${formatParisDateTime(commissioner.charterSignedAt)}`}</p>
          <DecisionForm ctx={ctx} action={`/admin/annuaire/commanditaires/${commissioner.userId}/decision`} yes="Vérifier" no="Refuser" />
        </div>
      ))}
      <h2 class="fr-h4 fr-mt-4w">Fiches à relire</h2>
      {profiles.length === 0 ? <p>Aucune fiche en attente.</p> : profiles.map(({ profile, email }) => (
        <div class="fr-card fr-card--no-border fr-mb-3w" key={profile.userId}>
          <h3 class="fr-h6">{`${profile.displayName} (${email})`}</h3>
          <p>{profile.bio ?? '(pas de présentation)'}</p>
          <p>{`Site : ${profile.website ?? '—'} ; visibilité : ${Object.entries(profile.audiences).map(([field, audience]) => `${field} ${audience}`).join(', ')}`}</p>
          <DecisionForm ctx={ctx} action={`/admin/annuaire/fiches/${profile.userId}/decision`} yes="Publier" no="Refuser" />
        </div>
      ))}
      <h2 class="fr-h4 fr-mt-4w">Messages signalés</h2>
      {reports.length === 0 ? <p>Aucun signalement.</p> : (
        <SimpleTable caption="Messages signalés par les photographes" headers={['Reçu le', 'Expéditrice', 'Message', 'Motif', 'Action']}
          rows={reports.map(({ report, subject, body, organization }) => [formatParisDateTime(report.createdAt), organization ?? '—', `${subject} : ${body ?? ''}`, report.reason,
            <form method="post" action={`/admin/annuaire/signalements/${report.id}/traiter`}><CsrfField token={ctx.csrfToken()} /><SubmitButton secondary>Marquer comme traité</SubmitButton></form>])} />
      )}
    </AdminLayout>
  );
}

const decisionSchema = z.object({
  decision: z.enum(['oui', 'non'], { error: 'Choisissez une décision.' }),
  reason: z.preprocess((value) => (typeof value === 'string' ? value.trim() : ''), z.string().max(1000)).transform((value) => value || null),
}).refine((form) => form.decision === 'oui' || (form.reason?.length ?? 0) >= 5, { path: ['reason'], message: 'Indiquez le motif du refus (5 caractères au moins).' });

export function registerDirectoryAdminRoutes(admin: FastifyInstance, { actorOf }: { actorOf: (user: UserRow) => Actor }): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  const idOf = (request: FastifyRequest) => {
    const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as { id?: string }).id);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };
  const render = async (request: FastifyRequest, errors?: FieldErrors) => {
    const [profiles, commissioners, reports, outcomes] = await Promise.all([pendingDirectoryProfiles(admin.db), pendingCommissioners(admin.db), openMessageReports(admin.db), contactOutcomes(admin.db)]);
    return <DirectoryAdminPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} profiles={profiles} commissioners={commissioners} reports={reports} outcomes={outcomes} errors={errors}
      flash={FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null} />;
  };

  admin.get('/annuaire', async (request, reply) => reply.view(await render(request)));

  for (const [path, decide] of [
    ['fiches', (id: number, yes: boolean, reason: string | null, actor: Actor) => decideDirectoryProfile(admin.db, id, { publish: yes, reason }, actor, admin.clock, admin.config.publicUrl)],
    ['commanditaires', (id: number, yes: boolean, reason: string | null, actor: Actor) => decideCommissioner(admin.db, id, { verify: yes, reason }, actor, admin.clock, admin.config.publicUrl)],
  ] as const) {
    admin.post(`/annuaire/${path}/:id/decision`, async (request, reply) => {
      const form = parseForm(decisionSchema, request.body);
      if (!form.ok) return reply.view(await render(request, form.errors), 400);
      const emailId = await decide(idOf(request), form.data.decision === 'oui', form.data.reason, actorOf(staff(request)));
      if (emailId === undefined) throw new NotFoundError();
      await admin.mailer.dispatch([emailId]);
      return reply.redirect('/admin/annuaire?ok=decision', 303);
    });
  }

  admin.post('/annuaire/signalements/:id/traiter', async (request, reply) => {
    if (!(await resolveConnectionReport(admin.db, idOf(request), 'message', actorOf(staff(request)), admin.clock))) throw new NotFoundError();
    return reply.redirect('/admin/annuaire?ok=traite', 303);
  });
}
