import type { ResourceRow, ResourceTheme } from '../../db/schema/index.ts';
import { formatFrenchDate, formatParisDateTime } from '../../platform/dates.ts';
import { isPastWebinar } from './resources.queries.ts';
import { RESOURCE_TYPE_LABELS, THEME_LABELS, readingMinutes } from './resource.vocabulary.ts';

export function resourceMeta(resource: ResourceRow, now: Date): string {
  switch (resource.type) {
    case 'sheet':
      return `Lecture : ${readingMinutes(resource.introduction, resource.body)} min${resource.lastUpdatedOn ? ` — mise à jour le ${formatFrenchDate(resource.lastUpdatedOn)}` : ''}`;
    case 'webinar':
      return resource.startsAt ? `${isPastWebinar(resource, now) ? 'Passé' : 'À venir'} — ${formatParisDateTime(resource.startsAt)}` : 'Date à venir';
    case 'document':
      return `PDF${resource.fileSize ? `, ${Math.max(1, Math.round(resource.fileSize / 1024))} Ko` : ''}`;
    case 'video':
      return resource.speakers[0] ? `Avec ${resource.speakers[0].name}` : 'Témoignage';
    case 'link':
      return 'Ressource externe';
  }
}

export function ResourceCard({ resource, now }: { resource: ResourceRow; now: Date }) {
  return (
    <div class="fr-card fr-enlarge-link fr-card--horizontal fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <h3 class="fr-card__title"><a href={`/ressources/${resource.slug}`}>{resource.title}</a></h3>
          <p class="fr-card__desc">{resource.summary}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li><p class="fr-badge fr-badge--sm fr-badge--blue-ecume">{RESOURCE_TYPE_LABELS[resource.type]}</p></li>
              {resource.themes.map((theme) => <li key={theme}><p class="fr-badge fr-badge--sm">{THEME_LABELS[theme as ResourceTheme]}</p></li>)}
            </ul>
          </div>
          <div class="fr-card__end"><p class="fr-card__detail">{resourceMeta(resource, now)}</p></div>
        </div>
      </div>
    </div>
  );
}
