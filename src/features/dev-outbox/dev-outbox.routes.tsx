import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { emails } from '../../db/schema/index.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Layout } from '../../ui/layout.tsx';

/**
 * Only when no SMTP server is configured and outside production (a newcomer's `npm start`):
 * the emails the platform would have sent, readable in the browser.
 */
export function registerDevOutboxRoutes(app: FastifyInstance): void {
  app.get('/dev/emails', async (request, reply) => {
    const rows = await app.db.select({ id: emails.id, recipient: emails.recipient, subject: emails.subject, status: emails.status, createdAt: emails.createdAt })
      .from(emails).orderBy(desc(emails.id)).limit(100);
    return reply.view(
      <Layout ctx={request.pageContext()} title="Emails envoyés (développement)">
        <div class="fr-container fr-mb-8w">
          <Breadcrumb items={[{ label: 'Emails envoyés (développement)' }]} />
          <h1>Emails envoyés (développement)</h1>
          <p>Aucun serveur SMTP n’est configuré (<code>SMTP_URL</code>) : les emails sont gardés ici au lieu d’être envoyés.</p>
          {rows.length === 0 ? <p>Aucun email pour le moment.</p> : (
            <div class="fr-table">
              <table>
                <caption>Les 100 derniers emails</caption>
                <thead><tr><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">État</th><th scope="col">Créé le</th></tr></thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>{row.recipient}</td>
                      <td><a href={`/dev/emails/${row.id}`}>{row.subject}</a></td>
                      <td>{row.status}</td>
                      <td>{row.createdAt.toISOString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </Layout>,
    );
  });

  app.get<{ Params: { id: string } }>('/dev/emails/:id', async (request, reply) => {
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError();
    const [email] = await app.db.select().from(emails).where(eq(emails.id, id));
    if (!email) throw new NotFoundError();
    return reply.view(
      <Layout ctx={request.pageContext()} title={email.subject}>
        <div class="fr-container fr-mb-8w">
          <Breadcrumb items={[{ label: 'Emails envoyés (développement)', href: '/dev/emails' }, { label: email.subject }]} />
          <h1>{email.subject}</h1>
          <p>À : {email.recipient}</p>
          <h2 class="fr-h4">Version texte</h2>
          <pre class="eflc-email-text">{email.text}</pre>
        </div>
      </Layout>,
    );
  });
}
