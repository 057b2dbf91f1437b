import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clearSessionCookie, safeReturnPath, sessionTokenOf, setSessionCookie } from '../../platform/auth/current-user.ts';
import { deleteSession } from '../../platform/auth/sessions.ts';
import { normalizeEmail, parseForm } from '../../platform/forms.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isWellFormedToken } from '../../platform/tokens.ts';
import { requestSignInLink, signInWithToken } from './sign-in.commands.ts';
import { ConfirmSignInPage, InvalidLinkPage, LinkSentPage, SignInPage } from './sign-in.pages.tsx';

export const emailSchema = z
  .string({ error: 'Indiquez votre adresse email.' })
  .trim()
  .min(1, 'Indiquez votre adresse email.')
  .max(254, 'Cette adresse est trop longue.')
  .pipe(z.email('Indiquez une adresse email valide, par exemple nom@domaine.fr.'))
  .transform(normalizeEmail);

const signInForm = z.object({ email: emailSchema, retour: z.string().optional() });

// Per address and per connection: enough for a person, too few to flood someone's inbox.
export const SIGN_IN_LIMITS = {
  perAddress: { limit: 5, windowSeconds: 3600 },
  perIp: { limit: 20, windowSeconds: 900 },
};

export async function refuseWhenTooMany(app: FastifyInstance, keys: { key: string; rule: { limit: number; windowSeconds: number } }[]) {
  for (const { key, rule } of keys) {
    if (!(await app.rateLimiter.consume(key, rule))) throw new AppError('rate_limited', 429, 'Trop de demandes');
  }
}

export function registerSignInRoutes(app: FastifyInstance): void {
  app.get<{ Querystring: { retour?: string } }>('/connexion', async (request, reply) => {
    if (request.currentUser) return reply.redirect('/mon-espace', 303);
    return reply.view(<SignInPage ctx={request.pageContext()} returnTo={safeReturnPath(request.query.retour)} />);
  });

  app.post('/connexion', async (request, reply) => {
    const form = parseForm(signInForm, request.body);
    if (!form.ok) {
      const email = typeof form.values.email === 'string' ? form.values.email : '';
      return reply.view(<SignInPage ctx={request.pageContext()} email={email} errors={form.errors} returnTo={safeReturnPath(form.values.retour)} />, 400);
    }
    await refuseWhenTooMany(app, [
      { key: `sign-in:ip:${request.ip}`, rule: SIGN_IN_LIMITS.perIp },
      { key: `sign-in:email:${form.data.email}`, rule: SIGN_IN_LIMITS.perAddress },
    ]);
    const emailId = await requestSignInLink(app.db, {
      email: form.data.email,
      redirectTo: safeReturnPath(form.data.retour),
      clock: app.clock,
      publicUrl: app.config.publicUrl,
    });
    await app.mailer.dispatch([emailId]);
    return reply.redirect('/connexion/envoye', 303);
  });

  app.get('/connexion/envoye', async (request, reply) => reply.view(<LinkSentPage ctx={request.pageContext()} />));

  app.get<{ Params: { token: string } }>('/connexion/lien/:token', async (request, reply) => {
    if (!isWellFormedToken(request.params.token)) return reply.view(<InvalidLinkPage ctx={request.pageContext()} />, 400);
    return reply.view(<ConfirmSignInPage ctx={request.pageContext()} token={request.params.token} />);
  });

  app.post('/connexion/lien', async (request: FastifyRequest, reply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.jeton;
    const signedIn = await signInWithToken(app.db, token, app.clock);
    if (!signedIn) return reply.view(<InvalidLinkPage ctx={request.pageContext()} />, 400);
    setSessionCookie(reply, signedIn.sessionToken);
    return reply.redirect(signedIn.redirectTo ?? '/mon-espace', 303);
  });

  app.post('/deconnexion', async (request, reply) => {
    await deleteSession(app.db, sessionTokenOf(request));
    clearSessionCookie(reply);
    return reply.redirect('/', 303);
  });
}
