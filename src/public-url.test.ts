import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedParity } from './features/parity/parity-seed.commands.ts';
import { createOpportunity } from '../test/helpers/factories.ts';
import { linkIn } from '../test/helpers/smtp-sink.ts';
import { type TestContext, createTestApp } from '../test/helpers/test-app.ts';
import { TestClient } from '../test/helpers/test-client.ts';

// A newcomer runs `PORT=3301 npm start` without PUBLIC_URL: every address the service hands out
// (embed code, calendar files, emails) must point where it listens, not to a default port.
describe('PORT=3301 and no PUBLIC_URL', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await createTestApp({ smtp: true, config: { NODE_ENV: 'development', PORT: '3301', PUBLIC_URL: '' } });
    await seedParity(context.database.db, context.clock);
    await createOpportunity(context.database.db, { slug: 'prix-a-venir', title: 'Prix à venir', kind: 'prize', windows: [{ closesOn: '2027-04-15' }] });
  });
  afterAll(() => context.close());

  it('the badge embed code points to :3301', async () => {
    const { body } = await context.app.inject({ url: '/index-parite/le-jeu-de-paume' });
    const code = /<textarea[^>]*id="code-badge"[^>]*>([^<]*)<\/textarea>/.exec(body)?.[1];
    expect(code).toContain('href=&quot;http://localhost:3301/index-parite/le-jeu-de-paume&quot;');
    expect(code).toContain('src=&quot;http://localhost:3301/index-parite/le-jeu-de-paume/badge.svg&quot;');
  });

  it('calendar links point to :3301', async () => {
    const { body } = await context.app.inject({ url: '/aides/calendrier.ics' });
    expect(body).toContain('URL:http://localhost:3301/aides/prix-a-venir');
    expect(body).not.toContain('localhost:3000');
  });

  it('emails link to :3301', async () => {
    const client = new TestClient(context.app);
    await client.post('/connexion', { email: 'nouvelle@exemple.fr' }, { page: '/connexion' });
    await context.jobs.runAll();
    const [mail] = context.smtp!.to('nouvelle@exemple.fr');
    expect(linkIn(mail!, 'http://localhost:3301/connexion/lien/')).toMatch(/^http:\/\/localhost:3301\/connexion\/lien\/[\w-]+$/);
    expect(`${mail!.text}${String(mail!.html)}`).not.toContain('localhost:3000');
  });
});
