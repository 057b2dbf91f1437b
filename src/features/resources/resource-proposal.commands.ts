import type { Database } from '../../db/client.ts';
import { emailTokens } from '../../db/schema/index.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { consumeEmailToken } from '../accounts/sign-in.commands.ts';
import { findOrCreateUser, recordSignIn } from '../accounts/users.commands.ts';
import { confirmSuggestionEmail } from '../contributions/contribution.emails.tsx';
import { proposeResource, resourceProposalSchema } from './resource-contribution.commands.ts';

const CONFIRMATION_HOURS = 48;

/** A visitor's proposal waits in an emailed link until she confirms her address (double opt-in). */
export async function requestResourceProposalConfirmation(
  db: Database,
  options: { email: string; body: Record<string, unknown>; title: string; clock: Clock; publicUrl: string },
): Promise<number | null> {
  const token = randomToken();
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    await tx.insert(emailTokens).values({
      tokenHash: hashToken(token), email: options.email, purpose: 'confirm_suggestion', payload: JSON.stringify({ resource: options.body }),
      createdAt: now, expiresAt: new Date(now.getTime() + CONFIRMATION_HOURS * 3_600_000),
    });
    return queueEmail(tx, {
      idempotencyKey: `confirm-resource:${hashToken(token)}`, recipient: options.email, purpose: 'confirm_resource',
      ...confirmSuggestionEmail({ link: `${options.publicUrl}/ressources/proposer/confirmer/${token}`, title: options.title, publicUrl: options.publicUrl }),
    });
  });
}

export async function confirmResourceProposal(db: Database, token: unknown, clock: Clock): Promise<{ sessionToken: string } | null> {
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, token, 'confirm_suggestion', clock);
    const payload = consumed?.payload ? (JSON.parse(consumed.payload) as { resource?: unknown }) : null;
    const parsed = resourceProposalSchema.safeParse(payload?.resource);
    if (!consumed || !parsed.success) return null;
    const { user } = await findOrCreateUser(tx, consumed.email, clock, {
      purpose: 'account',
      wording: 'Création de mon espace en confirmant une proposition de ressource ; j’accepte les conditions d’utilisation du service.',
    });
    await proposeResource(tx, parsed.data, user.id, clock);
    await recordSignIn(tx, user.id, clock);
    return { sessionToken: await createSession(tx, user.id, clock) };
  });
}
