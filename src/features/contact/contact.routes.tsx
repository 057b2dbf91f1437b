import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CONTACT_SUBJECTS, type ContactSubject, contactMessages } from '../../db/schema/index.ts';
import { requireRole } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { isRobot } from '../../ui/components/honeypot.tsx';
import { emailSchema, refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { MessagePage } from '../contributions/contribution.pages.tsx';
import { recordContactMessage } from './contact.commands.ts';
import { ContactMessagesPage, ContactPage, MESSAGE_MAX_LENGTH } from './contact.pages.tsx';
import { CONTACT_SUBJECT_SLUGS } from './contact.vocabulary.ts';

const LIMITS = { perIp: { limit: 5, windowSeconds: 3600 }, perAddress: { limit: 5, windowSeconds: 86_400 } };

const subjectOfSlug = (slug: unknown) => CONTACT_SUBJECTS.find((subject) => CONTACT_SUBJECT_SLUGS[subject] === slug);

const contactForm = z.object({
  subject: z.string().optional().transform(subjectOfSlug).pipe(z.enum(CONTACT_SUBJECTS, { error: 'Choisissez le sujet de votre message.' })),
  message: z.string({ error: 'Écrivez votre message.' }).trim().min(1, 'Écrivez votre message.')
    .max(MESSAGE_MAX_LENGTH, `Votre message dépasse ${MESSAGE_MAX_LENGTH.toLocaleString('fr-FR')} caractères : raccourcissez-le.`),
  email: emailSchema,
  name: z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(100, 'Le nom ne doit pas dépasser 100 caractères.'))
    .transform((value) => (value === '' ? null : value)),
});

/** "Nous écrire": stored for the back-office and emailed to the team address from configuration. */
export function registerContactRoutes(app: FastifyInstance): void {
  app.get('/nous-ecrire', async (request, reply) => {
    const subject = subjectOfSlug((request.query as { sujet?: string }).sujet);
    return reply.view(<ContactPage ctx={request.pageContext()} values={{ subject: subject ? CONTACT_SUBJECT_SLUGS[subject] : '', email: request.currentUser?.email ?? '' }} />);
  });

  app.post('/nous-ecrire', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (isRobot(body)) return reply.redirect('/nous-ecrire/merci', 303);
    await refuseWhenTooMany(app, [{ key: `contact:ip:${request.ip}`, rule: LIMITS.perIp }]);
    const form = parseForm(contactForm, body);
    if (!form.ok) return reply.view(<ContactPage ctx={request.pageContext()} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `contact:email:${form.data.email}`, rule: LIMITS.perAddress }]);
    const emailId = await recordContactMessage(app.db, { ...form.data, subject: form.data.subject as ContactSubject }, {
      userId: request.currentUser?.id ?? null, clock: app.clock, teamAddress: app.config.mail.teamAddress, publicUrl: app.config.publicUrl,
    });
    if (emailId !== null) await app.mailer.dispatch([emailId]);
    return reply.redirect('/nous-ecrire/merci', 303);
  });

  app.get('/nous-ecrire/merci', async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Message envoyé" lead="Merci. L’équipe l’a bien reçu et vous répondra par email, en général sous une semaine." />));
}

/** Back-office: the messages, and marking them handled. */
export function registerContactAdminRoutes(admin: FastifyInstance): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  admin.get('/messages', async (request, reply) => {
    const messages = await admin.db.select().from(contactMessages).orderBy(desc(contactMessages.createdAt), desc(contactMessages.id)).limit(200);
    const flash = (request.query as { ok?: string }).ok === 'traite' ? 'Le message est marqué comme traité.' : null;
    return reply.view(<ContactMessagesPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} messages={messages} flash={flash} />);
  });

  admin.post('/messages/:id/traite', async (request, reply) => {
    staff(request);
    const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as { id?: string }).id);
    if (!id.success) throw new NotFoundError();
    const updated = await admin.db.update(contactMessages).set({ handledAt: admin.clock.now() }).where(eq(contactMessages.id, id.data)).returning({ id: contactMessages.id });
    if (updated.length === 0) throw new NotFoundError();
    return reply.redirect('/admin/messages?ok=traite', 303);
  });
}
