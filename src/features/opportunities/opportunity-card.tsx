import type { IsoDate } from '../../platform/dates.ts';
import type { OpportunityWithWindows } from './opportunities.queries.ts';
import { KIND_LABELS } from './opportunity.vocabulary.ts';
import { amountSentence, isEstimated, statusOf, statusSentence } from './opportunity.presenters.ts';
import { StatusBadge } from './status-badge.tsx';

interface OpportunityCardProps {
  opportunity: OpportunityWithWindows;
  today: IsoDate;
  headingLevel?: 'h2' | 'h3';
}

export function OpportunityCard({ opportunity, today, headingLevel = 'h3' }: OpportunityCardProps) {
  const status = statusOf(opportunity, today);
  const amount = amountSentence(opportunity);
  const Heading = headingLevel;
  return (
    <div class="fr-card fr-enlarge-link fr-card--horizontal fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={`/aides/${opportunity.slug}`}>{opportunity.title}</a>
          </Heading>
          <p class="fr-card__desc">{opportunity.summary}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              <li><StatusBadge status={status} small /></li>
              <li><p class="fr-badge fr-badge--sm fr-badge--blue-ecume">{KIND_LABELS[opportunity.kind]}</p></li>
              {opportunity.reservedToWomen ? (
                <li><p class="fr-badge fr-badge--sm fr-badge--purple-glycine">Réservée aux femmes et minorités de genre</p></li>
              ) : null}
            </ul>
            <p class="fr-card__detail">{opportunity.organizer}</p>
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail fr-icon-calendar-line">
              {statusSentence(status)}
              {isEstimated(status) ? ' Dates indicatives.' : ''}
            </p>
            {amount ? <p class="fr-card__detail fr-icon-money-euro-circle-line">{amount}</p> : null}
          </div>
        </div>
      </div>
    </div>
  );
}
