import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { consents } from '../../db/schema/index.ts';
import { clearSessionCookie, mustBeSignedIn, userOf } from '../../platform/auth/current-user.ts';
import { deleteAllSessions } from '../../platform/auth/sessions.ts';
import { parisDate, yearOf } from '../../platform/dates.ts';
import { parseForm } from '../../platform/forms.ts';
import { listFollows, listSavedSearches } from '../alerts/alerts.queries.ts';
import { searchUrl } from '../opportunities/search.schema.ts';
import { exportAccountData } from './account-data.queries.ts';
import type { Storage } from '../../platform/storage.ts';
import { leavePeerReview } from '../peer-review/peer-review.commands.ts';
import { deleteAccount, setDigestFrequency, updateProfile } from './account.commands.ts';
import { DashboardPage } from './dashboard.page.tsx';
import { AccountDeletedPage, DataPage } from './data.page.tsx';
import { NotificationsPage } from './notifications.page.tsx';
import { profileSearch } from '../opportunities/profile-search.ts';
import { ProfilePage } from './profile.page.tsx';
import { notificationsSchema, profileSchema } from './profile.schema.ts';

// A message shown once after a change (post/redirect/get): a fixed list, never free text.
const FLASHES: Record<string, string> = {
  profil: 'Votre profil est enregistré.',
  notifications: 'Vos préférences de notification sont enregistrées.',
  'suivi-supprime': 'Vous ne suivez plus cette aide.',
  'alerte-supprimee': 'L’alerte est supprimée.',
  'alerte-creee': 'Votre alerte est enregistrée.',
  'suivi-cree': 'C’est noté : vous serez prévenue par email.',
};
const flashOf = (query: unknown) => FLASHES[String((query as { ok?: unknown } | undefined)?.ok ?? '')] ?? null;

const deletionSchema = z.object({
  confirmation: z.literal('oui', { error: 'Cochez la case pour confirmer la suppression.' }),
});

export function registerAccountRoutes(app: FastifyInstance, { storage }: { storage: Storage }): void {
  const signedIn = { preHandler: mustBeSignedIn };

  app.get('/mon-espace', signedIn, async (request, reply) => {
    const user = userOf(request);
    const [follows, searches] = await Promise.all([listFollows(app.db, user.id), listSavedSearches(app.db, user.id)]);
    const suggested = profileSearch(user, parisDate(app.clock.now()));
    return reply.view(
      <DashboardPage ctx={request.pageContext()} user={user} follows={follows} searches={searches} profileSearchUrl={suggested ? searchUrl(suggested) : null} flash={flashOf(request.query)} />,
    );
  });

  app.get('/mon-espace/profil', signedIn, async (request, reply) => {
    const user = userOf(request);
    const values = { ...user, birthYear: user.birthYear ? String(user.birthYear) : '' };
    return reply.view(<ProfilePage ctx={request.pageContext()} values={values} flash={flashOf(request.query)} />);
  });

  app.post('/mon-espace/profil', signedIn, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(profileSchema(yearOf(parisDate(app.clock.now()))), request.body);
    if (!form.ok) return reply.view(<ProfilePage ctx={request.pageContext()} values={form.values} errors={form.errors} />, 400);
    await updateProfile(app.db, user.id, form.data, app.clock);
    return reply.redirect('/mon-espace/profil?ok=profil', 303);
  });

  app.get('/mon-espace/notifications', signedIn, async (request, reply) => {
    return reply.view(<NotificationsPage ctx={request.pageContext()} frequency={userOf(request).digestFrequency} flash={flashOf(request.query)} />);
  });

  app.post('/mon-espace/notifications', signedIn, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(notificationsSchema, request.body);
    if (!form.ok) return reply.view(<NotificationsPage ctx={request.pageContext()} frequency={user.digestFrequency} errors={form.errors} />, 400);
    await setDigestFrequency(app.db, user.id, form.data.digestFrequency, app.clock);
    return reply.redirect('/mon-espace/notifications?ok=notifications', 303);
  });

  app.get('/mon-espace/donnees', signedIn, async (request, reply) => {
    const consentRows = await app.db.select().from(consents).where(eq(consents.userId, userOf(request).id));
    return reply.view(<DataPage ctx={request.pageContext()} consentRows={consentRows} />);
  });

  app.get('/mon-espace/donnees.json', signedIn, async (request, reply) => {
    const data = await exportAccountData(app.db, userOf(request));
    return reply
      .header('content-disposition', 'attachment; filename="mes-donnees-elles-font-la-culture.json"')
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/mon-espace/deconnexion-partout', signedIn, async (request, reply) => {
    await deleteAllSessions(app.db, userOf(request).id);
    clearSessionCookie(reply);
    return reply.redirect('/connexion', 303);
  });

  app.post('/mon-espace/supprimer', signedIn, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(deletionSchema, request.body);
    if (!form.ok) {
      const consentRows = await app.db.select().from(consents).where(eq(consents.userId, user.id));
      return reply.view(<DataPage ctx={request.pageContext()} consentRows={consentRows} errors={form.errors} />, 400);
    }
    // Her dossiers and the feedback files go at once; a partner waiting on her is sent back to the queue.
    await leavePeerReview(app.db, storage, user.id, app.clock);
    const emailId = await deleteAccount(app.db, user, app.clock, app.config.publicUrl);
    await app.mailer.dispatch([emailId]);
    clearSessionCookie(reply);
    return reply.redirect('/compte-supprime', 303);
  });

  app.get('/compte-supprime', async (request, reply) => reply.view(<AccountDeletedPage ctx={request.pageContext()} />));
}
