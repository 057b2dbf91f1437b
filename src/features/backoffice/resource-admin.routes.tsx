import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RESOURCE_STATUSES, resources } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { DOCUMENT_MIME_TYPES, detectDocumentKind, sanitizeFileName } from '../../platform/files.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { MEGABYTE, type UploadRule, uploadedFile } from '../../platform/http/uploads.ts';
import type { Storage } from '../../platform/storage.ts';
import { resourceReasons } from '../resources/resources.queries.ts';
import { type ResourceFile, changeResourceStatus, createResourceByTeam, updateResourceByTeam } from './resource-admin.commands.ts';
import { ResourceAdminEditPage, ResourceAdminListPage } from './resource-admin.pages.tsx';
import { resourceAdminSchema, resourceFormValues } from './resource-admin.schema.ts';
import type { Actor } from '../audit/audit.commands.ts';
import type { UserRow } from '../../db/schema/index.ts';

const DOCUMENT_UPLOAD: UploadRule = { files: ['file'], maxFileBytes: 20 * MEGABYTE };
const FLASHES: Record<string, string> = { enregistree: 'La ressource est enregistrée.', publiee: 'La ressource est publiée.', archivee: 'La ressource est archivée.', restauree: 'La ressource est de nouveau publiée.', creee: 'La ressource est créée (brouillon).' };

/** The file of a form, checked by its content (PDF or ODT), or an error message in French. */
function fileOf(body: unknown): { file: ResourceFile | null } | { error: string } {
  const upload = uploadedFile(body, 'file');
  if (!upload) return { file: null };
  const kind = detectDocumentKind(upload.content);
  if (!kind) return { error: 'Le fichier doit être un PDF ou un document ODT (vérifié d’après son contenu, pas son nom).' };
  return { file: { kind, mimeType: DOCUMENT_MIME_TYPES[kind], content: upload.content, fileName: sanitizeFileName(upload.fileName.replace(/\.[^.]*$/, ''), 'document') + `.${kind}` } };
}

export function registerResourceAdminRoutes(admin: FastifyInstance, { storage, actorOf }: { storage: Storage; actorOf: (user: UserRow) => Actor }): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  const idOf = (request: FastifyRequest) => {
    const parsed = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).safeParse(request.params);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data.id;
  };
  const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

  admin.get('/ressources', async (request, reply) => {
    const status = RESOURCE_STATUSES.find((value) => value === (request.query as { statut?: string }).statut) ?? null;
    const rows = await admin.db.select().from(resources).where(status ? eq(resources.status, status) : undefined).orderBy(desc(resources.updatedAt)).limit(300);
    return reply.view(<ResourceAdminListPage ctx={request.pageContext()} rows={rows} status={status} isAdmin={staff(request).role === 'admin'} flash={flashOf(request)} />);
  });

  admin.get('/ressources/nouvelle', async (request, reply) =>
    reply.view(<ResourceAdminEditPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} resource={null} values={{ type: 'sheet', author: 'Équipe Elles font la culture' }} preview={false} reasons={{}} />));

  admin.post('/ressources/nouvelle', { config: { upload: DOCUMENT_UPLOAD } }, async (request, reply) => {
    const user = staff(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(resourceAdminSchema, body);
    const upload = fileOf(body);
    const preview = body.intention === 'apercu';
    if (!form.ok || 'error' in upload || preview) {
      const errors = { ...(form.ok ? {} : form.errors), ...('error' in upload ? { file: upload.error } : {}) };
      const hasErrors = Object.keys(errors).length > 0;
      return reply.view(<ResourceAdminEditPage ctx={request.pageContext()} isAdmin={user.role === 'admin'} resource={null} values={body} errors={hasErrors ? errors : undefined} preview={preview} reasons={{}} />, hasErrors ? 400 : 200);
    }
    const row = await createResourceByTeam(admin.db, storage, form.data, upload.file, actorOf(user), admin.clock);
    return reply.redirect(`/admin/ressources/${row.id}?ok=creee`, 303);
  });

  async function load(id: number) {
    const [row] = await admin.db.select().from(resources).where(eq(resources.id, id));
    if (!row) throw new NotFoundError();
    return row;
  }

  admin.get('/ressources/:id', async (request, reply) => {
    const resource = await load(idOf(request));
    return reply.view(<ResourceAdminEditPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} resource={resource} values={resourceFormValues(resource)} preview={false} reasons={await resourceReasons(admin.db, resource.id)} flash={flashOf(request)} />);
  });

  admin.post('/ressources/:id', { config: { upload: DOCUMENT_UPLOAD } }, async (request, reply) => {
    const user = staff(request);
    const resource = await load(idOf(request));
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(resourceAdminSchema, body);
    const upload = fileOf(body);
    const preview = body.intention === 'apercu';
    if (!form.ok || 'error' in upload || preview) {
      const errors = { ...(form.ok ? {} : form.errors), ...('error' in upload ? { file: upload.error } : {}) };
      const hasErrors = Object.keys(errors).length > 0;
      return reply.view(<ResourceAdminEditPage ctx={request.pageContext()} isAdmin={user.role === 'admin'} resource={resource} values={body} errors={hasErrors ? errors : undefined} preview={preview} reasons={await resourceReasons(admin.db, resource.id)} />, hasErrors ? 400 : 200);
    }
    const publish = body.intention === 'publier';
    const { emailId } = await updateResourceByTeam(admin.db, storage, resource.id, form.data, upload.file, { actor: actorOf(user), publish, publicUrl: admin.config.publicUrl }, admin.clock);
    await admin.mailer.dispatch([emailId]);
    return reply.redirect(`/admin/ressources/${resource.id}?ok=${publish ? 'publiee' : 'enregistree'}`, 303);
  });

  for (const [path, change, flash] of [['publier', 'publish', 'publiee'], ['archiver', 'archive', 'archivee'], ['restaurer', 'restore', 'restauree']] as const) {
    admin.post(`/ressources/:id/${path}`, async (request, reply) => {
      const id = idOf(request);
      const outcome = await changeResourceStatus(admin.db, id, change, { actor: actorOf(staff(request)), publicUrl: admin.config.publicUrl }, admin.clock);
      if ('refused' in outcome) return reply.redirect(`/admin/ressources/${id}`, 303);
      await admin.mailer.dispatch([outcome.emailId]);
      return reply.redirect(`/admin/ressources/${id}?ok=${flash}`, 303);
    });
  }

  const refusal = z.object({ reason: z.string({ error: 'Indiquez le motif du refus.' }).trim().min(5, 'Indiquez le motif du refus (5 caractères au moins).').max(1000, '1 000 caractères au plus.') });
  admin.post('/ressources/:id/refuser', async (request, reply) => {
    const user = staff(request);
    const resource = await load(idOf(request));
    const form = parseForm(refusal, request.body);
    if (!form.ok) {
      return reply.view(<ResourceAdminEditPage ctx={request.pageContext()} isAdmin={user.role === 'admin'} resource={resource} values={resourceFormValues(resource)} errors={form.errors} preview={false} reasons={{}} />, 400);
    }
    const outcome = await changeResourceStatus(admin.db, resource.id, 'refuse', { actor: actorOf(user), reason: form.data.reason, publicUrl: admin.config.publicUrl }, admin.clock);
    if (!('refused' in outcome)) await admin.mailer.dispatch([outcome.emailId]);
    return reply.redirect('/admin/a-relire?ok=refusee', 303);
  });
}
