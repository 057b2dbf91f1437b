import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { opportunities, opportunityFeedback } from '../../db/schema/index.ts';
import { toCsv } from '../../platform/csv.ts';

/** CSV exports for the team's spreadsheets (formula-looking cells are neutralised). */
export function registerExportRoutes(admin: FastifyInstance): void {
  admin.get('/export/aides.csv', async (_request, reply) => {
    const rows = await admin.db.select().from(opportunities).orderBy(asc(opportunities.id));
    const columns = ['id', 'slug', 'title', 'organizer', 'kind', 'status', 'source', 'disciplines', 'amountEur', 'entryFeeEur', 'geographicScope', 'eligibilityRegion', 'ageMin', 'ageMax', 'careerStages', 'reservedToWomen', 'recurrence', 'officialUrl', 'applicationUrl', 'city', 'region', 'lastVerifiedOn', 'publishedAt', 'updatedAt'] as const;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="catalogue-aides.csv"')
      .send(toCsv(columns, rows.map((row) => columns.map((column) => row[column])), { spreadsheetSafe: true }));
  });

  admin.get('/export/avis.csv', async (_request, reply) => {
    const rows = await admin.db
      .select({ id: opportunityFeedback.id, opportunityId: opportunityFeedback.opportunityId, answer: opportunityFeedback.answer, reasons: opportunityFeedback.reasons, createdAt: opportunityFeedback.createdAt })
      .from(opportunityFeedback).orderBy(asc(opportunityFeedback.id));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="avis-fiches.csv"')
      .send(toCsv(['id', 'opportunity_id', 'answer', 'reasons', 'created_at'], rows.map((row) => [row.id, row.opportunityId, row.answer, row.reasons, row.createdAt]), { spreadsheetSafe: true }));
  });
}
