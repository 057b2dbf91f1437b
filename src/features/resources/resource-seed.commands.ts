import { readFile, readdir } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { type NewResourceRow, RESOURCE_STAGES, resources } from '../../db/schema/index.ts';
import type { Clock } from '../../platform/clock.ts';
import { buildPdf, textToBlocks } from '../../platform/pdf/simple-pdf.ts';
import type { Storage } from '../../platform/storage.ts';
import { safeExternalUrl } from '../../platform/urls.ts';
import { STAGE_SLUGS, THEME_SLUGS } from './resource.vocabulary.ts';
import { fromSlug } from '../../platform/slugs.ts';
import { parseSheet } from './sheet-file.ts';

export const RESOURCES_SEED_DIR = new URL('../../../data/seed/resources/', import.meta.url);

const themesOf = (slugs: string[]) => slugs.map((slug) => fromSlug(THEME_SLUGS, slug)).filter((theme) => theme !== undefined);
const stagesOf = (slugs: string[]) => (slugs.includes('toutes') ? [...RESOURCE_STAGES] : slugs.map((slug) => fromSlug(STAGE_SLUGS, slug)).filter((stage) => stage !== undefined));

const webinarSchema = z.array(z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  summary: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().positive(),
  format: z.string(),
  speakers: z.array(z.object({ name: z.string(), role: z.string() })),
  themes: z.array(z.string()),
  careerStages: z.array(z.string()),
  registrationUrl: z.string().nullable(),
  replayUrl: z.string().nullable(),
  transcript: z.string().nullable(),
}));

const documentSchema = z.array(z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string().regex(/^[a-z0-9-]+\.txt$/),
  title: z.string(),
  summary: z.string(),
  themes: z.array(z.string()),
  careerStages: z.array(z.string()),
  tags: z.array(z.string()),
}));

async function rowsFromFiles(storage: Storage): Promise<NewResourceRow[]> {
  const rows: NewResourceRow[] = [];
  const sheetDir = new URL('sheets/', RESOURCES_SEED_DIR);
  for (const file of (await readdir(sheetDir)).filter((name) => name.endsWith('.md')).sort()) {
    let sheet;
    try {
      sheet = parseSheet(await readFile(new URL(file, sheetDir), 'utf8'));
    } catch (error) {
      throw new Error(`Fiche ${file} invalide : ${(error as Error).message}`);
    }
    rows.push({
      slug: sheet.slug, type: 'sheet', title: sheet.title, summary: sheet.objective, objective: sheet.objective, introduction: sheet.introduction,
      body: sheet.body, keyTakeaways: sheet.keyTakeaways, sources: sheet.sources, author: sheet.author, themes: sheet.themes,
      careerStages: sheet.careerStages, tags: sheet.tags, lastUpdatedOn: sheet.updated, status: 'published', source: 'seed',
    });
  }
  const webinars = webinarSchema.parse(JSON.parse(await readFile(new URL('webinars.json', RESOURCES_SEED_DIR), 'utf8')));
  for (const webinar of webinars) {
    rows.push({
      slug: webinar.slug, type: 'webinar', title: webinar.title, summary: webinar.summary, startsAt: new Date(webinar.startsAt),
      durationMinutes: webinar.durationMinutes, eventFormat: webinar.format, speakers: webinar.speakers, themes: themesOf(webinar.themes),
      careerStages: stagesOf(webinar.careerStages), registrationUrl: safeExternalUrl(webinar.registrationUrl), replayUrl: safeExternalUrl(webinar.replayUrl),
      transcript: webinar.transcript, author: 'Équipe Elles font la culture', status: 'published', source: 'seed',
    });
  }
  const documents = documentSchema.parse(JSON.parse(await readFile(new URL('documents.json', RESOURCES_SEED_DIR), 'utf8')));
  for (const document of documents) {
    const text = await readFile(new URL(`documents/${document.file}`, RESOURCES_SEED_DIR), 'utf8');
    const pdf = buildPdf(textToBlocks(text), { title: document.title });
    const fileKey = `ressources/${document.slug}.pdf`;
    await storage.put(fileKey, pdf);
    rows.push({
      slug: document.slug, type: 'document', title: document.title, summary: document.summary, themes: themesOf(document.themes),
      careerStages: stagesOf(document.careerStages), tags: document.tags, author: 'Équipe Elles font la culture', fileKey, fileName: `${document.slug}.pdf`,
      fileType: 'application/pdf', fileSize: pdf.length, body: text.split('\n').slice(1).join('\n').trim(), status: 'published', source: 'seed',
    });
  }
  return rows;
}

/** Loads the service's own resources (idempotent: by slug, seed items only are updated). */
export async function seedResources(db: Database, storage: Storage, clock: Clock): Promise<{ inserted: number; updated: number }> {
  const rows = await rowsFromFiles(storage);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const report = { inserted: 0, updated: 0 };
    for (const row of rows) {
      const [existing] = await tx.select({ id: resources.id, source: resources.source }).from(resources).where(eq(resources.slug, row.slug));
      if (existing && existing.source !== 'seed') continue;
      if (existing) {
        await tx.update(resources).set({ ...row, updatedAt: now }).where(and(eq(resources.id, existing.id), eq(resources.source, 'seed')));
        report.updated += 1;
      } else {
        await tx.insert(resources).values({ ...row, publishedAt: now, createdAt: now, updatedAt: now });
        report.inserted += 1;
      }
    }
    return report;
  });
}
