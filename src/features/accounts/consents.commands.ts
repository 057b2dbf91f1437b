import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { consents } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';

type Executor = Pick<Database, 'select' | 'insert' | 'update'>;

export const ALERTS_CONSENT_WORDING =
  'Recevoir par email les alertes que je crée (rappels de dates limites, nouvelles aides, prochaines éditions), avec un lien de désabonnement dans chaque email.';

/** Records the consent to alert emails, once while it is not withdrawn. */
export async function recordAlertsConsent(db: Executor, userId: number, clock: Clock): Promise<void> {
  const [active] = await db.select({ id: consents.id }).from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.purpose, 'alerts'), isNull(consents.withdrawnAt))).limit(1);
  if (!active) await db.insert(consents).values({ userId, purpose: 'alerts', wording: ALERTS_CONSENT_WORDING, grantedAt: clock.now() });
}

/** Unsubscribing (or choosing "never") withdraws it, dated. */
export async function withdrawAlertsConsent(db: Executor, userId: number, clock: Clock): Promise<void> {
  await db.update(consents).set({ withdrawnAt: clock.now() })
    .where(and(eq(consents.userId, userId), eq(consents.purpose, 'alerts'), isNull(consents.withdrawnAt)));
}
