import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../test/helpers/peer-review.ts';
import { TestClient } from '../test/helpers/test-client.ts';
import { CORE_PAYLOADS, FIELD_PAYLOADS, NAUGHTY_STRINGS } from './helpers/corpus.ts';
import { type DiscoveredForm, type FormField, formsOf, injectedMarkup, plausibleValue, queryParametersOf } from './helpers/forms.ts';
import { type Actor, type World, buildWorld } from './helpers/world.ts';

/**
 * Hostile input everywhere the application takes input, found by crawling every GET route of the
 * route table as a visitor, a member, an organisation and an administrator: every form field,
 * every query parameter of the site's links and GET forms, every upload. No answer may be a 5xx,
 * and no answer, then or later, may carry markup the page did not write.
 */

const CRAWLERS: Actor[] = ['anonymous', 'owner', 'organisation', 'admin'];
/** Forms that would end the crawler's own session or account, or demote her: tried once with the payloads in all fields, never "plausibly". */
const SELF_DESTRUCTIVE = [/^\/deconnexion$/, /^\/mon-espace\/deconnexion-partout$/, /^\/mon-espace\/supprimer$/, /^\/admin\/utilisateurs\/\d+\/role$/];
/** POST routes no page leads to with a form, and why. */
const NO_FORM: Record<string, string> = {
  '/desabonnement/:token': 'one-click unsubscribe sent by the mail client (RFC 8058); the page form posts to the same path with the token',
  '/alertes/arreter/:token': 'as above, for one saved search',
  '/revue-de-dossier/relecture/:token': 'the reviewer’s form is shown only for a real token',
  '/revue-de-dossier/mes-demandes/:id/retours/:reviewId/avis': 'shown once the partner’s feedback is released',
  '/revue-de-dossier/mes-demandes/:id/retours/:reviewId/signaler': 'as above',
  '/revue-de-dossier/mes-demandes/:id/partage/:reviewId': 'as above',
  '/annuaire/message/:token/signaler': 'shown only for a real message token',
  '/annuaire/message/:token/bloquer': 'as above',
  '/annuaire/enquete/:token': 'shown only for a real survey token',
  '/mon-espace/suivis/:id/supprimer': 'shown only when she follows an opportunity',
  '/mon-espace/alertes/:id/supprimer': 'shown only when she has a saved search',
  '/aides/:slug/suivre': 'shown on the follow page of a signed-in member only once she chose what to follow',
};

interface FoundForm extends DiscoveredForm {
  actor: Actor;
  page: string;
}

function problemsOf(response: LightMyRequestResponse | null): string[] {
  if (response === null) return [];
  const problems: string[] = [];
  if (response.statusCode >= 500) problems.push(`status ${response.statusCode}`);
  if (String(response.headers['content-type'] ?? '').startsWith('text/html')) problems.push(...injectedMarkup(response.body));
  return problems;
}

/** Percent-encoding that also takes what encodeURIComponent refuses (a lone surrogate is sent as its WTF-8 bytes). */
function encodeAny(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((character) => {
      const code = character.charCodeAt(0);
      if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 63)).toString(16)}%${(0x80 | (code & 63)).toString(16)}`.toUpperCase();
      return encodeURIComponent(character);
    }).join('');
  }
}

const show = (payload: string) => JSON.stringify(payload.length > 50 ? `${payload.slice(0, 50)}…(${payload.length})` : payload);

describe('hostile input on every form, query parameter and upload', () => {
  let world: World;
  const forms: FoundForm[] = [];
  const parameters = new Map<string, Set<string>>();
  let ipSequence = 0;
  /** For the README's figures: how much hostile input was sent. */
  const tally = { requests: 0 };

  beforeAll(async () => {
    world = await buildWorld();
    const seen = new Set<string>();
    for (const actor of CRAWLERS) {
      // Every GET route of the table, then the private pages they link to (a request, an item in review…).
      const queue = world.context.app.routeTable.filter((candidate) => candidate.method === 'GET').map((route) => world.concrete(route.url));
      const visited = new Set<string>();
      while (queue.length > 0 && visited.size < 400) {
        const page = queue.shift()!;
        if (visited.has(page)) continue;
        visited.add(page);
        const response = await world.clients[actor].get(page);
        if (!String(response.headers['content-type'] ?? '').startsWith('text/html')) continue;
        for (const match of response.body.matchAll(/href="(\/(?:admin|mon-espace|revue-de-dossier\/mes-demandes)[^"#]*)"/g)) {
          const link = match[1]!.replace(/&amp;/g, '&');
          if (!visited.has(link) && !/\.(csv|pdf|json)(\?|$)/.test(link)) queue.push(link);
        }
        for (const form of formsOf(response.body, page)) {
          const key = `${actor} ${form.method} ${form.action}`;
          if (seen.has(key)) continue;
          seen.add(key);
          forms.push({ ...form, actor, page });
        }
        for (const [path, names] of queryParametersOf(response.body, page)) {
          if (!parameters.has(path)) parameters.set(path, new Set());
          for (const name of names) parameters.get(path)!.add(name);
        }
      }
    }
  });
  afterAll(async () => {
    const postForms = forms.filter((form) => form.method === 'POST');
    console.info(`Entrées hostiles : ${tally.requests} requêtes, ${postForms.length} formulaires (${postForms.reduce((sum, form) => sum + form.fields.length, 0)} champs), ${[...parameters.values()].reduce((sum, names) => sum + names.size, 0)} paramètres d’adresse, ${CORE_PAYLOADS.length} charges + ${NAUGHTY_STRINGS.length} chaînes de la liste publique.`);
    await world.close();
  });

  /** A visitor gets a fresh client (and address) per request, so per-address limits do not stop the test early. */
  function clientFor(actor: Actor): TestClient {
    if (actor !== 'anonymous') return world.clients[actor];
    ipSequence += 1;
    return new TestClient(world.context.app, `10.${(ipSequence >> 16) & 255}.${(ipSequence >> 8) & 255}.${ipSequence & 255}`);
  }

  /** Posts the form as its crawler would, with the CSRF token of a fresh copy of its page (null: the page no longer has it). */
  async function submit(form: FoundForm, values: Record<string, string | string[]>, file?: { fileName: string; type: string; content: Buffer }) {
    const client = clientFor(form.actor);
    tally.requests += 1;
    const page = await client.get(form.page);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) return null;
    const fields = Object.fromEntries(Object.entries(values).filter(([name]) => name !== '_csrf'));
    if (form.multipart) {
      // The client takes the token from the page it just fetched.
      const files = Object.fromEntries(form.fields.filter((field) => field.kind === 'file').map((field) => [field.name, file ?? { fileName: 'dossier.pdf', type: 'application/pdf', content: samplePdf() }]));
      return client.postMultipart(form.action, fields, files);
    }
    return client.post(form.action, { ...fields, _csrf: token }, { csrf: false });
  }

  const textual = (field: FormField) => field.kind !== 'file' && field.name !== '_csrf';
  const plausible = (form: FoundForm) => Object.fromEntries(form.fields.filter(textual).filter((field) => !['checkbox', 'radio'].includes(field.kind) || field.checked || field.kind === 'radio')
    .map((field) => [field.name, plausibleValue(field)]));

  it('finds the forms and parameters of the whole application from its route table', () => {
    const postForms = forms.filter((form) => form.method === 'POST');
    expect(postForms.length).toBeGreaterThan(60);
    expect(forms.some((form) => form.multipart)).toBe(true);
    const reached = new Set(postForms.map((form) => form.action));
    const unreached = world.context.app.routeTable
      .filter((route) => route.method === 'POST')
      .filter((route) => ![...reached].some((action) => new RegExp(`^${route.url.replace(/:[a-zA-Z]+/g, '[^/]+')}$`).test(action)))
      .map((route) => route.url);
    expect(unreached.filter((url) => !(url in NO_FORM))).toEqual([]);
    expect(parameters.get('/aides')?.has('q')).toBe(true);
  });

  it('query parameters: every payload in each, no 5xx, no injected markup', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [path, names] of parameters) {
      for (const name of names) {
        for (const payload of CORE_PAYLOADS.filter((candidate) => candidate.length <= 10_000)) {
          const response = await world.clients.anonymous.get(`${path}?${name}=${encodeAny(payload)}`);
          requests += 1;
          tally.requests += 1;
          for (const problem of problemsOf(response)) failures.push(`GET ${path} ?${name}=${show(payload)}: ${problem}`);
        }
      }
    }
    // Malformed percent-encoding, as a script would send it.
    for (const raw of ['%', '%FF%FE', '%E0%A4%A', '%C0%AF', '%00', '%ED%A0%80', '%25%32%65%25%32%65%2f']) {
      for (const path of parameters.keys()) {
        const response = await world.clients.anonymous.get(`${path}?q=${raw}&page=${raw}`);
        for (const problem of problemsOf(response)) failures.push(`GET ${path}?q=${raw}: ${problem}`);
      }
    }
    expect(requests).toBeGreaterThan(2_000);
    expect(failures).toEqual([]);
  });

  it('forms: every payload in every field at once, as each person who sees the form', async () => {
    const failures: string[] = [];
    for (const form of forms.filter((candidate) => candidate.method === 'POST')) {
      for (const payload of CORE_PAYLOADS) {
        const values = Object.fromEntries(form.fields.filter(textual).filter((field) => field.kind !== 'hidden').map((field) => [field.name, payload]));
        const response = await submit(form, { ...Object.fromEntries(form.fields.filter((field) => field.kind === 'hidden').map((field) => [field.name, field.value])), ...values });
        for (const problem of problemsOf(response)) failures.push(`POST ${form.action} all fields=${show(payload)} as ${form.actor}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('forms: each field alone hostile, the others filled in plausibly, hidden fields included', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const form of forms.filter((candidate) => candidate.method === 'POST' && !SELF_DESTRUCTIVE.some((pattern) => pattern.test(candidate.action)))) {
      for (const field of form.fields.filter(textual)) {
        for (const payload of FIELD_PAYLOADS) {
          const response = await submit(form, { ...plausible(form), [field.name]: payload });
          requests += 1;
          for (const problem of problemsOf(response)) failures.push(`POST ${form.action} ${field.name}=${show(payload)} as ${form.actor}: ${problem}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('uploads: wrong types, empty, oversized and hostile file names are refused cleanly', async () => {
    const uploads = forms.filter((form) => form.multipart);
    const files = [
      { fileName: '../../../../etc/passwd.pdf', type: 'application/pdf', content: samplePdf() },
      { fileName: `"><xss-marker data-xss="1">.pdf`, type: 'application/pdf', content: samplePdf() },
      { fileName: 'page.pdf', type: 'application/pdf', content: Buffer.from('<html><script>alert(1)</script></html>') },
      { fileName: 'vide.pdf', type: 'application/pdf', content: Buffer.alloc(0) },
      { fileName: 'enorme.pdf', type: 'application/pdf', content: Buffer.concat([samplePdf(), Buffer.alloc(25 * 1024 * 1024, 32)]) },
      { fileName: 'script.exe', type: 'application/x-msdownload', content: Buffer.from('MZ\u0090\u0000') },
      { fileName: `${'a'.repeat(2_000)}.pdf`, type: 'application/pdf', content: samplePdf() },
    ];
    const failures: string[] = [];
    for (const form of uploads) {
      for (const file of files) {
        const response = await submit(form, plausible(form), file);
        if (response === null) continue;
        for (const problem of problemsOf(response)) failures.push(`POST ${form.action} file ${show(file.fileName)} (${file.content.length} bytes) as ${form.actor}: ${problem}`);
        if (response.statusCode < 400 && file.fileName !== `"><xss-marker data-xss="1">.pdf` && file.fileName !== '../../../../etc/passwd.pdf' && !file.fileName.startsWith('aaaa')) {
          failures.push(`POST ${form.action} file ${show(file.fileName)} as ${form.actor}: accepted (${response.statusCode})`);
        }
      }
    }
    expect(uploads.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('the whole public list of naughty strings through the catalogue search, the API and the contact form', async () => {
    const failures: string[] = [];
    const contact = forms.find((form) => form.actor === 'anonymous' && form.action === '/nous-ecrire')!;
    for (const payload of NAUGHTY_STRINGS) {
      for (const url of [`/aides?q=${encodeAny(payload)}`, `/ressources?q=${encodeAny(payload)}`, `/api/v1/opportunities?q=${encodeAny(payload)}`]) {
        tally.requests += 1;
        for (const problem of problemsOf(await world.clients.anonymous.get(url))) failures.push(`GET ${url.split('?')[0]} q=${show(payload)}: ${problem}`);
      }
      const response = await submit(contact, { ...plausible(contact), subject: 'question', message: payload || 'vide', email: 'liste@exemple.fr' });
      for (const problem of problemsOf(response)) failures.push(`POST /nous-ecrire message=${show(payload)}: ${problem}`);
    }
    expect(NAUGHTY_STRINGS.length).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  });

  it('nothing that was stored comes back as markup: every page crawled again as visitor, owner, organisation and admin', async () => {
    const failures: string[] = [];
    for (const actor of CRAWLERS) {
      for (const route of world.context.app.routeTable.filter((candidate) => candidate.method === 'GET')) {
        const url = world.concrete(route.url);
        for (const problem of problemsOf(await world.clients[actor].get(url))) failures.push(`GET ${url} as ${actor}: ${problem}`);
      }
    }
    for (const url of ['/admin/messages', '/admin/a-relire', '/admin/journal', '/admin/aides?statut=in_review']) {
      for (const problem of problemsOf(await world.clients.admin.get(url))) failures.push(`GET ${url} as admin: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});
