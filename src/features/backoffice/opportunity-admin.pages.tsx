import type { FieldErrors } from '../../platform/forms.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { CsrfField, ErrorSummary, TextArea } from '../../ui/components/form.tsx';
import { Pagination } from '../../ui/components/pagination.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { FEEDBACK_REASON_LABELS, REPORT_REASON_LABELS } from '../contributions/feedback.vocabulary.ts';
import { OpportunityForm } from '../opportunities/opportunity-form.tsx';
import { OPPORTUNITY_SOURCE_LABELS, OPPORTUNITY_STATUSES, OPPORTUNITY_STATUS_LABELS, type OpportunitySource, type OpportunityStatus } from '../opportunities/opportunity.vocabulary.ts';
import { AdminLayout } from './admin-layout.tsx';
import type { listPendingDeclarations } from '../parity/parity-admin.queries.ts';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { FeedbackSummary, LikelyDuplicate, listInReview, listOpportunitiesForAdmin, listResourcesInReview, reportsFor } from './moderation.queries.ts';

const day = (value: Date) => formatFrenchDate(parisDate(value));

export function ReviewQueuePage({ ctx, items, resources, declarations, isAdmin, flash }: {
  ctx: PageContext; items: Awaited<ReturnType<typeof listInReview>>; resources: Awaited<ReturnType<typeof listResourcesInReview>>;
  declarations: Awaited<ReturnType<typeof listPendingDeclarations>>; isAdmin: boolean; flash?: string | null;
}) {
  return (
    <AdminLayout ctx={ctx} title="À relire" isAdmin={isAdmin} flash={flash}>
      <p>Propositions du public et aides importées, de la plus ancienne à la plus récente. Rien n’est publié sans votre relecture.</p>
      <h2 class="fr-h4">Aides</h2>
      {items.length === 0 ? <p>Aucune aide à relire.</p> : (
        <SimpleTable caption="Aides en attente de relecture" headers={['Aide', 'Organisme', 'Origine', 'Reçue le']}
          rows={items.map((item) => [<a href={`/admin/aides/${item.id}`}>{item.title}</a>, item.organizer, OPPORTUNITY_SOURCE_LABELS[item.source as OpportunitySource], day(item.createdAt)])} />
      )}
      <h2 class="fr-h4 fr-mt-4w">Ressources</h2>
      {resources.length === 0 ? <p>Aucune ressource à relire.</p> : (
        <SimpleTable caption="Ressources proposées en attente de relecture" headers={['Ressource', 'Reçue le']}
          rows={resources.map((item) => [<a href={`/admin/ressources/${item.id}`}>{item.title}</a>, day(item.createdAt)])} />
      )}
      <h2 class="fr-h4 fr-mt-4w">Déclarations de l’index de la parité</h2>
      {declarations.length === 0 ? <p>Aucune déclaration à relire.</p> : (
        <SimpleTable caption="Déclarations des organisations en attente de relecture" headers={['Organisation', 'Année', 'Représentante', 'Reçue le']}
          rows={declarations.map((item) => [<a href={`/admin/index-parite/declarations/${item.id}`}>{item.organization}</a>, String(item.year), item.representativeVerified ? 'Vérifiée' : 'À vérifier', day(item.createdAt)])} />
      )}
    </AdminLayout>
  );
}

export function OpportunityListPage({ ctx, result, text, status, page, isAdmin }: {
  ctx: PageContext; result: Awaited<ReturnType<typeof listOpportunitiesForAdmin>>; text: string; status: OpportunityStatus | null; page: number; isAdmin: boolean;
}) {
  const query = (nextPage: number) => `/admin/aides?${new URLSearchParams({ ...(text ? { q: text } : {}), ...(status ? { statut: status } : {}), ...(nextPage > 1 ? { page: String(nextPage) } : {}) })}`;
  return (
    <AdminLayout ctx={ctx} title="Aides" isAdmin={isAdmin}>
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/aides/nouvelle">Créer une aide</a></p>
      <form method="get" action="/admin/aides" class="fr-mb-3w">
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div class="fr-col-12 fr-col-md-6">
            <div class="fr-input-group">
              <label class="fr-label" for="recherche-admin">Titre ou organisme</label>
              <input class="fr-input" id="recherche-admin" name="q" type="search" value={text} />
            </div>
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <div class="fr-select-group">
              <label class="fr-label" for="statut-admin">État</label>
              <select class="fr-select" id="statut-admin" name="statut">
                <option value="" selected={!status}>Tous</option>
                {OPPORTUNITY_STATUSES.map((value) => <option value={value} selected={status === value} key={value}>{OPPORTUNITY_STATUS_LABELS[value]}</option>)}
              </select>
            </div>
          </div>
          <div class="fr-col-12 fr-col-md-2"><button class="fr-btn" type="submit">Filtrer</button></div>
        </div>
      </form>
      <p>{result.total} aide{result.total > 1 ? 's' : ''}</p>
      <SimpleTable caption="Aides du catalogue" headers={['Aide', 'État', 'Origine', 'Vérifiée le', 'Modifiée le']}
        rows={result.rows.map((row) => [
          <a href={`/admin/aides/${row.id}`}>{row.title}</a>, OPPORTUNITY_STATUS_LABELS[row.status], OPPORTUNITY_SOURCE_LABELS[row.source],
          row.lastVerifiedOn ? formatFrenchDate(row.lastVerifiedOn) : 'non', day(row.updatedAt),
        ])} />
      <Pagination page={page} pageCount={result.pageCount} hrefFor={query} />
    </AdminLayout>
  );
}

interface EditPageProps {
  ctx: PageContext;
  isAdmin: boolean;
  opportunity: { id: number; slug: string; title: string; status: OpportunityStatus; source: OpportunitySource; refusalReason: string | null } | null;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  duplicates: LikelyDuplicate[];
  feedback: FeedbackSummary | null;
  reports: Awaited<ReturnType<typeof reportsFor>>;
  flash?: string | null;
  actionError?: string | null;
}

function StatusActions({ ctx, opportunity, errors }: { ctx: PageContext; opportunity: NonNullable<EditPageProps['opportunity']>; errors?: FieldErrors }) {
  const button = (action: string, label: string, secondary = true) => (
    <form method="post" action={`/admin/aides/${opportunity.id}/${action}`} class="fr-mb-2w">
      <CsrfField token={ctx.csrfToken()} />
      <button class={`fr-btn${secondary ? ' fr-btn--secondary' : ''}`} type="submit">{label}</button>
    </form>
  );
  return (
    <section class="fr-mb-4w" aria-labelledby="decision">
      <h2 id="decision" class="fr-h4">Décision</h2>
      <p>État actuel : <strong>{OPPORTUNITY_STATUS_LABELS[opportunity.status]}</strong> — origine : {OPPORTUNITY_SOURCE_LABELS[opportunity.source]}
        {opportunity.status === 'published' ? <> — <a href={`/aides/${opportunity.slug}`}>voir la fiche publique</a></> : null}</p>
      {opportunity.refusalReason ? <p>Motif du refus : {opportunity.refusalReason}</p> : null}
      {opportunity.status === 'in_review' || opportunity.status === 'draft' || opportunity.status === 'refused' ? button('publier', 'Publier telle quelle', false) : null}
      {opportunity.status !== 'archived' ? button('archiver', 'Archiver') : button('restaurer', 'Restaurer (republier)')}
      {opportunity.status === 'in_review' || opportunity.status === 'draft' ? (
        <form method="post" action={`/admin/aides/${opportunity.id}/refuser`}>
          <CsrfField token={ctx.csrfToken()} />
          {errors?.reason ? <ErrorSummary errors={{ reason: errors.reason }} labels={{ reason: 'Motif du refus' }} /> : null}
          <TextArea name="reason" label="Motif du refus" hint="Envoyé par email à la personne qui l’a proposée." error={errors?.reason} rows={3} maxLength={1000} />
          <button class="fr-btn fr-btn--tertiary" type="submit">Refuser</button>
        </form>
      ) : null}
    </section>
  );
}

export function OpportunityEditPage({ ctx, isAdmin, opportunity, values, errors, duplicates, feedback, reports, flash, actionError }: EditPageProps) {
  const title = opportunity ? opportunity.title : 'Créer une aide';
  return (
    <AdminLayout ctx={ctx} title={title} isAdmin={isAdmin} flash={flash} trail={[{ label: 'Aides', href: '/admin/aides' }]}>
      {actionError ? <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert"><p>{actionError}</p></div> : null}
      {opportunity ? <StatusActions ctx={ctx} opportunity={opportunity} errors={errors?.reason ? errors : undefined} /> : null}
      {opportunity ? (
        <section class="fr-mb-4w" aria-labelledby="doublons">
          <h2 id="doublons" class="fr-h4">Doublons probables</h2>
          {duplicates.length === 0 ? <p>Aucune aide ressemblante.</p> : (
            <ul>
              {duplicates.map((duplicate) => (
                <li key={duplicate.id}>
                  <a href={`/admin/aides/${duplicate.id}`}>{duplicate.title}</a> — {duplicate.organizer} ({OPPORTUNITY_STATUS_LABELS[duplicate.status]}, ressemblance {Math.round(duplicate.score * 100)} %)
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="contenu-fiche">
        <h2 id="contenu-fiche" class="fr-h4">{opportunity ? 'Modifier la fiche' : 'Nouvelle fiche'}</h2>
        <OpportunityForm
          action={opportunity ? `/admin/aides/${opportunity.id}` : '/admin/aides/nouvelle'}
          csrfToken={ctx.csrfToken()}
          values={values}
          errors={errors?.reason ? undefined : errors}
          mode="moderation"
          submitLabel="Enregistrer"
          extraButtons={opportunity && opportunity.status !== 'published' ? <li><button class="fr-btn fr-btn--secondary" type="submit" name="intention" value="publier">Enregistrer et publier</button></li> : null}
        />
      </section>
      {opportunity ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Signalements</h2>
          {reports.length === 0 ? <p>Aucun signalement.</p> : (
            <ul>{reports.map((report) => <li key={report.id}>{day(report.createdAt)} — {REPORT_REASON_LABELS[report.reason]}{report.comment ? ` : ${report.comment}` : ''} ({report.status === 'open' ? 'ouvert' : 'traité'})</li>)}</ul>
          )}
          <h2 class="fr-h4 fr-mt-4w">Avis des visiteuses</h2>
          {feedback ? (
            <>
              <p>Utile : {feedback.useful} — utile mais close : {feedback.usefulButClosed} — pas utile : {feedback.notUseful}</p>
              <ul>{Object.entries(feedback.reasons).map(([reason, count]) => <li key={reason}>{FEEDBACK_REASON_LABELS[reason as keyof typeof FEEDBACK_REASON_LABELS] ?? reason} : {count}</li>)}</ul>
            </>
          ) : <p>Aucun avis pour le moment.</p>}
          <p class="fr-mt-3w"><a href={`/admin/journal?q=${opportunity.id}`}>Historique des modifications de cette aide</a></p>
        </>
      ) : null}
    </AdminLayout>
  );
}
