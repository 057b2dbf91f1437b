import type { auditLog } from '../../db/schema/index.ts';
import { USER_ROLES, type UserRole } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { CsrfField } from '../../ui/components/form.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { FEEDBACK_REASON_LABELS, REPORT_REASON_LABELS } from '../contributions/feedback.vocabulary.ts';
import { AdminLayout } from './admin-layout.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { FeedbackSummary, listBrokenLinks, listReports, listUsers } from './moderation.queries.ts';

const day = (value: Date | string) => formatFrenchDate(parisDate(new Date(value)));

export const ROLE_LABELS: Record<UserRole, string> = {
  member: 'Membre',
  organisation: 'Représentante d’organisation',
  moderator: 'Modératrice',
  admin: 'Administratrice',
};

export function ReportsPage({ ctx, reports, isAdmin, flash }: { ctx: PageContext; reports: Awaited<ReturnType<typeof listReports>>; isAdmin: boolean; flash?: string | null }) {
  return (
    <AdminLayout ctx={ctx} title="Signalements" isAdmin={isAdmin} flash={flash}>
      {reports.length === 0 ? <p>Aucun signalement ouvert.</p> : (
        <SimpleTable caption="Signalements ouverts" headers={['Aide', 'Erreur', 'Commentaire', 'Reçu le', 'Action']}
          rows={reports.map((report) => [
            <a href={`/admin/aides/${report.opportunityId}`}>{report.title}</a>, REPORT_REASON_LABELS[report.reason], report.comment ?? '—', day(report.createdAt),
            <form method="post" action={`/admin/signalements/${report.id}/traiter`}>
              <CsrfField token={ctx.csrfToken()} />
              <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Marquer comme traité<span class="fr-sr-only"> : {report.title}</span></button>
            </form>,
          ])} />
      )}
    </AdminLayout>
  );
}

export function BrokenLinksPage({ ctx, links, isAdmin }: { ctx: PageContext; links: Awaited<ReturnType<typeof listBrokenLinks>>; isAdmin: boolean }) {
  return (
    <AdminLayout ctx={ctx} title="Liens cassés" isAdmin={isAdmin}>
      <p>Adresses officielles ou de candidature qui ne répondent plus (vérifiées chaque semaine).</p>
      {links.length === 0 ? <p>Aucun lien cassé.</p> : (
        <SimpleTable caption="Liens cassés des aides publiées" headers={['Aide', 'Adresse', 'Réponse', 'Échecs', 'Vérifié le']}
          rows={links.map((link) => [<a href={`/admin/aides/${link.opportunity_id}`}>{link.title}</a>, link.url, link.status_code ? `HTTP ${link.status_code}` : (link.error ?? 'erreur'), String(link.failures), day(link.checked_at)])} />
      )}
    </AdminLayout>
  );
}

export function FeedbackListPage({ ctx, summaries, isAdmin }: { ctx: PageContext; summaries: FeedbackSummary[]; isAdmin: boolean }) {
  return (
    <AdminLayout ctx={ctx} title="Avis des visiteuses" isAdmin={isAdmin}>
      <p><a href="/admin/export/avis.csv" download>Télécharger tous les avis (CSV)</a></p>
      {summaries.length === 0 ? <p>Aucun avis pour le moment.</p> : (
        <SimpleTable caption="Avis par aide" headers={['Aide', 'Utile', 'Utile mais close', 'Pas utile', 'Raisons citées']}
          rows={summaries.map((summary) => [
            <a href={`/admin/aides/${summary.opportunityId}`}>{summary.title}</a>, String(summary.useful), String(summary.usefulButClosed), String(summary.notUseful),
            Object.entries(summary.reasons).map(([reason, count]) => `${FEEDBACK_REASON_LABELS[reason as keyof typeof FEEDBACK_REASON_LABELS] ?? reason} (${count})`).join(' ; ') || '—',
          ])} />
      )}
    </AdminLayout>
  );
}

export function UsersPage({ ctx, users, text, flash }: { ctx: PageContext; users: Awaited<ReturnType<typeof listUsers>>; text: string; flash?: string | null }) {
  return (
    <AdminLayout ctx={ctx} title="Utilisateurs et rôles" isAdmin flash={flash}>
      <form method="get" action="/admin/utilisateurs" class="fr-mb-3w">
        <div class="fr-search-bar" role="search">
          <label class="fr-label" for="recherche-utilisateurs">Rechercher une adresse</label>
          <input class="fr-input" id="recherche-utilisateurs" name="q" type="search" value={text} />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      <SimpleTable caption="Comptes (100 au plus)" headers={['Adresse', 'Créé le', 'Dernière connexion', 'Rôle']}
        rows={users.map((user) => [
          user.email, day(user.createdAt), user.lastSignInAt ? day(user.lastSignInAt) : '—',
          <form method="post" action={`/admin/utilisateurs/${user.id}/role`}>
            <CsrfField token={ctx.csrfToken()} />
            <div class="fr-select-group fr-mb-1w">
              <label class="fr-label" for={`role-${user.id}`}>Rôle de {user.email}</label>
              <select class="fr-select" id={`role-${user.id}`} name="role">
                {USER_ROLES.map((role) => <option value={role} selected={role === user.role} key={role}>{ROLE_LABELS[role]}</option>)}
              </select>
            </div>
            <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Changer<span class="fr-sr-only"> le rôle de {user.email}</span></button>
          </form>,
        ])} />
    </AdminLayout>
  );
}

export function AuditPage({ ctx, entries, text, isAdmin }: { ctx: PageContext; entries: (typeof auditLog.$inferSelect)[]; text: string; isAdmin: boolean }) {
  return (
    <AdminLayout ctx={ctx} title="Journal des actions" isAdmin={isAdmin}>
      <form method="get" action="/admin/journal" class="fr-mb-3w">
        <div class="fr-search-bar" role="search">
          <label class="fr-label" for="recherche-journal">Rechercher (personne, action, numéro)</label>
          <input class="fr-input" id="recherche-journal" name="q" type="search" value={text} />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      {entries.length === 0 ? <p>Aucune action trouvée.</p> : (
        <SimpleTable caption="Actions, des plus récentes aux plus anciennes" headers={['Quand', 'Qui', 'Quoi', 'Avant', 'Après']}
          rows={entries.map((entry) => [
            entry.createdAt.toISOString().replace('T', ' ').slice(0, 19), entry.actorLabel, entry.summary,
            <pre class="fr-text--xs eflc-email-text">{entry.before ? JSON.stringify(entry.before, null, 1) : '—'}</pre>,
            <pre class="fr-text--xs eflc-email-text">{entry.after ? JSON.stringify(entry.after, null, 1) : '—'}</pre>,
          ])} />
      )}
    </AdminLayout>
  );
}
