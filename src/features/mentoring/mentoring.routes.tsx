import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HELP_TOPICS, MENTOR_FORMATS, REVIEW_LANGUAGES } from '../../db/schema/index.ts';
import { mustBeSignedIn, userOf } from '../../platform/auth/current-user.ts';
import { parseForm } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { refuseWhenTooMany } from '../accounts/sign-in.routes.tsx';
import { DISCIPLINES, REGIONS } from '../opportunities/opportunity.vocabulary.ts';
import {
  answerRequest, answerSurvey, endMentorship, reportMentorship, requestMentoring, saveMentorProfile, setAvailability, withdrawRequest,
} from './mentoring.commands.ts';
import { MentorPage, MentorProfileFormPage, MentorSearchPage, MyMentoringPage } from './mentoring.pages.tsx';
import { activeCount, mentorOf, myMentoring, publishedMentor, searchMentors } from './mentoring.queries.ts';
import { answerSchema, endSchema, mentorProfileSchema, mentoringRequestSchema, reportSchema, surveySchema } from './mentoring.schema.ts';

const FLASHES: Record<string, string> = {
  profil: 'Votre profil est envoyé en relecture ; il apparaîtra dans la recherche une fois publié.',
  demande: 'Votre demande est envoyée. La mentore a 14 jours pour répondre.',
  retiree: 'Votre demande est retirée.',
  reponse: 'Votre réponse est envoyée.',
  disponibilite: 'Votre disponibilité est enregistrée.',
  termine: 'Le mentorat est terminé. Dites-nous s’il vous a aidée.',
  avis: 'Merci pour votre avis.',
  signale: 'Votre signalement est transmis à l’équipe.',
};
const REQUESTS_PER_DAY = { limit: 10, windowSeconds: 86_400 };

const pick = (values: readonly string[], value: unknown) => (typeof value === 'string' && values.includes(value) ? value : null);

export function registerMentoringRoutes(app: FastifyInstance): void {
  const idParam = (request: FastifyRequest) => {
    const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse((request.params as { id?: string }).id);
    if (!parsed.success) throw new NotFoundError();
    return parsed.data;
  };
  const flashOf = (request: FastifyRequest) => FLASHES[String((request.query as { ok?: string }).ok ?? '')] ?? null;

  app.get('/mentorat', { config: { pageCache: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const search = {
      specialty: pick(DISCIPLINES, query.pratique), topic: pick(HELP_TOPICS, query.sujet), language: pick(REVIEW_LANGUAGES, query.langue),
      region: pick(REGIONS, query.region), format: pick(MENTOR_FORMATS, query.format),
    };
    return reply.view(<MentorSearchPage ctx={request.pageContext()} search={search} mentors={await searchMentors(app.db, search)} />);
  });

  async function mentorPage(request: FastifyRequest) {
    const mentor = await publishedMentor(app.db, idParam(request));
    if (!mentor) throw new NotFoundError();
    const user = request.currentUser;
    let reason: string | null = null;
    if (user && mentor.userId === user.id) reason = 'C’est votre propre profil.';
    else if (!mentor.available || mentor.pausedAt) reason = 'Elle ne prend pas de nouvelle demande pour le moment.';
    else if ((await activeCount(app.db, mentor.id)) >= mentor.capacity) reason = 'Elle accompagne déjà autant de personnes qu’elle le peut.';
    return { mentor, canRequest: reason === null, reason };
  }

  app.get('/mentorat/:id', { config: { pageCache: true } }, async (request, reply) => reply.view(<MentorPage ctx={request.pageContext()} {...await mentorPage(request)} />));

  app.post('/mentorat/:id/demander', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const page = await mentorPage(request);
    const form = parseForm(mentoringRequestSchema, request.body);
    if (!form.ok) return reply.view(<MentorPage ctx={request.pageContext()} {...page} values={form.values} errors={form.errors} />, 400);
    await refuseWhenTooMany(app, [{ key: `mentoring:request:${user.id}`, rule: REQUESTS_PER_DAY }]);
    const outcome = await requestMentoring(app.db, page.mentor, user.id, form.data.note, app.clock, app.config.publicUrl);
    if (!outcome.ok) return reply.view(<MentorPage ctx={request.pageContext()} {...page} values={{ note: form.data.note }} errors={{ note: outcome.message }} />, 409);
    await app.mailer.dispatch([outcome.emailId]);
    return reply.redirect('/mon-espace/mentorat?ok=demande', 303);
  });

  app.get('/mon-espace/mentorat', { preHandler: mustBeSignedIn }, async (request, reply) =>
    reply.view(<MyMentoringPage ctx={request.pageContext()} data={await myMentoring(app.db, userOf(request).id)} flash={flashOf(request)} />));

  app.get('/mon-espace/mentorat/profil', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const user = userOf(request);
    const profile = await mentorOf(app.db, user.id);
    const values = profile ? { ...profile, capacity: String(profile.capacity), region: profile.region ?? '' } : { displayName: user.displayName ?? '', languages: ['fr'], formats: ['video'], capacity: '2' };
    return reply.view(<MentorProfileFormPage ctx={request.pageContext()} values={values} />);
  });

  app.post('/mon-espace/mentorat/profil', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const form = parseForm(mentorProfileSchema, request.body);
    if (!form.ok) return reply.view(<MentorProfileFormPage ctx={request.pageContext()} values={form.values} errors={form.errors} />, 400);
    await saveMentorProfile(app.db, userOf(request).id, form.data, app.clock);
    return reply.redirect('/mon-espace/mentorat?ok=profil', 303);
  });

  app.post('/mon-espace/mentorat/disponibilite', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const profile = await mentorOf(app.db, userOf(request).id);
    if (!profile) throw new NotFoundError();
    await setAvailability(app.db, profile.userId, (request.body as { available?: unknown } | undefined)?.available === 'oui', app.clock);
    return reply.redirect('/mon-espace/mentorat?ok=disponibilite', 303);
  });

  const rerender = async (request: FastifyRequest, errors: Record<string, string>, status: number) =>
    ({ page: <MyMentoringPage ctx={request.pageContext()} data={await myMentoring(app.db, userOf(request).id)} errors={errors} />, status });

  app.post('/mon-espace/mentorat/demandes/:id/repondre', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const form = parseForm(answerSchema, request.body);
    if (!form.ok) {
      const { page, status } = await rerender(request, form.errors, 400);
      return reply.view(page, status);
    }
    const outcome = await answerRequest(app.db, idParam(request), userOf(request).id, { accept: form.data.decision === 'accepter', message: form.data.message }, app.clock, app.config.publicUrl);
    if (!outcome.ok && outcome.notFound) throw new NotFoundError();
    if (!outcome.ok) {
      const { page, status } = await rerender(request, { decision: outcome.message }, 409);
      return reply.view(page, status);
    }
    await app.mailer.dispatch([outcome.emailId]);
    return reply.redirect('/mon-espace/mentorat?ok=reponse', 303);
  });

  app.post('/mon-espace/mentorat/demandes/:id/retirer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    if (!(await withdrawRequest(app.db, idParam(request), userOf(request).id))) throw new NotFoundError();
    return reply.redirect('/mon-espace/mentorat?ok=retiree', 303);
  });

  app.post('/mon-espace/mentorat/accompagnements/:id/terminer', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const form = parseForm(endSchema, request.body);
    if (!form.ok) {
      const { page, status } = await rerender(request, form.errors, 400);
      return reply.view(page, status);
    }
    if (!(await endMentorship(app.db, idParam(request), userOf(request).id, form.data.outcome, app.clock))) throw new NotFoundError();
    return reply.redirect('/mon-espace/mentorat?ok=termine', 303);
  });

  /** A mentorship she is part of (as mentee or as mentor), or 404. */
  async function ownMentorship(request: FastifyRequest) {
    const data = await myMentoring(app.db, userOf(request).id);
    const id = idParam(request);
    const found = [...data.asMentee, ...data.asMentor].find((item) => item.mentorship.id === id);
    if (!found) throw new NotFoundError();
    return found.mentorship;
  }

  app.post('/mon-espace/mentorat/accompagnements/:id/avis', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const mentorship = await ownMentorship(request);
    const form = parseForm(surveySchema, request.body);
    if (!form.ok) {
      const { page, status } = await rerender(request, form.errors, 400);
      return reply.view(page, status);
    }
    if (mentorship.status === 'active') throw new NotFoundError();
    await answerSurvey(app.db, mentorship.id, userOf(request).id, { helped: form.data.helped === 'oui', recommend: form.data.recommend === 'oui' }, app.clock);
    return reply.redirect('/mon-espace/mentorat?ok=avis', 303);
  });

  app.post('/mon-espace/mentorat/accompagnements/:id/signaler', { preHandler: mustBeSignedIn }, async (request, reply) => {
    const mentorship = await ownMentorship(request);
    const form = parseForm(reportSchema, request.body);
    if (!form.ok) {
      const { page, status } = await rerender(request, form.errors, 400);
      return reply.view(page, status);
    }
    await reportMentorship(app.db, mentorship.id, userOf(request).id, form.data.reason, app.clock);
    return reply.redirect('/mon-espace/mentorat?ok=signale', 303);
  });
}
