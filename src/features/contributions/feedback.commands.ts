import type { Database } from '../../db/client.ts';
import { type FeedbackAnswer, type ReportReason, opportunityFeedback, opportunityReports } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';

export async function recordFeedback(db: Database, opportunityId: number, answer: FeedbackAnswer, reasons: string[], clock: Clock): Promise<void> {
  await db.insert(opportunityFeedback).values({ opportunityId, answer, reasons, createdAt: clock.now() });
}

export async function reportError(db: Database, report: { opportunityId: number; reason: ReportReason; comment: string | null; reporterId: number | null }, clock: Clock): Promise<void> {
  await db.insert(opportunityReports).values({ ...report, createdAt: clock.now() });
}
