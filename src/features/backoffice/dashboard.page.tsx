import { formatFrenchDate } from '../../platform/dates.ts';
import type { PageContext } from '../../ui/page-context.ts';
import { AdminLayout } from './admin-layout.tsx';
import type { DashboardFigures } from './moderation.queries.ts';

function Tile({ figure, label, href }: { figure: number; label: string; href: string }) {
  return (
    <div class="fr-tile fr-enlarge-link">
      <div class="fr-tile__body">
        <div class="fr-tile__content">
          <h2 class="fr-tile__title"><a href={href}>{label}</a></h2>
          <p class="fr-tile__desc fr-h3 fr-mb-0">{figure}</p>
        </div>
      </div>
    </div>
  );
}

export function DashboardPage({ ctx, figures, isAdmin }: { ctx: PageContext; figures: DashboardFigures; isAdmin: boolean }) {
  const last = figures.last30Days;
  return (
    <AdminLayout ctx={ctx} title="Tableau de bord" isAdmin={isAdmin}>
      <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        <li class="fr-col-12 fr-col-sm-4"><Tile figure={figures.inReview} label="Propositions et déclarations à relire" href="/admin/a-relire" /></li>
        <li class="fr-col-12 fr-col-sm-4"><Tile figure={figures.openReports} label="Signalements ouverts" href="/admin/signalements" /></li>
        <li class="fr-col-12 fr-col-sm-4"><Tile figure={figures.brokenLinks} label="Liens cassés" href="/admin/liens" /></li>
      </ul>
      <h2 class="fr-h4">Dates indicatives qui arrivent à échéance (30 jours)</h2>
      {figures.estimatedClosingSoon.length === 0 ? <p>Aucune : toutes les dates proches sont vérifiées.</p> : (
        <ul>
          {figures.estimatedClosingSoon.map((item) => (
            <li key={item.id}><a href={`/admin/aides/${item.id}`}>{item.title}</a> — date limite estimée au {formatFrenchDate(item.closesOn)}</li>
          ))}
        </ul>
      )}
      <h2 class="fr-h4 fr-mt-4w">Les 30 derniers jours</h2>
      <ul>
        <li>{last.published} aides publiées</li>
        <li>{last.suggestions} propositions reçues du public</li>
        <li>{last.reports} signalements d’erreur</li>
        <li>{last.feedback} avis sur les fiches</li>
        <li>{last.accounts} comptes créés</li>
        <li>{last.emailsSent} emails envoyés</li>
      </ul>
      <h2 class="fr-h4 fr-mt-4w">Dernier import culture.gouv.fr</h2>
      {figures.lastImport ? (
        <p>Le {formatFrenchDate(figures.lastImport.startedAt.toISOString().slice(0, 10))} : {summarizeImport(figures.lastImport.report)}</p>
      ) : <p>Aucun import pour le moment.</p>}
      <h2 class="fr-h4 fr-mt-4w">Exports</h2>
      <ul>
        <li><a href="/admin/export/aides.csv" download>Catalogue complet (CSV)</a></li>
        <li><a href="/admin/export/avis.csv" download>Avis des visiteuses (CSV)</a></li>
      </ul>
    </AdminLayout>
  );
}

function summarizeImport(report: unknown): string {
  const counts = (report ?? {}) as { created?: number; updated?: number; unchanged?: number; skipped?: number; error?: string };
  if (counts.error) return `échec — ${counts.error}`;
  return `${counts.created ?? 0} nouvelles, ${counts.updated ?? 0} mises à jour, ${counts.unchanged ?? 0} inchangées, ${counts.skipped ?? 0} écartées`;
}
