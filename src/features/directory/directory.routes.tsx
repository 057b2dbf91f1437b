import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DIRECTORY_FIELDS, REVIEW_LANGUAGES, directoryBlocks } from '../../db/schema/index.ts';
import { mustBeSignedIn, userOf } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { DISCIPLINES, REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import {
  answerContactSurvey, blockSender, isBlocked, messageByToken, reportMessage, saveDirectoryProfile, sendContact, signCharter, surveyByToken,
} from './directory.commands.ts';
import {
  CharterSignPage, CommissionersPage, ContactSurveyPage, DirectoryPage, DirectoryProfilePage, MessageManagePage, MyDirectoryProfilePage,
} from './directory.pages.tsx';
import { audienceOf, directoryProfileOf, searchDirectory, signatories } from './directory.queries.ts';
import { commissionerSchema, contactSchema, directoryProfileSchema, messageReportSchema } from './directory.schema.ts';
import { DEFAULT_AUDIENCES, visibleProfile } from './visibility.ts';

const LIMITS = {
  messagesPerDay: { limit: 10, windowSeconds: 86_400 },
  messagesPerPhotographer: { limit: 2, windowSeconds: 30 * 86_400 },
  reportsPerHour: { limit: 10, windowSeconds: 3600 },
};
const FLASHES: Record<string, string> = {
  fiche: 'Votre fiche est enregistrée. Si elle apparaît dans l’annuaire, elle sera visible après relecture par l’équipe.',
  charte: 'Merci ! L’équipe vérifie votre organisation ; vous recevrez un email.',
  envoye: 'Votre message est transmis. Si elle souhaite donner suite, elle vous répondra par email.',
  signale: 'Votre signalement est transmis à l’équipe.',
  bloque: 'Cette personne ne peut plus vous écrire.',
};
const pick = (values: readonly string[], value: unknown) => (typeof value === 'string' && values.includes(value) ? value : null);

export function registerDirectoryRoutes(app: FastifyInstance): void {
  const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

  app.get('/annuaire', { config: { pageCache: true } }, async (request, reply) => {
    const { audience } = await audienceOf(app.db, request.currentUser?.id ?? null);
    const query = request.query as Record<string, unknown>;
    const search = { specialty: pick(DISCIPLINES, query.pratique), region: pick(REGIONS, query.region), language: pick(REVIEW_LANGUAGES, query.langue), available: query.disponible === 'oui' };
    return reply.view(<DirectoryPage ctx={request.pageContext()} audience={audience} search={search} profiles={await searchDirectory(app.db, audience, search)} />);
  });

  /** The profile as the person asking may see it, or the same 404 as for an unknown one. */
  async function profilePage(request: FastifyRequest) {
    const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as { id?: string }).id);
    if (!parsed.success) throw new NotFoundError();
    const { audience, commissioner } = await audienceOf(app.db, request.currentUser?.id ?? null);
    const row = await directoryProfileOf(app.db, parsed.data);
    const profile = row ? visibleProfile(row, audience) : null;
    if (!profile) throw new NotFoundError();
    return { profile, audience, commissioner };
  }

  app.get('/annuaire/:id', { config: { pageCache: true } }, async (request, reply) => reply.view(<DirectoryProfilePage ctx={request.pageContext()} {...await profilePage(request)} flash={flashOf(request)} />));

  app.post('/annuaire/:id/contacter', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const page = await profilePage(request);
    if (page.audience !== 'commissioner' || !page.commissioner) throw new NotFoundError();
    const sender = userOf(request);
    if (sender.id === page.profile.userId) throw new NotFoundError();
    const form = parseForm(contactSchema, request.body);
    if (!form.ok) return reply.view(<DirectoryProfilePage ctx={request.pageContext()} {...page} values={form.values} errors={form.errors} />, 400);
    if (await isBlocked(app.db, page.profile.userId, sender.id)) {
      return reply.view(<DirectoryProfilePage ctx={request.pageContext()} {...page} values={form.data} errors={{ body: 'Cette photographe ne souhaite plus recevoir vos messages.' }} />, 403);
    }
    await refuseWhenTooMany(app, [
      { key: `directory:sender:${sender.id}`, rule: LIMITS.messagesPerDay },
      { key: `directory:pair:${sender.id}:${page.profile.userId}`, rule: LIMITS.messagesPerPhotographer },
    ]);
    const outcome = await sendContact(app.db, { userId: sender.id, email: sender.email, organization: page.commissioner.organizationName }, { userId: page.profile.userId, displayName: page.profile.displayName }, form.data, app.clock, app.config.publicUrl);
    if (!outcome.ok) return reply.view(<DirectoryProfilePage ctx={request.pageContext()} {...page} values={form.data} errors={{ body: outcome.message }} />, 403);
    await app.mailer.dispatch(outcome.emailIds);
    return reply.redirect(`/annuaire/${page.profile.userId}?ok=envoye`, 303);
  });

  app.get('/mon-espace/annuaire', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const row = await directoryProfileOf(app.db, user.id);
    const audiences = row?.audiences ?? DEFAULT_AUDIENCES;
    const values: Record<string, unknown> = row ? {
      listed: row.listed ? ['oui'] : [], displayName: row.displayName, nameAudience: row.nameAudience, pronouns: row.pronouns ?? '', region: row.region ?? '', specialties: row.specialties,
      languages: row.languages, bio: row.bio ?? '', website: row.website ?? '', availableForCommissions: row.availableForCommissions ? ['oui'] : [],
    } : { displayName: user.displayName ?? '', pronouns: user.pronouns ?? '', region: user.region ?? '', languages: ['fr'] };
    for (const field of DIRECTORY_FIELDS) values[`audience_${field}`] = audiences[field];
    return reply.view(<MyDirectoryProfilePage ctx={request.pageContext()} status={row?.status ?? null} refusalReason={row?.refusalReason ?? null} values={values} flash={flashOf(request)} />);
  });

  app.post('/mon-espace/annuaire', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(directoryProfileSchema, request.body);
    if (!form.ok) {
      const row = await directoryProfileOf(app.db, user.id);
      return reply.view(<MyDirectoryProfilePage ctx={request.pageContext()} status={row?.status ?? null} refusalReason={row?.refusalReason ?? null} values={form.values} errors={form.errors} />, 400);
    }
    await saveDirectoryProfile(app.db, user.id, form.data, app.clock);
    return reply.redirect('/mon-espace/annuaire?ok=fiche', 303);
  });

  app.get('/commanditaires', { config: { pageCache: true } }, async (request, reply) => reply.view(<CommissionersPage ctx={request.pageContext()} list={await signatories(app.db)} />));

  app.get('/commanditaires/adherer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const { commissioner } = await audienceOf(app.db, userOf(request).id);
    return reply.view(<CharterSignPage ctx={request.pageContext()} current={commissioner} values={commissioner ? { ...commissioner } : {}} />);
  });

  app.post('/commanditaires/adherer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const form = parseForm(commissionerSchema, request.body);
    if (!form.ok) {
      const { commissioner } = await audienceOf(app.db, user.id);
      return reply.view(<CharterSignPage ctx={request.pageContext()} current={commissioner} values={form.values} errors={form.errors} />, 400);
    }
    const { charter: _signed, ...organization } = form.data;
    await signCharter(app.db, user.id, organization, app.clock);
    return reply.redirect('/annuaire?ok=charte', 303);
  });

  // The photographer's private link from a relayed email: report, block.
  async function messageOf(request: FastifyRequest) {
    const found = await messageByToken(app.db, (request.params as { token: string }).token);
    if (!found || found.message.photographerId === null) throw new NotFoundError();
    return found;
  }
  async function managePage(request: FastifyRequest, errors?: Record<string, string>) {
    const found = await messageOf(request);
    const [blocked] = found.message.senderId === null ? [] : await app.db.select().from(directoryBlocks)
      .where(and(eq(directoryBlocks.photographerId, found.message.photographerId!), eq(directoryBlocks.senderId, found.message.senderId)));
    return <MessageManagePage ctx={request.pageContext()} subject={found.message.subject} organization={found.organization ?? 'Une commanditaire'} blocked={blocked !== undefined} errors={errors} flash={flashOf(request)} />;
  }

  app.get('/annuaire/message/:token', async (request, reply) => {
    void reply.header('referrer-policy', 'no-referrer');
    return reply.view(await managePage(request));
  });

  app.post('/annuaire/message/:token/signaler', async (request, reply) => {
    const found = await messageOf(request);
    const form = parseForm(messageReportSchema, request.body);
    if (!form.ok) return reply.view(await managePage(request, form.errors), 400);
    await refuseWhenTooMany(app, [{ key: `directory:report:${request.ip}`, rule: LIMITS.reportsPerHour }]);
    await reportMessage(app.db, found.message.id, found.message.photographerId, form.data.reason, app.clock);
    return reply.redirect(`/annuaire/message/${(request.params as { token: string }).token}?ok=signale`, 303);
  });

  app.post('/annuaire/message/:token/bloquer', async (request, reply) => {
    const found = await messageOf(request);
    if (found.message.senderId !== null) await blockSender(app.db, found.message.photographerId!, found.message.senderId, app.clock);
    return reply.redirect(`/annuaire/message/${(request.params as { token: string }).token}?ok=bloque`, 303);
  });

  async function surveyOf(request: FastifyRequest) {
    const survey = await surveyByToken(app.db, (request.params as { token: string }).token);
    if (!survey) throw new NotFoundError();
    return survey;
  }

  app.get('/annuaire/enquete/:token', async (request, reply) => {
    const survey = await surveyOf(request);
    void reply.header('referrer-policy', 'no-referrer');
    return reply.view(<ContactSurveyPage ctx={request.pageContext()} answered={survey.answeredAt !== null} />);
  });

  app.post('/annuaire/enquete/:token', async (request, reply) => {
    const survey = await surveyOf(request);
    const form = parseForm(z.object({ reponse: z.enum(['oui', 'non'], { error: 'Choisissez oui ou non.' }) }), request.body);
    if (!form.ok) return reply.view(<ContactSurveyPage ctx={request.pageContext()} answered={false} errors={form.errors} />, 400);
    if (survey.answeredAt === null) await answerContactSurvey(app.db, survey.id, form.data.reponse === 'oui', app.clock);
    return reply.redirect(request.url, 303);
  });
}
