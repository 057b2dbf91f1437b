import { formatParisDateTime } from '../../platform/dates.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../../ui/components/form.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import type { activePairs, openReviewReports, QueueFigures, reportWithReview, waitingRequests } from './peer-review.queries.ts';
import { LANGUAGE_LABELS, READINESS_LABELS } from './peer-review.vocabulary.ts';

const TRAIL = [{ label: 'Revue de dossier', href: '/admin/revue-de-dossier' }];
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const days = (value: number | null) => (value === null ? '—' : `${value.toFixed(1).replace('.', ',')} j`);

function Tile({ figure, label }: { figure: string; label: string }) {
  return (
    <div class="fr-col-6 fr-col-md-3">
      <div class="fr-tile fr-tile--sm fr-tile--no-icon"><div class="fr-tile__body"><div class="fr-tile__content">
        <p class="fr-tile__title">{figure}</p><p class="fr-tile__desc">{label}</p>
      </div></div></div>
    </div>
  );
}

export function PeerReviewAdminPage({ ctx, isAdmin, figures, waiting, pairs, reports, now, errors, flash }: {
  ctx: PageContext; isAdmin: boolean; figures: QueueFigures; waiting: Awaited<ReturnType<typeof waitingRequests>>; pairs: Awaited<ReturnType<typeof activePairs>>;
  reports: Awaited<ReturnType<typeof openReviewReports>>; now: Date; errors?: FieldErrors; flash?: string | null;
}) {
  return (
    <AdminLayout ctx={ctx} title="Revue de dossier" isAdmin={isAdmin} flash={flash}>
      <h2 class="fr-h4">La file</h2>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <Tile figure={String(figures.waitingDossiers)} label="dossiers en attente" />
        <Tile figure={String(figures.waitingVolunteers)} label="bénévoles disponibles" />
        <Tile figure={String(figures.activePairs)} label="paires en cours" />
        <Tile figure={String(figures.overdue)} label="paires en retard" />
        <Tile figure={String(figures.released)} label="échanges terminés" />
        <Tile figure={days(figures.medianWaitDays)} label="attente médiane avant appariement" />
        <Tile figure={percent(figures.completionRate)} label="paires menées au bout" />
        <Tile figure={percent(figures.usefulRate)} label={`retours jugés utiles (${figures.ratings} avis ; bienveillants : ${percent(figures.kindRate)})`} />
      </div>

      <h2 class="fr-h4">Apparier à la main</h2>
      {errors && <ErrorSummary errors={errors} />}
      <form method="post" action="/admin/revue-de-dossier/apparier" class="fr-mb-4w" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-6"><TextField name="first" label="Numéro de la première demande" inputMode="numeric" error={errors?.first} maxLength={10} /></div>
          <div class="fr-col-6"><TextField name="second" label="Numéro de la seconde demande" inputMode="numeric" error={errors?.second} maxLength={10} /></div>
        </div>
        <SubmitButton>Apparier</SubmitButton>
      </form>

      <h2 class="fr-h4">En attente</h2>
      {waiting.length === 0 ? <p>Personne n’attend.</p> : (
        <SimpleTable caption="Demandes en attente, en tête de file d’abord" headers={['N°', 'Type', 'Personne', 'Pratiques', 'Langues', 'Date limite', 'Attend depuis']}
          rows={waiting.map(({ request, email }) => [
            String(request.id), `${request.kind === 'dossier' ? 'Dossier' : 'Bénévole'}${request.priority ? ' (prioritaire)' : ''}`, email, request.disciplines.join(', '),
            request.languages.map((language) => LANGUAGE_LABELS[language as keyof typeof LANGUAGE_LABELS] ?? language).join(', '), request.targetDeadline ?? '—',
            `${Math.floor((now.getTime() - request.waitingSince.getTime()) / 86_400_000)} j`,
          ])} />
      )}

      <h2 class="fr-h4 fr-mt-4w">Paires en cours</h2>
      {pairs.length === 0 ? <p>Aucune paire en cours.</p> : (
        <SimpleTable caption="Paires en cours, avec les raisons du choix" headers={['Demandes', 'Appariées le', 'Relectures', 'Pourquoi', 'Action']}
          rows={pairs.map(({ pair, reviews }) => [
            `${pair.requestAId} et ${pair.requestBId}`, formatParisDateTime(pair.pairedAt),
            reviews.map((review) => `${review.reviewerRequestId} → ${review.revieweeRequestId} : ${review.status === 'submitted' ? 'rendue' : review.dueAt < now ? 'en retard' : 'en cours'}`).join(' ; '),
            pair.scoreParts
              ? `score ${pair.scoreParts.total} (pratique ${pair.scoreParts.discipline}, appel ${pair.scoreParts.target}, échéance ${pair.scoreParts.deadline}, attente ${pair.scoreParts.wait}, priorité ${pair.scoreParts.priority}${pair.scoreParts.relaxed ? ', critères élargis' : ''}${pair.scoreParts.volunteer ? ', bénévole' : ''})`
              : pair.pairedBy,
            <form method="post" action={`/admin/revue-de-dossier/paires/${pair.id}/desapparier`}><CsrfField token={ctx.csrfToken()} /><button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Désapparier</button></form>,
          ])} />
      )}

      <h2 class="fr-h4 fr-mt-4w">Retours signalés</h2>
      {reports.length === 0 ? <p>Aucun signalement.</p> : (
        <SimpleTable caption="Retours signalés par les personnes qui les ont reçus" headers={['Reçu le', 'Motif', 'Voir']}
          rows={reports.map(({ report }) => [formatParisDateTime(report.createdAt), report.reason, <a href={`/admin/revue-de-dossier/signalements/${report.id}`}>Lire le retour</a>])} />
      )}
    </AdminLayout>
  );
}

export function ReviewReportPage({ ctx, isAdmin, data }: { ctx: PageContext; isAdmin: boolean; data: NonNullable<Awaited<ReturnType<typeof reportWithReview>>> }) {
  const { report, review } = data;
  return (
    <AdminLayout ctx={ctx} title="Retour signalé" isAdmin={isAdmin} trail={TRAIL}>
      <p><strong>Motif : </strong>{report.reason}</p>
      <p><a href={`/admin/revue-de-dossier/demandes/${review.revieweeRequestId}/dossier.pdf`}>Dossier relu (PDF)</a></p>
      <h2 class="fr-h5">Le retour</h2>
      <p><strong>Où en est le dossier : </strong>{review.readiness ? READINESS_LABELS[review.readiness] : '—'}</p>
      <h3 class="fr-h6">Points forts</h3><p>{review.strengths ?? '(effacé)'}</p>
      <h3 class="fr-h6">Pistes d’amélioration</h3><p>{review.improvements ?? '(effacé)'}</p>
      <h3 class="fr-h6">Conseils pour cet appel</h3><p>{review.advice ?? '(effacé)'}</p>
      {report.status === 'open' && (
        <form method="post" action={`/admin/revue-de-dossier/signalements/${report.id}/traiter`}>
          <CsrfField token={ctx.csrfToken()} />
          <SubmitButton>Marquer comme traité</SubmitButton>
        </form>
      )}
    </AdminLayout>
  );
}
