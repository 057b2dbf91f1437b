import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const dsfrPackage = require('@gouvfr/dsfr/package.json') as { version: string };
const DSFR_DIST = join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
const PUBLIC_DIR = fileURLToPath(new URL('../../../public', import.meta.url));

/** Changes with each DSFR upgrade: assets are served under it and cached for a year. */
export const ASSETS_VERSION = dsfrPackage.version;

export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  const immutable = { maxAge: '365d', immutable: true } as const;
  // The whole dist/ under one prefix: DSFR's CSS loads fonts and icons by relative URLs.
  await app.register(fastifyStatic, { root: DSFR_DIST, prefix: `/dsfr/${ASSETS_VERSION}/`, ...immutable });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: `/static/${ASSETS_VERSION}/`,
    decorateReply: false,
    ...immutable,
  });
}
