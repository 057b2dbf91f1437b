import { RESOURCE_STAGES, RESOURCE_STATUSES, RESOURCE_THEMES, RESOURCE_TYPES, type ResourceRow, type ResourceStatus } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { type FieldErrors, valueOf, valuesOf } from '../../platform/forms.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../ui/components/form.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { RESOURCE_REASON_LABELS, RESOURCE_TYPE_LABELS, STAGE_LABELS, THEME_LABELS } from '../resources/resource.vocabulary.ts';
import { AdminLayout } from './admin-layout.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';

export const RESOURCE_STATUS_LABELS: Record<ResourceStatus, string> = {
  draft: 'Brouillon', in_review: 'À relire', published: 'Publiée', refused: 'Refusée', archived: 'Archivée',
};

const LABELS: Record<string, string> = {
  type: 'Type', title: 'Titre', summary: 'Résumé', objective: 'Objectif', introduction: 'En bref', body: 'Corps', keyTakeaways: 'À retenir', sources: 'Sources',
  author: 'Autrice', themes: 'Thèmes', careerStages: 'Étapes de parcours', tags: 'Mots-clés', lastUpdatedOn: 'Mise à jour le', speakers: 'Intervenantes',
  videoUrl: 'Adresse du lecteur vidéo', transcript: 'Transcription', startsAt: 'Date et heure (Paris)', durationMinutes: 'Durée', eventFormat: 'Format',
  registrationUrl: 'Lien d’inscription', replayUrl: 'Lien du replay', externalUrl: 'Adresse de la ressource', file: 'Fichier',
};

export function ResourceAdminListPage({ ctx, rows, status, isAdmin, flash }: { ctx: PageContext; rows: ResourceRow[]; status: ResourceStatus | null; isAdmin: boolean; flash?: string | null }) {
  return (
    <AdminLayout ctx={ctx} title="Ressources" isAdmin={isAdmin} flash={flash}>
      <p><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/ressources/nouvelle">Créer une ressource</a></p>
      <form method="get" action="/admin/ressources" class="fr-mb-3w">
        <div class="fr-select-group">
          <label class="fr-label" for="statut-ressources">État</label>
          <select class="fr-select" id="statut-ressources" name="statut">
            <option value="" selected={!status}>Tous</option>
            {RESOURCE_STATUSES.map((value) => <option value={value} selected={status === value} key={value}>{RESOURCE_STATUS_LABELS[value]}</option>)}
          </select>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit">Filtrer</button>
      </form>
      <SimpleTable caption="Ressources" headers={['Titre', 'Type', 'État', 'Modifiée le']}
        rows={rows.map((row) => [<a href={`/admin/ressources/${row.id}`}>{row.title}</a>, RESOURCE_TYPE_LABELS[row.type], RESOURCE_STATUS_LABELS[row.status], formatFrenchDate(parisDate(row.updatedAt))])} />
    </AdminLayout>
  );
}

interface EditProps {
  ctx: PageContext;
  isAdmin: boolean;
  resource: ResourceRow | null;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  preview: boolean;
  reasons: Record<string, number>;
  flash?: string | null;
  actionError?: string | null;
}

function Preview({ values }: { values: Record<string, unknown> }) {
  const parts = ['introduction', 'body', 'transcript'].map((name) => valueOf(values, name)).filter(Boolean);
  return (
    <section class="fr-mb-4w fr-p-3w eflc-feedback" aria-labelledby="apercu">
      <h2 id="apercu" class="fr-h4">Aperçu (tel qu’il sera publié, après nettoyage)</h2>
      {parts.length === 0 ? <p>Rien à prévisualiser.</p> : parts.map((source, index) => <div class="eflc-markdown" key={index} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />)}
    </section>
  );
}

function statusButtons(ctx: PageContext, resource: ResourceRow) {
  const button = (action: string, label: string) => (
    <form method="post" action={`/admin/ressources/${resource.id}/${action}`} class="fr-mb-2w">
      <CsrfField token={ctx.csrfToken()} />
      <button class="fr-btn fr-btn--secondary" type="submit">{label}</button>
    </form>
  );
  return (
    <>
      {resource.status !== 'published' && resource.status !== 'archived' ? button('publier', 'Publier telle quelle') : null}
      {resource.status !== 'archived' ? button('archiver', 'Archiver') : button('restaurer', 'Restaurer (republier)')}
    </>
  );
}

export function ResourceAdminEditPage({ ctx, isAdmin, resource, values, errors, preview, reasons, flash, actionError }: EditProps) {
  const value = (name: string) => valueOf(values, name);
  return (
    <AdminLayout ctx={ctx} title={resource ? resource.title : 'Créer une ressource'} isAdmin={isAdmin} flash={flash} trail={[{ label: 'Ressources', href: '/admin/ressources' }]}>
      {actionError ? <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert"><p>{actionError}</p></div> : null}
      {resource ? (
        <section class="fr-mb-4w" aria-labelledby="decision">
          <h2 id="decision" class="fr-h4">Décision</h2>
          <p>État : <strong>{RESOURCE_STATUS_LABELS[resource.status]}</strong>{resource.status === 'published' ? <> — <a href={`/ressources/${resource.slug}`}>voir la page publique</a></> : null}</p>
          {statusButtons(ctx, resource)}
          {resource.status === 'in_review' || resource.status === 'draft' ? (
            <form method="post" action={`/admin/ressources/${resource.id}/refuser`}>
              <CsrfField token={ctx.csrfToken()} />
              <TextArea name="reason" label="Motif du refus" hint="Envoyé par email à la personne qui l’a proposée." error={errors?.reason} rows={3} maxLength={1000} />
              <button class="fr-btn fr-btn--tertiary" type="submit">Refuser</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {preview ? <Preview values={values} /> : null}
      <form method="post" action={resource ? `/admin/ressources/${resource.id}` : '/admin/ressources/nouvelle'} encType="multipart/form-data" noValidate>
        <CsrfField token={ctx.csrfToken()} />
        {errors && !errors.reason ? <ErrorSummary errors={errors} labels={LABELS} /> : null}
        <SelectField name="type" label={LABELS.type!} value={value('type')} error={errors?.type} placeholder="Choisir un type" options={RESOURCE_TYPES.map((type) => ({ value: type, label: RESOURCE_TYPE_LABELS[type] }))} />
        <TextField name="title" label={LABELS.title!} value={value('title')} error={errors?.title} maxLength={200} />
        <TextArea name="summary" label={LABELS.summary!} value={value('summary')} error={errors?.summary} rows={2} maxLength={600} />
        <TextField name="objective" label={`${LABELS.objective} (fiches)`} value={value('objective')} error={errors?.objective} maxLength={400} />
        <TextArea name="introduction" label={`${LABELS.introduction} (Markdown)`} value={value('introduction')} error={errors?.introduction} rows={4} />
        <TextArea name="body" label={`${LABELS.body} (Markdown)`} hint="Titres ## et ###, listes, gras, liens https://. Le HTML est ignoré." value={value('body')} error={errors?.body} rows={14} />
        <TextArea name="keyTakeaways" label={`${LABELS.keyTakeaways} (un point par ligne)`} value={value('keyTakeaways')} error={errors?.keyTakeaways} rows={4} />
        <TextArea name="sources" label={`${LABELS.sources} (une par ligne : Titre | https://… | Éditeur)`} value={value('sources')} error={errors?.sources} rows={4} />
        <TextField name="author" label={LABELS.author!} value={value('author')} error={errors?.author} maxLength={120} />
        <ChoiceGroup name="themes" legend={LABELS.themes!} type="checkbox" inline selected={valuesOf(values, 'themes')} error={errors?.themes} options={RESOURCE_THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }))} />
        <ChoiceGroup name="careerStages" legend={LABELS.careerStages!} type="checkbox" inline selected={valuesOf(values, 'careerStages')} error={errors?.careerStages} options={RESOURCE_STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))} />
        <TextField name="tags" label={`${LABELS.tags} (séparés par des virgules)`} value={value('tags')} error={errors?.tags} maxLength={500} />
        <TextField name="lastUpdatedOn" label={`${LABELS.lastUpdatedOn} (AAAA-MM-JJ)`} value={value('lastUpdatedOn')} error={errors?.lastUpdatedOn} maxLength={10} />
        <h2 class="fr-h4 fr-mt-4w">Vidéos et ateliers</h2>
        <TextArea name="speakers" label={`${LABELS.speakers} (une par ligne : Nom | rôle)`} value={value('speakers')} error={errors?.speakers} rows={3} />
        <TextField name="videoUrl" label={LABELS.videoUrl!} type="url" hint="Lecteur intégrable (PeerTube, youtube-nocookie.com…). Rien n’est chargé avant le clic de la visiteuse." value={value('videoUrl')} error={errors?.videoUrl} maxLength={500} />
        <TextArea name="transcript" label={`${LABELS.transcript} (Markdown)`} value={value('transcript')} error={errors?.transcript} rows={8} />
        <TextField name="startsAt" label={`${LABELS.startsAt} (AAAA-MM-JJTHH:MM)`} value={value('startsAt')} error={errors?.startsAt} maxLength={16} />
        <TextField name="durationMinutes" label={`${LABELS.durationMinutes} en minutes`} inputMode="numeric" value={value('durationMinutes')} error={errors?.durationMinutes} maxLength={4} />
        <TextField name="eventFormat" label={LABELS.eventFormat!} hint="Webinaire, atelier…" value={value('eventFormat')} error={errors?.eventFormat} maxLength={40} />
        <TextField name="registrationUrl" label={LABELS.registrationUrl!} type="url" value={value('registrationUrl')} error={errors?.registrationUrl} maxLength={500} />
        <TextField name="replayUrl" label={LABELS.replayUrl!} type="url" value={value('replayUrl')} error={errors?.replayUrl} maxLength={500} />
        <h2 class="fr-h4 fr-mt-4w">Modèles et liens</h2>
        <FileField name="file" label={`${LABELS.file} (modèles)`} hint={`PDF ou ODT, 20 Mo au plus.${resource?.fileName ? ` Fichier actuel : ${resource.fileName}.` : ''}`}
          accept=".pdf,.odt,application/pdf,application/vnd.oasis.opendocument.text" error={errors?.file} />
        <TextField name="externalUrl" label={LABELS.externalUrl!} type="url" value={value('externalUrl')} error={errors?.externalUrl} maxLength={500} />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li><button class="fr-btn" type="submit">Enregistrer</button></li>
          <li><button class="fr-btn fr-btn--secondary" type="submit" name="intention" value="apercu">Prévisualiser</button></li>
          {resource && resource.status !== 'published' ? <li><button class="fr-btn fr-btn--secondary" type="submit" name="intention" value="publier">Enregistrer et publier</button></li> : null}
        </ul>
      </form>
      {resource && Object.keys(reasons).length > 0 ? (
        <>
          <h2 class="fr-h4 fr-mt-4w">Raisons données par les visiteuses</h2>
          <ul>{Object.entries(reasons).map(([reason, count]) => <li key={reason}>{RESOURCE_REASON_LABELS[reason] ?? reason} : {count}</li>)}</ul>
        </>
      ) : null}
    </AdminLayout>
  );
}
