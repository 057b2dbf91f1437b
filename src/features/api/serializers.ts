import type { ParityOrganizationRow, ResourceRow } from '../../db/schema/index.ts';
import type { IsoDate } from '../../platform/dates.ts';
import type { OpportunityWithWindows } from '../opportunities/opportunities.queries.ts';
import { statusOf } from '../opportunities/opportunity.presenters.ts';
import { assessParity } from '../parity/parity-rule.ts';
import type { OrganizationCard, PublishedFigure } from '../parity/parity.queries.ts';

/**
 * What the open API says about each thing, field by field (an allow-list): a column added to a
 * table never reaches the API unless it is added here, and documented in openapi.ts.
 */

export function opportunityJson(opportunity: OpportunityWithWindows, today: IsoDate, publicUrl: string) {
  const status = statusOf(opportunity, today);
  return {
    id: opportunity.slug,
    url: `${publicUrl}/aides/${opportunity.slug}`,
    title: opportunity.title,
    organizer: opportunity.organizer,
    kind: opportunity.kind,
    disciplines: opportunity.disciplines,
    summary: opportunity.summary,
    description: opportunity.description,
    amountEur: opportunity.amountEur,
    amountNote: opportunity.amountNote,
    entryFeeEur: opportunity.entryFeeEur,
    geographicScope: opportunity.geographicScope,
    eligibilityRegion: opportunity.eligibilityRegion,
    ageMin: opportunity.ageMin,
    ageMax: opportunity.ageMax,
    careerStages: opportunity.careerStages,
    reservedToWomen: opportunity.reservedToWomen,
    recurrence: opportunity.recurrence,
    officialUrl: opportunity.officialUrl,
    applicationUrl: opportunity.applicationUrl,
    city: opportunity.city,
    region: opportunity.region,
    status: status.status,
    closesOn: 'closesOn' in status ? status.closesOn : null,
    datesEstimated: 'isEstimated' in status ? status.isEstimated : false,
    windows: opportunity.windows.map((window) => ({ opensOn: window.opensOn, closesOn: window.closesOn, isEstimated: window.isEstimated })),
    lastVerifiedOn: opportunity.lastVerifiedOn,
    updatedAt: opportunity.updatedAt.toISOString(),
  };
}

export function resourceJson(resource: ResourceRow, publicUrl: string) {
  return {
    id: resource.slug,
    url: `${publicUrl}/ressources/${resource.slug}`,
    type: resource.type,
    title: resource.title,
    summary: resource.summary,
    themes: resource.themes,
    careerStages: resource.careerStages,
    tags: resource.tags,
    author: resource.author,
    lastUpdatedOn: resource.lastUpdatedOn,
    startsAt: resource.startsAt?.toISOString() ?? null,
    sources: resource.sources.map((source) => ({ title: source.title, url: source.url, publisher: source.publisher })),
    downloadUrl: resource.type === 'document' && resource.fileKey ? `${publicUrl}/ressources/${resource.slug}/telecharger` : null,
    externalUrl: resource.externalUrl,
  };
}

function figureJson(figure: PublishedFigure) {
  const assessment = assessParity(figure);
  return {
    year: figure.year, metric: figure.metric, women: figure.women, total: figure.total, shareOfWomen: assessment.share, level: assessment.level,
    source: figure.source, declaredByOrganization: figure.declaredByOrganization,
  };
}

export function organizationCardJson(card: OrganizationCard, publicUrl: string) {
  return {
    id: card.slug, url: `${publicUrl}/index-parite/${card.slug}`, name: card.name, type: card.type, city: card.city, region: card.region, network: card.network,
    latestYear: card.year, latestFigures: card.figures.map(figureJson),
  };
}

export function organizationJson(organization: ParityOrganizationRow, parentSlug: string | null, figures: PublishedFigure[], publicUrl: string) {
  return {
    id: organization.slug, url: `${publicUrl}/index-parite/${organization.slug}`, name: organization.name, type: organization.type, city: organization.city,
    region: organization.region, network: organization.network, website: organization.website, awardedBy: parentSlug, equalityText: organization.equalityText,
    figures: figures.map(figureJson),
  };
}
