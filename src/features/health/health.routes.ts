import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance): void {
  // Liveness without touching the database: also the benchmark's trivial baseline route.
  app.get('/sante', async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok'));

  // Readiness: the database answers.
  app.get('/sante/base-de-donnees', async (_request, reply) => {
    await app.db.execute(sql`SELECT 1`);
    return reply.type('text/plain; charset=utf-8').send('ok');
  });
}
