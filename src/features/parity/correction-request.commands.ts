import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { parityCorrectionRequests } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../audit/audit.commands.ts';

export const correctionRequestSchema = z.object({
  message: z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : ''),
    z.string().min(10, 'Décrivez l’erreur en quelques mots (10 caractères au moins).').max(2000, '2 000 caractères au plus.')),
});

export async function requestCorrection(db: Database, input: { organizationId: number; message: string; reporterId: number | null }, clock: Clock): Promise<void> {
  await db.insert(parityCorrectionRequests).values({ ...input, createdAt: clock.now() });
}

export async function resolveCorrectionRequest(db: Database, id: number, actor: Actor, clock: Clock): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(parityCorrectionRequests).set({ status: 'resolved', resolvedAt: clock.now() })
      .where(and(eq(parityCorrectionRequests.id, id), eq(parityCorrectionRequests.status, 'open'))).returning({ id: parityCorrectionRequests.id });
    if (!row) return false;
    await recordAudit(tx, actor, { action: 'parity_correction_request.resolve', entityType: 'parity_correction_request', entityId: id, summary: 'Signalement d’erreur de l’index de la parité traité' }, clock);
    return true;
  });
}
