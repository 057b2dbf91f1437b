import type { FastifyInstance } from 'fastify';
import { AboutPage, UpcomingSectionPage } from './about.page.tsx';
import { AccessibilityPage, LegalNoticePage, PersonalDataPage, SitemapPage } from './legal.pages.tsx';

// Sections announced in the navigation whose feature has not shipped yet. Each entry is removed
// when its feature registers its own route.
const UPCOMING_SECTIONS = [
  {
    path: '/index-parite',
    title: 'Index de la parité',
    lead: 'La part de femmes exposées, primées, enseignées et recrutées par les organisations de la photographie, année après année.',
    items: ['Les chiffres par festival, lieu, école, prix et média', 'Les grands prix depuis 1989', 'La méthode de calcul', 'Les données ouvertes à télécharger'],
  },
] as const;

export function registerAboutRoutes(app: FastifyInstance): void {
  app.get('/a-propos', async (request, reply) => reply.view(<AboutPage ctx={request.pageContext()} />));
  app.get('/mentions-legales', async (request, reply) => reply.view(<LegalNoticePage ctx={request.pageContext()} />));
  app.get('/donnees-personnelles', async (request, reply) => reply.view(<PersonalDataPage ctx={request.pageContext()} />));
  app.get('/accessibilite', async (request, reply) => reply.view(<AccessibilityPage ctx={request.pageContext()} />));
  app.get('/plan-du-site', async (request, reply) => reply.view(<SitemapPage ctx={request.pageContext()} />));
  for (const section of UPCOMING_SECTIONS) {
    app.get(section.path, async (request, reply) =>
      reply.view(<UpcomingSectionPage ctx={request.pageContext()} title={section.title} lead={section.lead} items={[...section.items]} />),
    );
  }
}
