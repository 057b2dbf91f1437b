import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { RESOURCE_THEMES, type ResourceRow, resourceFeedback, resources } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { uniqueResourceSlug } from './resource-editing.commands.ts';

const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]);

/** A proposal: a link to an existing resource, or a text of one's own. Only these fields are read. */
export const resourceProposalSchema = z.object({
  kind: z.enum(['link', 'text'], { error: 'Choisissez ce que vous proposez.' }),
  title: z.string({ error: 'Indiquez un titre.' }).trim().min(3, 'Indiquez un titre (3 caractères au moins).').max(200, '200 caractères au plus.'),
  url: z.string().optional().transform((value) => value?.trim() ?? ''),
  text: z.string().optional().transform((value) => value?.trim() ?? '').pipe(z.string().max(20000, '20 000 caractères au plus.')),
  summary: z.string({ error: 'Dites en une phrase pourquoi c’est utile.' }).trim().min(10, 'Dites en une phrase pourquoi c’est utile (10 caractères au moins).').max(600, '600 caractères au plus.'),
  themes: z.preprocess(asList, z.array(z.enum(RESOURCE_THEMES, { error: 'Choisissez des thèmes de la liste.' }))),
}).superRefine((proposal, context) => {
  if (proposal.kind === 'link' && !safeExternalUrl(proposal.url)) context.addIssue({ code: 'custom', path: ['url'], message: 'Indiquez l’adresse complète du lien, commençant par https://' });
  if (proposal.kind === 'text' && proposal.text.length < 200) context.addIssue({ code: 'custom', path: ['text'], message: 'Écrivez votre texte (200 caractères au moins).' });
});

export type ResourceProposal = z.infer<typeof resourceProposalSchema>;

/** The proposal becomes a resource in review: the team decides what is published. */
export async function proposeResource(db: Pick<Database, 'insert' | 'execute'>, proposal: ResourceProposal, submitterId: number, clock: Clock): Promise<ResourceRow> {
  const now = clock.now();
  const [row] = await db.insert(resources).values({
    slug: await uniqueResourceSlug(db, proposal.title),
    type: proposal.kind === 'link' ? 'link' : 'sheet',
    title: proposal.title,
    summary: proposal.summary,
    body: proposal.kind === 'text' ? proposal.text : '',
    externalUrl: proposal.kind === 'link' ? safeExternalUrl(proposal.url) : null,
    themes: [...new Set(proposal.themes)],
    status: 'in_review',
    source: 'suggestion',
    submittedBy: submitterId,
    createdAt: now,
    updatedAt: now,
  }).returning();
  return row!;
}

export async function recordResourceFeedback(db: Database, resourceId: number, answer: 'useful' | 'not_useful', reasons: string[], clock: Clock): Promise<void> {
  await db.insert(resourceFeedback).values({ resourceId, answer, reasons, createdAt: clock.now() });
}
