import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Outcome, outcomeOf } from './helpers/outcome.ts';
import { ACTORS, type Actor, type World, buildWorld } from './helpers/world.ts';

/**
 * The authorisation matrix, generated from the route table: every route × every actor (visitor,
 * owner, another member, organisation, moderator, admin) → the outcome the policy says.
 * A route no rule covers fails the suite: a new route has to be classified to pass.
 */
type AccessClass =
  | 'public' // anyone
  | 'member' // signed in
  | 'owner' // signed in, and the thing is hers (another member, and staff, get 404)
  | 'mentor' // the mentor a request was sent to (our owner is the mentee: she gets 404 too)
  | 'commissioner' // a verified commissioner (the organisation in this world)
  | 'capability' // a private link: a random token opens nothing
  | 'confirm-link' // a private link's confirmation page: shows a button, checks the token on POST
  | 'staff' // moderators and admins; everyone else gets 404 (the back-office is not advertised)
  | 'admin'
  | 'development'; // the development outbox, absent in production (checked below)

const RULES: [RegExp, AccessClass][] = [
  [/^\/admin\/utilisateurs/, 'admin'],
  [/^\/admin/, 'staff'],
  [/^\/dev\//, 'development'],
  [/^\/(connexion\/lien|alertes\/confirmer|desabonnement|alertes\/arreter|aides\/proposer\/confirmer|ressources\/proposer\/confirmer|lettre-d-information\/(confirmer|desinscription))\/:token$/, 'confirm-link'],
  [/:token/, 'capability'],
  [/^\/revue-de-dossier\/mes-demandes\/:id/, 'owner'],
  [/^\/mon-espace\/(suivis|alertes)\/:id/, 'owner'],
  [/^\/mon-espace\/mentorat\/demandes\/:id\/repondre$/, 'mentor'],
  [/^\/mon-espace\/mentorat\/(demandes|accompagnements)\/:id/, 'owner'],
  [/^\/annuaire\/:id\/contacter$/, 'commissioner'],
  [/^\/(mon-espace|revue-de-dossier\/(demander|benevole|mes-demandes)$|commanditaires\/adherer$|mentorat\/:id\/demander$|index-parite\/:slug\/declarer$)/, 'member'],
  [/^\/mon-espace$/, 'member'],
  [/.*/, 'public'],
];

const classOf = (url: string): AccessClass => RULES.find(([pattern]) => pattern.test(url))![1];

/** GET: what each actor gets. */
const GET_EXPECTED: Record<AccessClass, (actor: Actor) => Outcome> = {
  public: () => 'ok',
  'confirm-link': () => 'ok',
  development: () => 'ok',
  member: (actor) => (actor === 'anonymous' ? 'sign-in' : 'ok'),
  owner: (actor) => (actor === 'anonymous' ? 'sign-in' : actor === 'owner' ? 'ok' : 'hidden'),
  mentor: (actor) => (actor === 'anonymous' ? 'sign-in' : 'hidden'),
  commissioner: (actor) => (actor === 'anonymous' ? 'sign-in' : 'ok'),
  capability: () => 'hidden',
  staff: (actor) => (actor === 'moderator' || actor === 'admin' ? 'ok' : 'hidden'),
  admin: (actor) => (actor === 'admin' ? 'ok' : 'hidden'),
};

/** Routes whose GET is refused even to the owner in this world, and why. */
const GET_EXCEPTIONS: Record<string, Partial<Record<Actor, Outcome>>> = {
  // The partner's feedback is not released yet: its attachment stays hidden, even to the owner.
  '/revue-de-dossier/mes-demandes/:id/retours/:reviewId/piece-jointe': { owner: 'hidden' },
};

/** POST with a valid CSRF token by someone who may not: what she gets (null: she may, not tried here). */
const POST_REFUSAL: Record<AccessClass, (actor: Actor) => Outcome | null> = {
  public: () => null,
  'confirm-link': () => null,
  development: () => null,
  member: (actor) => (actor === 'anonymous' ? 'unauthorized' : null),
  owner: (actor) => (actor === 'anonymous' ? 'unauthorized' : actor === 'owner' ? null : 'hidden'),
  mentor: (actor) => (actor === 'anonymous' ? 'unauthorized' : 'hidden'),
  commissioner: (actor) => (actor === 'anonymous' ? 'unauthorized' : actor === 'organisation' ? null : 'hidden'),
  capability: () => 'hidden',
  staff: (actor) => (actor === 'moderator' || actor === 'admin' ? null : 'hidden'),
  admin: (actor) => (actor === 'admin' ? null : 'hidden'),
};

/** A valid body where the form is checked before ownership, so the refusal is the ownership check's. */
const POST_BODIES: Record<string, Record<string, string>> = {
  '/mon-espace/mentorat/demandes/:id/repondre': { decision: 'decliner' },
  '/mon-espace/mentorat/accompagnements/:id/terminer': { outcome: 'stopped' },
  '/mon-espace/mentorat/accompagnements/:id/avis': { helped: 'oui', recommend: 'oui' },
  '/mon-espace/mentorat/accompagnements/:id/signaler': { reason: 'Un motif suffisamment long pour être accepté.' },
};

describe('authorisation matrix from the route table', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });
  afterAll(() => world.close());

  const routes = () => world.context.app.routeTable;

  it('classifies every route, and the table is the whole application', () => {
    expect(routes().length).toBeGreaterThan(190);
    const classes = new Set(routes().map((route) => classOf(route.url)));
    expect([...classes].sort()).toEqual(['admin', 'capability', 'commissioner', 'confirm-link', 'development', 'member', 'mentor', 'owner', 'public', 'staff']);
  });

  for (const actor of ACTORS) {
    it(`GET, every route, as ${actor}`, async () => {
      const mismatches: string[] = [];
      for (const route of routes().filter((candidate) => candidate.method === 'GET')) {
        const url = world.concrete(route.url);
        const expected = GET_EXCEPTIONS[route.url]?.[actor] ?? GET_EXPECTED[classOf(route.url)](actor);
        const got = outcomeOf(await world.clients[actor].get(url));
        if (got !== expected) mismatches.push(`GET ${url} (${route.url}, ${classOf(route.url)}) as ${actor}: ${got}, expected ${expected}`);
      }
      expect(mismatches).toEqual([]);
    });

    it(`POST with a valid CSRF token, every route she may not use, as ${actor}`, async () => {
      const client = world.clients[actor];
      const mismatches: string[] = [];
      let tried = 0;
      for (const route of routes().filter((candidate) => candidate.method === 'POST')) {
        const expected = POST_REFUSAL[classOf(route.url)](actor);
        if (expected === null) continue;
        tried += 1;
        const url = world.concrete(route.url);
        await client.get('/nous-ecrire'); // any page with a form gives her a valid token
        const got = outcomeOf(await client.post(url, POST_BODIES[route.url] ?? {}));
        if (got !== expected) mismatches.push(`POST ${url} (${route.url}) as ${actor}: ${got}, expected ${expected}`);
      }
      expect(tried).toBeGreaterThan(actor === 'admin' ? 3 : 10);
      expect(mismatches).toEqual([]);
    });
  }

  it('has no development outbox in production', async () => {
    const production = await buildWorld({ config: { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(40) } });
    try {
      expect(production.context.app.routeTable.some((route) => route.url.startsWith('/dev/'))).toBe(false);
      expect((await production.context.app.inject({ url: '/dev/emails' })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
