import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '../../db/migrate.ts';

export function registerHealthRoutes(app: FastifyInstance): void {
  const text = 'text/plain; charset=utf-8';
  // Liveness without touching the database: also the benchmark's trivial baseline route.
  app.get('/sante', async (_request, reply) => reply.type(text).send('ok'));

  // The database answers (kept for the monitors that already call it).
  app.get('/sante/base-de-donnees', async (_request, reply) => {
    await app.db.execute(sql`SELECT 1`);
    return reply.type(text).send('ok');
  });

  // Readiness, for a load balancer or a platform's health check: send traffic only once the
  // database answers and carries every migration this code needs. Never cached, never detailed
  // beyond what an operator needs.
  app.get('/sante/pret', async (_request, reply) => {
    reply.header('cache-control', 'no-store').type(text);
    let pending: number;
    try {
      pending = await pendingMigrations(app.db);
    } catch {
      return reply.code(503).send('pas prêt : la base de données ne répond pas');
    }
    if (pending > 0) return reply.code(503).send(`pas prêt : ${pending} migration(s) en attente (npm run db:migrate)`);
    return reply.send('prêt');
  });
}
