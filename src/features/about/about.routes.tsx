import type { FastifyInstance } from 'fastify';
import { AboutPage } from './about.page.tsx';
import { AccessibilityPage, LegalNoticePage, PersonalDataPage, SitemapPage, TermsPage } from './legal.pages.tsx';

export function registerAboutRoutes(app: FastifyInstance): void {
  app.get('/a-propos', async (request, reply) => reply.view(<AboutPage ctx={request.pageContext()} />));
  app.get('/mentions-legales', async (request, reply) => reply.view(<LegalNoticePage ctx={request.pageContext()} />));
  app.get('/donnees-personnelles', async (request, reply) => reply.view(<PersonalDataPage ctx={request.pageContext()} />));
  app.get('/accessibilite', async (request, reply) => reply.view(<AccessibilityPage ctx={request.pageContext()} />));
  app.get('/conditions-d-utilisation', async (request, reply) => reply.view(<TermsPage ctx={request.pageContext()} />));
  app.get('/plan-du-site', async (request, reply) => reply.view(<SitemapPage ctx={request.pageContext()} />));
}
