import { ORGANIZATION_TYPES, type ParityMetric, type ParityOrganizationRow } from '../../db/schema/index.ts';
import { formatParisDateTime } from '../../platform/dates.ts';
import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { Pagination } from '../../ui/components/pagination.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import { REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import { FiguresFieldset } from './figures-fieldset.tsx';
import type {
  declarationForReview, listOpenCorrectionRequests, listOrganizationsForAdmin, listPendingDeclarations, listRecentDecisions, representativesOf,
} from './parity-admin.queries.ts';
import { assessParity, describeCount } from './parity-rule.ts';
import { METRIC_LABELS, ORGANIZATION_TYPE_LABELS, PARITY_NETWORKS } from './parity.vocabulary.ts';

const TRAIL = [{ label: 'Index de la parité', href: '/admin/index-parite' }];
const DECISION_LABELS = { pending: 'En attente', published: 'Publiée', rejected: 'Refusée' } as const;

export function ParityAdminPage({ ctx, isAdmin, pending, decisions, requests, organizations, text, page, flash }: {
  ctx: PageContext; isAdmin: boolean; pending: Awaited<ReturnType<typeof listPendingDeclarations>>; decisions: Awaited<ReturnType<typeof listRecentDecisions>>;
  requests: Awaited<ReturnType<typeof listOpenCorrectionRequests>>;
  organizations: Awaited<ReturnType<typeof listOrganizationsForAdmin>>; text: string; page: number; flash?: string | null;
}) {
  return (
    <AdminLayout ctx={ctx} title="Index de la parité" isAdmin={isAdmin} flash={flash}>
      <h2 class="fr-h4">Déclarations à relire</h2>
      {pending.length === 0 ? <p>Aucune déclaration en attente.</p> : (
        <SimpleTable caption="Déclarations des organisations en attente, de la plus ancienne à la plus récente" headers={['Organisation', 'Année', 'Représentante', 'Reçue le']}
          rows={pending.map((item) => [<a href={`/admin/index-parite/declarations/${item.id}`}>{item.organization}</a>, String(item.year), item.representativeVerified ? 'Vérifiée' : 'À vérifier', formatParisDateTime(item.createdAt)])} />
      )}
      {decisions.length > 0 && (
        <SimpleTable caption="Dernières décisions" headers={['Organisation', 'Année', 'Décision', 'Par', 'Le']}
          rows={decisions.map((item) => [<a href={`/admin/index-parite/declarations/${item.id}`}>{item.organization}</a>, String(item.year), DECISION_LABELS[item.status], item.reviewedBy ?? '', item.reviewedAt ? formatParisDateTime(item.reviewedAt) : ''])} />
      )}
      <h2 class="fr-h4 fr-mt-4w">Erreurs signalées</h2>
      {requests.length === 0 ? <p>Aucun signalement en attente.</p> : (
        <SimpleTable caption="Signalements d’erreurs, du plus ancien au plus récent" headers={['Organisation', 'Message', 'Reçu le', 'Action']}
          rows={requests.map((item) => [
            <a href={`/admin/index-parite/organisations/${item.organizationId}#corriger`}>{item.organization}</a>, item.message, formatParisDateTime(item.createdAt),
            <form method="post" action={`/admin/index-parite/signalements/${item.id}/traiter`}><CsrfField token={ctx.csrfToken()} /><button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">Marquer comme traité</button></form>,
          ])} />
      )}
      <h2 class="fr-h4 fr-mt-4w">Organisations</h2>
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/index-parite/organisations/nouvelle">Ajouter une organisation</a></p>
      <form method="get" action="/admin/index-parite" class="fr-mb-3w">
        <div class="fr-search-bar" role="search">
          <label class="fr-label" for="recherche-organisation">Nom ou ville</label>
          <input class="fr-input" id="recherche-organisation" name="q" type="search" value={text} />
          <button class="fr-btn" type="submit" title="Rechercher">Rechercher</button>
        </div>
      </form>
      <SimpleTable caption={`${organizations.total} organisations`} headers={['Organisation', 'Type', 'Ville', 'Chiffres publiés', 'Dernière année']}
        rows={organizations.rows.map((row) => [<a href={`/admin/index-parite/organisations/${row.id}`}>{row.name}</a>, ORGANIZATION_TYPE_LABELS[row.type], row.city ?? '', String(row.figures), row.lastYear ? String(row.lastYear) : '—'])} />
      <Pagination page={page} pageCount={organizations.pageCount} hrefFor={(next) => `/admin/index-parite?${new URLSearchParams({ ...(text ? { q: text } : {}), page: String(next) })}`} />
    </AdminLayout>
  );
}

export function DeclarationReviewPage({ ctx, isAdmin, review, errors, actionError }: {
  ctx: PageContext; isAdmin: boolean; review: NonNullable<Awaited<ReturnType<typeof declarationForReview>>>; errors?: FieldErrors; actionError?: string;
}) {
  const { declaration, organization, email, declared, published } = review;
  const current = (metric: ParityMetric) => published.find((figure) => figure.metric === metric);
  return (
    <AdminLayout ctx={ctx} title={`Déclaration ${declaration.year} — ${organization.name}`} isAdmin={isAdmin} trail={TRAIL}>
      {actionError && <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>{actionError}</p></div>}
      {errors && <ErrorSummary errors={errors} />}
      <p>{`État : ${DECISION_LABELS[declaration.status]}${declaration.reviewedBy ? ` (${declaration.reviewedBy})` : ''}. Reçue le ${formatParisDateTime(declaration.createdAt)}.`}</p>
      <h2 class="fr-h5">Représentante</h2>
      <ul>
        <li>{`Adresse : ${email ?? 'compte supprimé'}`}</li>
        <li>{`Fonction déclarée : ${declaration.representativeRole}`}</li>
        <li>{declaration.representativeVerified ? 'Vérifiée (adresse sur le domaine de l’organisation, ou déjà reconnue par l’équipe).' : 'Non vérifiée : vérifiez son lien avec l’organisation avant de publier (publier la reconnaît comme représentante).'}</li>
        <li>Page publique : <a href={`/index-parite/${organization.slug}`}>{organization.name}</a>{organization.website ? ` — site : ${organization.website}` : ' — site non renseigné'}</li>
      </ul>
      <h2 class="fr-h5">Chiffres déclarés</h2>
      {declared.length === 0 ? <p>Aucun chiffre : la déclaration ne porte que sur le texte.</p> : (
        <SimpleTable caption={`Chiffres ${declaration.year} : déclarés et actuellement publiés`} headers={['Indicateur', 'Déclaré', 'Publié aujourd’hui', 'Source déclarée']} rowHeaders
          rows={declared.map((figure) => {
            const before = current(figure.metric);
            return [METRIC_LABELS[figure.metric], `${describeCount(figure)} (${assessParity(figure).shareText})`, before ? `${describeCount(before)} (${assessParity(before).shareText})` : 'non renseigné', figure.source];
          })} />
      )}
      <h2 class="fr-h5">Texte sur les actions pour l’égalité</h2>
      {declaration.equalityText ? declaration.equalityText.split(/\n\s*\n/).map((paragraph, index) => <p key={index}>{paragraph}</p>) : <p>Aucun texte.</p>}
      {declaration.comment && <><h2 class="fr-h5">Message à l’équipe</h2><p>{declaration.comment}</p></>}
      {declaration.refusalReason && <p>{`Motif du refus : ${declaration.refusalReason}`}</p>}
      {declaration.status === 'pending' && (
        <div class="fr-grid-row fr-grid-row--gutters fr-mt-4w">
          <div class="fr-col-12 fr-col-md-6">
            <form method="post" action={`/admin/index-parite/declarations/${declaration.id}/publier`}>
              <CsrfField token={ctx.csrfToken()} />
              <SubmitButton>Publier la déclaration</SubmitButton>
            </form>
          </div>
          <div class="fr-col-12 fr-col-md-6">
            <form method="post" action={`/admin/index-parite/declarations/${declaration.id}/refuser`}>
              <CsrfField token={ctx.csrfToken()} />
              <TextArea name="reason" label="Motif du refus" hint="Envoyé à la personne qui a déclaré." rows={3} maxLength={1000} error={errors?.reason} />
              <SubmitButton secondary>Refuser</SubmitButton>
            </form>
          </div>
        </div>
      )}
    </AdminLayout>
  );
}

function OrganizationFields({ values, errors }: { values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <>
      <TextField name="name" label="Nom" value={valueOf(values, 'name')} error={errors?.name} maxLength={200} required />
      <SelectField name="type" label="Type" value={valueOf(values, 'type')} error={errors?.type} placeholder="Choisir un type"
        options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: ORGANIZATION_TYPE_LABELS[type] }))} />
      <TextField name="city" label="Ville (facultatif)" value={valueOf(values, 'city')} error={errors?.city} maxLength={120} />
      <SelectField name="region" label="Région (facultatif)" value={valueOf(values, 'region')} error={errors?.region} options={REGIONS.map((region) => ({ value: region, label: region }))} />
      <SelectField name="network" label="Réseau (facultatif)" value={valueOf(values, 'network')} error={errors?.network} options={PARITY_NETWORKS.map((network) => ({ value: network, label: network }))} />
      <TextField name="website" label="Site (facultatif)" hint="Son domaine reconnaît les représentantes : une adresse email sur ce domaine peut déclarer sans vérification manuelle." type="url" value={valueOf(values, 'website')} error={errors?.website} maxLength={300} />
      <TextField name="parent" label="Pour un prix : organisation qui le décerne (facultatif)" hint="L’identifiant de sa page, par exemple « visa-pour-l-image »." value={valueOf(values, 'parent')} error={errors?.parent} maxLength={120} />
    </>
  );
}

export function OrganizationCreatePage({ ctx, isAdmin, values, errors }: { ctx: PageContext; isAdmin: boolean; values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <AdminLayout ctx={ctx} title="Ajouter une organisation" isAdmin={isAdmin} trail={TRAIL}>
      {errors && <ErrorSummary errors={errors} />}
      <form method="post" action="/admin/index-parite/organisations/nouvelle" novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <OrganizationFields values={values} errors={errors} />
        <SubmitButton>Ajouter</SubmitButton>
      </form>
    </AdminLayout>
  );
}

export function OrganizationAdminPage({ ctx, isAdmin, organization, values, errors, metrics, years, figureValues, figureErrors, representatives, flash }: {
  ctx: PageContext; isAdmin: boolean; organization: ParityOrganizationRow; values: Record<string, unknown>; errors?: FieldErrors; metrics: readonly ParityMetric[]; years: readonly number[];
  figureValues?: Record<string, unknown>; figureErrors?: FieldErrors; representatives: Awaited<ReturnType<typeof representativesOf>>; flash?: string | null;
}) {
  return (
    <AdminLayout ctx={ctx} title={organization.name} isAdmin={isAdmin} trail={TRAIL} flash={flash}>
      <p>Page publique : <a href={`/index-parite/${organization.slug}`}>{`/index-parite/${organization.slug}`}</a> (adresse et identifiant des données ouvertes, stables).</p>
      <h2 class="fr-h4">Informations</h2>
      {errors && <ErrorSummary errors={errors} />}
      <form method="post" action={`/admin/index-parite/organisations/${organization.id}`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <OrganizationFields values={values} errors={errors} />
        <SubmitButton>Enregistrer</SubmitButton>
      </form>
      <h2 class="fr-h4 fr-mt-6w" id="corriger">Corriger des chiffres</h2>
      <p>Publiés aussitôt. L’ancien chiffre reste dans l’historique public des corrections (« Équipe Elles font la culture ») et le journal des actions garde votre nom.</p>
      {figureErrors && <ErrorSummary errors={figureErrors} />}
      <form method="post" action={`/admin/index-parite/organisations/${organization.id}/chiffres`} novalidate>
        <CsrfField token={ctx.csrfToken()} />
        <FiguresFieldset metrics={metrics} years={years} values={figureValues} errors={figureErrors} />
        <SubmitButton>Publier la correction</SubmitButton>
      </form>
      <h2 class="fr-h4 fr-mt-6w">Représentantes reconnues</h2>
      {representatives.length === 0 ? <p>Aucune pour l’instant.</p> : (
        <SimpleTable caption="Personnes qui peuvent déclarer pour cette organisation" headers={['Adresse', 'Reconnue par', 'Depuis']}
          rows={representatives.map((row) => [row.email, row.verifiedBy === 'domain' ? 'Domaine de l’adresse' : 'L’équipe', formatParisDateTime(row.createdAt)])} />
      )}
    </AdminLayout>
  );
}
