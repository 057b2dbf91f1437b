import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/current-user.ts';
import { toCsv } from '../../platform/csv.ts';
import { parseForm } from '../../platform/forms.ts';
import { isWellFormedToken } from '../../platform/tokens.ts';
import { isRobot } from '../../ui/components/honeypot.tsx';
import { InvalidLinkPage } from '../accounts/sign-in.pages.tsx';
import { emailSchema, refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { ConfirmActionPage } from '../alerts/alerts.pages.tsx';
import { MessagePage } from '../contributions/contribution.pages.tsx';
import { confirmNewsletterSubscription, confirmedSubscribers, newsletterCounts, requestNewsletterSubscription, unsubscribeFromNewsletter } from './newsletter.commands.ts';
import { NewsletterAdminPage, NewsletterPage } from './newsletter.pages.tsx';

const LIMITS = { perIp: { limit: 10, windowSeconds: 3600 }, perAddress: { limit: 3, windowSeconds: 86_400 } };

const subscribeForm = z.object({
  email: emailSchema,
  consent: z.literal('oui', { error: 'Cochez la case pour accepter de recevoir la lettre.' }),
});

const PATH = '/lettre-d-information';

/** Newsletter with double opt-in: subscribe, confirm by emailed link, unsubscribe by personal link. */
export function registerNewsletterRoutes(app: FastifyInstance): void {
  const invalid = (request: FastifyRequest) => <InvalidLinkPage ctx={request.pageContext()} retryHref={PATH} retryLabel="Recommencer l’inscription" />;

  app.get(PATH, async (request, reply) => reply.view(<NewsletterPage ctx={request.pageContext()} values={{ email: request.currentUser?.email ?? '' }} />));

  app.post(PATH, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (isRobot(body)) return reply.redirect(`${PATH}/verifiez-vos-emails`, 303);
    await refuseWhenTooMany(app, [{ key: `newsletter:ip:${request.ip}`, rule: LIMITS.perIp }]);
    const form = parseForm(subscribeForm, body);
    if (!form.ok) return reply.view(<NewsletterPage ctx={request.pageContext()} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `newsletter:email:${form.data.email}`, rule: LIMITS.perAddress }]);
    const emailId = await requestNewsletterSubscription(app.db, form.data.email, app.clock, app.config.publicUrl);
    if (emailId !== null) await app.mailer.dispatch([emailId]);
    return reply.redirect(`${PATH}/verifiez-vos-emails`, 303);
  });

  app.get(`${PATH}/verifiez-vos-emails`, async (request, reply) =>
    reply.view(<MessagePage ctx={request.pageContext()} title="Vérifiez vos emails" lead="Si cette adresse n’est pas déjà inscrite, un email vient de lui être envoyé : ouvrez le lien qu’il contient pour confirmer votre inscription." />));

  // Opening a link only shows a button: mail scanners that follow links confirm nothing.
  app.get<{ Params: { token: string } }>(`${PATH}/confirmer/:token`, async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(invalid(request), 400);
    return reply.view(<ConfirmActionPage ctx={request.pageContext()} title="Confirmer mon inscription" text="Confirmez pour recevoir la lettre d’information d’Elles font la culture." action={`${PATH}/confirmer`} token={request.params.token} button="Confirmer mon inscription" />);
  });

  app.post(`${PATH}/confirmer`, async (request, reply) => {
    if (!(await confirmNewsletterSubscription(app.db, ((request.body ?? {}) as Record<string, unknown>).jeton, app.clock))) return reply.view(invalid(request), 400);
    return reply.view(<MessagePage ctx={request.pageContext()} title="Inscription confirmée" lead="Merci : vous recevrez la prochaine lettre d’information. Chaque lettre contient un lien pour vous désinscrire." />);
  });

  app.get<{ Params: { token: string } }>(`${PATH}/desinscription/:token`, async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(invalid(request), 400);
    return reply.view(<ConfirmActionPage ctx={request.pageContext()} title="Se désinscrire de la lettre" text="Vous ne recevrez plus la lettre d’information, et votre adresse sera effacée de notre liste." action={`${PATH}/desinscription`} token={request.params.token} button="Me désinscrire" />);
  });

  app.post(`${PATH}/desinscription`, async (request, reply) => {
    if (!(await unsubscribeFromNewsletter(app.db, ((request.body ?? {}) as Record<string, unknown>).jeton))) return reply.view(invalid(request), 400);
    return reply.view(<MessagePage ctx={request.pageContext()} title="Vous êtes désinscrite" lead="Votre adresse a été effacée de la liste de la lettre d’information." />);
  });
}

export function registerNewsletterAdminRoutes(admin: FastifyInstance): void {
  const staff = (request: FastifyRequest) => requireRole(request, ['moderator', 'admin']);
  admin.get('/lettre', async (request, reply) =>
    reply.view(<NewsletterAdminPage ctx={request.pageContext()} isAdmin={staff(request).role === 'admin'} counts={await newsletterCounts(admin.db)} />));

  admin.get('/lettre/abonnees.csv', async (request, reply) => {
    staff(request);
    const rows = await confirmedSubscribers(admin.db);
    const csv = toCsv(['email', 'confirmee_le', 'lien_desinscription'], rows.map((row) => [row.email, row.confirmedAt?.toISOString() ?? '', `${admin.config.publicUrl}${PATH}/desinscription/${row.unsubscribeToken}`]), { spreadsheetSafe: true });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="lettre-abonnees-confirmees.csv"').header('cache-control', 'no-store').send(csv);
  });
}
