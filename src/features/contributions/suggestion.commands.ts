import type { Database } from '../../db/client.ts';
import { emailTokens, type OpportunityRow } from '../../db/schema/index.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import type { Clock } from '../../platform/clock.ts';
import { queueEmail } from '../../platform/email/outbox.ts';
import { hashToken, randomToken } from '../../platform/tokens.ts';
import { consumeEmailToken } from '../accounts/sign-in.commands.ts';
import { findOrCreateUser, recordSignIn } from '../accounts/users.commands.ts';
import { insertOpportunity } from '../opportunities/opportunity-editing.commands.ts';
import { type OpportunityFormData, parseOpportunityForm, toOpportunityValues } from '../opportunities/opportunity-form.schema.ts';
import { SUGGESTION_CONFIRMATION_HOURS, confirmSuggestionEmail } from './contribution.emails.tsx';

type Executor = Parameters<typeof insertOpportunity>[0];

/**
 * "Proposer une aide": whatever the form sent, the result is an item in review, from the public,
 * with only the form's fields. Nothing the public sends can publish or change a published item.
 */
export async function suggestOpportunity(db: Executor, data: OpportunityFormData, submitterId: number, clock: Clock): Promise<OpportunityRow> {
  const { values, windows } = toOpportunityValues(data);
  const now = clock.now();
  return insertOpportunity(db, { ...values, status: 'in_review', source: 'suggestion', submittedBy: submitterId, createdAt: now, updatedAt: now }, windows);
}

/** A visitor without an account: the suggestion waits in an emailed link until she confirms. */
export async function requestSuggestionConfirmation(
  db: Database,
  options: { email: string; body: Record<string, unknown>; title: string; clock: Clock; publicUrl: string },
): Promise<number | null> {
  const token = randomToken();
  const now = options.clock.now();
  return db.transaction(async (tx) => {
    await tx.insert(emailTokens).values({
      tokenHash: hashToken(token),
      email: options.email,
      purpose: 'confirm_suggestion',
      payload: JSON.stringify(options.body),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SUGGESTION_CONFIRMATION_HOURS * 3_600_000),
    });
    return queueEmail(tx, {
      idempotencyKey: `confirm-suggestion:${hashToken(token)}`,
      recipient: options.email,
      purpose: 'confirm_suggestion',
      ...confirmSuggestionEmail({ link: `${options.publicUrl}/aides/proposer/confirmer/${token}`, title: options.title, publicUrl: options.publicUrl }),
    });
  });
}

export async function confirmSuggestion(db: Database, token: unknown, clock: Clock): Promise<{ sessionToken: string } | null> {
  return db.transaction(async (tx) => {
    const consumed = await consumeEmailToken(tx, token, 'confirm_suggestion', clock);
    if (!consumed?.payload) return null;
    // Validated again: what waited in the link is parsed by the same strict schema.
    const parsed = parseOpportunityForm(JSON.parse(consumed.payload));
    if (!parsed.ok) return null;
    const { user } = await findOrCreateUser(tx, consumed.email, clock, {
      purpose: 'account',
      wording: 'Création de mon espace en confirmant une proposition d’aide ; j’accepte les conditions d’utilisation du service.',
    });
    await suggestOpportunity(tx, parsed.data, user.id, clock);
    await recordSignIn(tx, user.id, clock);
    return { sessionToken: await createSession(tx, user.id, clock) };
  });
}
