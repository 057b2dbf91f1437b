import type { AddressInfo } from 'node:net';
import { type TestContext, createTestApp } from '../../test/helpers/test-app.ts';
import { seedOpportunities } from '../../src/features/opportunities/seed.commands.ts';
import { seedResources } from '../../src/features/resources/resource-seed.commands.ts';
import { seedParity } from '../../src/features/parity/parity-seed.commands.ts';

export interface RunningServer extends TestContext {
  baseUrl: string;
}

/** The application listening on a free local port, seeded with the real catalogue. */
export async function startSeededServer(options: { now?: string; smtp?: boolean; config?: Record<string, string> } = {}): Promise<RunningServer> {
  const context = await createTestApp({ now: options.now, smtp: options.smtp, config: options.config });
  await seedOpportunities(context.database.db, context.clock);
  await seedResources(context.database.db, context.storage, context.clock);
  await seedParity(context.database.db, context.clock);
  await context.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = context.app.server.address() as AddressInfo;
  return { ...context, baseUrl: `http://127.0.0.1:${port}` };
}
