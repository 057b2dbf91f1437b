import { z } from 'zod';
import { ALERT_FREQUENCIES, FOLLOW_KINDS } from '../../db/schema/index.ts';

/**
 * What a person asked for, kept in the confirmation link's record until she confirms her
 * address (double opt-in), then turned into an alert. Validated again when used.
 */
export const alertRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('follow'), opportunityId: z.number().int().positive(), kind: z.enum(FOLLOW_KINDS) }),
  z.object({ type: z.literal('search'), query: z.string().max(2000), frequency: z.enum(ALERT_FREQUENCIES) }),
]);

export type AlertRequest = z.infer<typeof alertRequestSchema>;

/** URL words for the two kinds of follow. */
export const FOLLOW_KIND_SLUGS = { deadlines: 'rappels', next_edition: 'prochaine-edition' } as const;

export function followKindFromSlug(slug: unknown): (typeof FOLLOW_KINDS)[number] | null {
  if (slug === FOLLOW_KIND_SLUGS.deadlines) return 'deadlines';
  if (slug === FOLLOW_KIND_SLUGS.next_edition) return 'next_edition';
  return null;
}
