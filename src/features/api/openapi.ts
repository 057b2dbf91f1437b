import { ORGANIZATION_TYPES, PARITY_METRICS, RESOURCE_THEMES, RESOURCE_TYPES } from '../../db/schema/index.ts';
import { CAREER_STAGES, DISCIPLINES, GEOGRAPHIC_SCOPES, OPPORTUNITY_KINDS, RECURRENCES } from '../opportunities/opportunity.vocabulary.ts';
import { PARITY_LEVELS } from '../parity/parity-rule.ts';

/** The OpenAPI 3.1 description of /api/v1, checked by a validator and against real answers in tests. */

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const string = { type: 'string' } as const;
const date = { type: 'string', format: 'date' } as const;
const uri = { type: 'string', format: 'uri' } as const;
const integer = { type: 'integer' } as const;
const strings = { type: 'array', items: string } as const;

const page = {
  type: 'object', additionalProperties: false, required: ['total', 'page', 'pageCount', 'perPage'],
  properties: { total: integer, page: integer, pageCount: integer, perPage: integer },
};
const pageParameter = { name: 'page', in: 'query', required: false, description: 'Numéro de page (20 éléments par page).', schema: { type: 'integer', minimum: 1 } };
const slugParameter = { name: 'id', in: 'path', required: true, description: 'Identifiant stable (celui de l’adresse de la page sur le site).', schema: { type: 'string', pattern: '^[a-z0-9-]+$' } };
const listOf = (ref: string) => ({
  type: 'object', additionalProperties: false, required: ['data', 'meta'],
  properties: { data: { type: 'array', items: { $ref: ref } }, meta: { $ref: '#/components/schemas/Page' } },
});
const json = (schema: Record<string, unknown>, description: string) => ({ description, headers: { ETag: { schema: string } }, content: { 'application/json': { schema } } });
const notFound = { description: 'Inconnu', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const query = (name: string, description: string, schema: Record<string, unknown> = string) => ({ name, in: 'query', required: false, description, schema });

export function openApiDocument(publicUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API ouverte d’Elles font la culture',
      version: '1.0.0',
      description: 'Les aides aux photographes, les ressources et l’index de la parité, en lecture seule. Données sous Licence Ouverte / Etalab 2.0.',
      license: { name: 'Licence Ouverte / Etalab 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: {
      '/opportunities': {
        get: {
          summary: 'Aides publiées, avec les filtres du catalogue',
          operationId: 'listOpportunities',
          parameters: [
            query('q', 'Mots recherchés'), query('type', 'Type d’aide (slug du catalogue : prix, bourse, residence…), répétable'),
            query('discipline', 'Pratique (slug du catalogue), répétable'), query('statut', 'ouverte, cloture-proche, a-venir, permanente, dates-a-confirmer, cloturee'),
            query('region', 'Région'), query('reservee', '1 : réservées aux femmes et minorités de genre'), query('gratuite', '1 : candidature gratuite'), pageParameter,
          ],
          responses: { 200: json(listOf('#/components/schemas/Opportunity'), 'Une page d’aides') },
        },
      },
      '/opportunities/{id}': {
        get: { summary: 'Une aide', operationId: 'getOpportunity', parameters: [slugParameter], responses: { 200: json({ $ref: '#/components/schemas/Opportunity' }, 'L’aide'), 404: notFound } },
      },
      '/resources': {
        get: {
          summary: 'Ressources publiées (fiches, vidéos, ateliers, modèles, liens)',
          operationId: 'listResources',
          parameters: [query('q', 'Mots recherchés'), query('type', 'fiche, video, atelier, modele, lien'), query('theme', 'Thème (slug)'), pageParameter],
          responses: { 200: json(listOf('#/components/schemas/Resource'), 'Une page de ressources') },
        },
      },
      '/resources/{id}': {
        get: { summary: 'Une ressource', operationId: 'getResource', parameters: [slugParameter], responses: { 200: json({ $ref: '#/components/schemas/Resource' }, 'La ressource'), 404: notFound } },
      },
      '/organizations': {
        get: {
          summary: 'Organisations de l’index de la parité, avec leurs derniers chiffres',
          operationId: 'listOrganizations',
          parameters: [query('q', 'Nom ou ville'), query('type', 'Type (slug : festival, prix, ecole…)'), query('annee', 'Année des chiffres', integer), pageParameter],
          responses: { 200: json(listOf('#/components/schemas/OrganizationSummary'), 'Une page d’organisations') },
        },
      },
      '/organizations/{id}': {
        get: { summary: 'Une organisation et tous ses chiffres publiés', operationId: 'getOrganization', parameters: [slugParameter], responses: { 200: json({ $ref: '#/components/schemas/Organization' }, 'L’organisation'), 404: notFound } },
      },
    },
    components: {
      schemas: {
        Page: page,
        Error: { type: 'object', required: ['error'], properties: { error: string } },
        Window: { type: 'object', additionalProperties: false, required: ['opensOn', 'closesOn', 'isEstimated'], properties: { opensOn: nullable(date), closesOn: date, isEstimated: { type: 'boolean' } } },
        Opportunity: {
          type: 'object', additionalProperties: false,
          required: ['id', 'url', 'title', 'organizer', 'kind', 'disciplines', 'summary', 'description', 'amountEur', 'amountNote', 'entryFeeEur', 'geographicScope', 'eligibilityRegion', 'ageMin', 'ageMax', 'careerStages', 'reservedToWomen', 'recurrence', 'officialUrl', 'applicationUrl', 'city', 'region', 'status', 'closesOn', 'datesEstimated', 'windows', 'lastVerifiedOn', 'updatedAt'],
          properties: {
            id: string, url: uri, title: string, organizer: string, kind: { enum: [...OPPORTUNITY_KINDS] }, disciplines: { type: 'array', items: { enum: [...DISCIPLINES] } },
            summary: string, description: { type: 'string', description: 'Markdown' }, amountEur: nullable(integer), amountNote: nullable(string), entryFeeEur: nullable(integer),
            geographicScope: { enum: [...GEOGRAPHIC_SCOPES] }, eligibilityRegion: nullable(string), ageMin: nullable(integer), ageMax: nullable(integer),
            careerStages: { type: 'array', items: { enum: [...CAREER_STAGES] } }, reservedToWomen: { type: 'boolean' }, recurrence: { enum: [...RECURRENCES] },
            officialUrl: nullable(uri), applicationUrl: nullable(uri), city: nullable(string), region: nullable(string),
            status: { enum: ['open', 'closing_soon', 'upcoming', 'permanent', 'to_confirm', 'closed'] }, closesOn: nullable(date), datesEstimated: { type: 'boolean' },
            windows: { type: 'array', items: { $ref: '#/components/schemas/Window' } }, lastVerifiedOn: nullable(date), updatedAt: { type: 'string', format: 'date-time' },
          },
        },
        Resource: {
          type: 'object', additionalProperties: false,
          required: ['id', 'url', 'type', 'title', 'summary', 'themes', 'careerStages', 'tags', 'author', 'lastUpdatedOn', 'startsAt', 'sources', 'downloadUrl', 'externalUrl'],
          properties: {
            id: string, url: uri, type: { enum: [...RESOURCE_TYPES] }, title: string, summary: string, themes: { type: 'array', items: { enum: [...RESOURCE_THEMES] } },
            careerStages: strings, tags: strings, author: nullable(string), lastUpdatedOn: nullable(date), startsAt: nullable({ type: 'string', format: 'date-time' }),
            sources: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['title', 'url', 'publisher'], properties: { title: string, url: uri, publisher: nullable(string) } } },
            downloadUrl: nullable(uri), externalUrl: nullable(uri),
          },
        },
        Figure: {
          type: 'object', additionalProperties: false, required: ['year', 'metric', 'women', 'total', 'shareOfWomen', 'level', 'source', 'declaredByOrganization'],
          properties: {
            year: integer, metric: { enum: [...PARITY_METRICS] }, women: { type: 'integer', minimum: 0 }, total: { type: 'integer', minimum: 0 },
            shareOfWomen: nullable({ type: 'integer', minimum: 0, maximum: 100 }), level: { enum: [...PARITY_LEVELS] }, source: string, declaredByOrganization: { type: 'boolean' },
          },
        },
        OrganizationSummary: {
          type: 'object', additionalProperties: false, required: ['id', 'url', 'name', 'type', 'city', 'region', 'network', 'latestYear', 'latestFigures'],
          properties: {
            id: string, url: uri, name: string, type: { enum: [...ORGANIZATION_TYPES] }, city: nullable(string), region: nullable(string), network: nullable(string),
            latestYear: nullable(integer), latestFigures: { type: 'array', items: { $ref: '#/components/schemas/Figure' } },
          },
        },
        Organization: {
          type: 'object', additionalProperties: false, required: ['id', 'url', 'name', 'type', 'city', 'region', 'network', 'website', 'awardedBy', 'equalityText', 'figures'],
          properties: {
            id: string, url: uri, name: string, type: { enum: [...ORGANIZATION_TYPES] }, city: nullable(string), region: nullable(string), network: nullable(string),
            website: nullable(uri), awardedBy: nullable(string), equalityText: nullable(string), figures: { type: 'array', items: { $ref: '#/components/schemas/Figure' } },
          },
        },
      },
    },
  };
}
