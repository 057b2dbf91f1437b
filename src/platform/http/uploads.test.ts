import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewRequests } from '../../db/schema/index.ts';
import { signedInClient } from '../../../test/helpers/accounts.ts';
import { csrfTokenFrom, textOf } from '../../../test/helpers/html.ts';
import { samplePdf } from '../../../test/helpers/peer-review.ts';
import { type TestContext, createTestApp } from '../../../test/helpers/test-app.ts';
import { TestClient } from '../../../test/helpers/test-client.ts';
import { mustBeSignedIn } from '../auth/current-user.ts';
import { MEGABYTE, uploadedFile } from './uploads.ts';

const BOUNDARY = '----eflc-essai';
type Part = { name: string; value: string } | { name: string; fileName: string; type: string; content: Buffer };

/** A multipart body with its parts in the order given (a browser sends them in the form's order). */
function multipartBody(parts: Part[], end = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    else chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type}\r\n\r\n`), part.content, Buffer.from('\r\n'));
  }
  if (end) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

/**
 * Sends the start of a large upload over a real socket and waits for the answer without sending
 * the rest: an answer at all proves the server decided without reading the whole body.
 */
async function startUpload(port: number, path: string, cookie: string, head: Buffer, declaredBytes: number) {
  return new Promise<{ statusCode: number; headers: Record<string, unknown>; body: string; sentBytes: number }>((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': MULTIPART, 'content-length': String(declaredBytes), cookie } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        outgoing.destroy();
        resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), sentBytes: head.length });
      });
    });
    // The server closes the connection once it has answered: writing more would fail, and that is the point.
    outgoing.on('error', (error) => (outgoing.writableEnded ? undefined : reject(error)));
    outgoing.write(head);
  });
}

describe('multipart bodies', () => {
  let context: TestContext;
  let port: number;

  beforeAll(async () => {
    context = await createTestApp({
      extraRoutes: (app) => {
        app.post('/essai/envoi', { preHandler: mustBeSignedIn, config: { upload: { files: ['piece'], maxFileBytes: 1 * MEGABYTE } } }, async (request) => {
          const body = request.body as Record<string, unknown>;
          const file = uploadedFile(body, 'piece');
          return { fields: Object.fromEntries(Object.entries(body).filter(([name]) => name !== 'piece' && name !== '_csrf')), file: file && { fileName: file.fileName, bytes: file.content.length } };
        });
      },
    });
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    port = (context.app.server.address() as AddressInfo).port;
  });
  afterAll(() => context.close());

  it('a route that takes no file refuses a multipart body with 415 and a French page (a NUL in a field was a 500)', async () => {
    const visitor = new TestClient(context.app);
    await visitor.get('/nous-ecrire');
    const response = await context.app.inject({
      method: 'POST', url: '/nous-ecrire', headers: { cookie: visitor.cookieHeader, 'content-type': MULTIPART },
      payload: multipartBody([{ name: '_csrf', value: csrfTokenFrom(visitor.lastPage) }, { name: 'subject', value: 'question' }, { name: 'message', value: 'a\u0000b' }, { name: 'email', value: 'a@exemple.fr' }]),
    });
    expect(response.statusCode).toBe(415);
    expect(textOf(response.body)).toContain('Format non pris en charge');
    expect(response.headers.connection).toBe('close');
  });

  it('refuses a multipart body to a route without files before the upload completes', async () => {
    const visitor = new TestClient(context.app);
    await visitor.get('/nous-ecrire');
    const head = multipartBody([{ name: '_csrf', value: csrfTokenFrom(visitor.lastPage) }, { name: 'fichier', fileName: 'gros.bin', type: 'application/octet-stream', content: Buffer.alloc(64 * 1024, 1) }], false);
    const answer = await startUpload(port, '/nous-ecrire', visitor.cookieHeader, head, 40 * MEGABYTE);
    expect(answer.statusCode).toBe(415);
    expect(answer.sentBytes).toBeLessThan(40 * MEGABYTE / 100);
    expect(answer.headers.connection).toBe('close');
  });

  it('on a route that takes files, refuses a missing CSRF token before reading the file', async () => {
    const { client } = await signedInClient(context);
    const head = multipartBody([{ name: 'languages', value: 'fr' }, { name: 'dossier', fileName: 'dossier.pdf', type: 'application/pdf', content: Buffer.alloc(64 * 1024, 32) }], false);
    const answer = await startUpload(port, '/revue-de-dossier/demander', client.cookieHeader, head, 19 * MEGABYTE);
    expect(answer.statusCode).toBe(403);
    expect(textOf(answer.body)).toContain('Accès refusé');
    expect(await context.database.db.select().from(reviewRequests)).toEqual([]);
  });

  it('on a route that takes files, refuses a visitor (no session) before reading the file, even with a valid token', async () => {
    const visitor = new TestClient(context.app);
    await visitor.get('/connexion');
    const head = multipartBody([{ name: '_csrf', value: csrfTokenFrom(visitor.lastPage) }, { name: 'strengths', value: 'texte' }, { name: 'attachment', fileName: 'retour.pdf', type: 'application/pdf', content: Buffer.alloc(64 * 1024, 32) }], false);
    const answer = await startUpload(port, `/revue-de-dossier/relecture/${'a'.repeat(43)}`, visitor.cookieHeader, head, 9 * MEGABYTE);
    expect(answer.statusCode).toBe(401);
    expect(textOf(answer.body)).toContain('Connexion nécessaire');
  });

  it('reads the file for a signed-in person with her token, cleans every field, before and after the file, and keeps the limit of the route', async () => {
    const { client } = await signedInClient(context);
    await client.get('/mon-espace');
    const token = csrfTokenFrom(client.lastPage);
    const send = (content: Buffer) => context.app.inject({
      method: 'POST', url: '/essai/envoi', headers: { cookie: client.cookieHeader, 'content-type': MULTIPART },
      payload: multipartBody([
        { name: '_csrf', value: token }, { name: 'avant', value: 'a\u0000b' }, { name: 'liste', value: 'un' },
        { name: 'piece', fileName: 'fi\u0000che.pdf', type: 'application/pdf', content },
        { name: 'apres', value: 'c\u0000d\uD800' }, { name: 'liste', value: 'deux' },
      ]),
    });
    const accepted = await send(samplePdf());
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ fields: { avant: 'ab', liste: ['un', 'deux'], apres: 'cd\uFFFD' }, file: { fileName: 'fiche.pdf', bytes: samplePdf().length } });

    const tooLarge = await send(Buffer.alloc(MEGABYTE + 1, 32));
    expect(tooLarge.statusCode).toBe(413);
    expect(textOf(tooLarge.body)).toContain('Un fichier ne peut pas dépasser 1 Mo ici');
  });

  it('refuses a file in a field the route does not take, and a second file', async () => {
    const { client } = await signedInClient(context);
    await client.get('/mon-espace');
    const token = csrfTokenFrom(client.lastPage);
    for (const files of [[{ name: 'autre', fileName: 'a.pdf', type: 'application/pdf', content: samplePdf() }], [1, 2].map(() => ({ name: 'piece', fileName: 'a.pdf', type: 'application/pdf', content: samplePdf() }))]) {
      const response = await context.app.inject({
        method: 'POST', url: '/essai/envoi', headers: { cookie: client.cookieHeader, 'content-type': MULTIPART }, payload: multipartBody([{ name: '_csrf', value: token }, ...files]),
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });

  it('a NUL in a field of the dossier form is removed, and the dossier is deposited', async () => {
    const { client } = await signedInClient(context);
    const response = await client.postMultipart('/revue-de-dossier/demander', { disciplines: ['documentary'], languages: ['fr'], rules: 'oui', message: 'Regardez\u0000 la note' }, { dossier: { fileName: 'dossier.pdf', type: 'application/pdf', content: samplePdf() } }, { page: '/revue-de-dossier/demander' });
    expect(response.statusCode).toBe(303);
    const [row] = await context.database.db.select().from(reviewRequests);
    expect(row!.messageToPartner).toBe('Regardez la note');
  });

  it('a malformed multipart body is a 400, not a 500', async () => {
    const { client } = await signedInClient(context);
    await client.get('/mon-espace');
    const token = csrfTokenFrom(client.lastPage);
    for (const payload of [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="piece"; filename="a.pdf"\r\n\r\n%PDF-1.4 tronqué`), Buffer.from('pas du tout du multipart')]) {
      const response = await context.app.inject({ method: 'POST', url: '/essai/envoi', headers: { cookie: client.cookieHeader, 'content-type': MULTIPART }, payload });
      expect(response.statusCode, payload.toString().slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});
