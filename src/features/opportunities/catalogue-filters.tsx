import type { CatalogueResult } from './catalogue-search.queries.ts';
import {
  CAREER_STAGE_LABELS, DISCIPLINE_LABELS, KIND_LABELS, OPPORTUNITY_KINDS, REGIONS, SCOPE_LABELS, GEOGRAPHIC_SCOPES,
} from './opportunity.vocabulary.ts';
import {
  FILTERABLE_CAREER_STAGES, FILTERABLE_DISCIPLINES, type OpportunitySearch, SEARCH_SLUGS,
} from './search.schema.ts';
import { CATALOGUE_STATUSES, STATUS_LABELS } from './status.ts';

interface CheckboxFacetProps<K extends string> {
  legend: string;
  name: string;
  idPrefix: string;
  values: readonly K[];
  labels: Record<K, string>;
  slugs: Record<K, string>;
  selected: readonly K[];
  counts: Record<string, number>;
  hint?: string;
}

function CheckboxFacet<K extends string>(props: CheckboxFacetProps<K>) {
  const legendId = `${props.idPrefix}-legende`;
  return (
    <fieldset class="fr-fieldset" aria-labelledby={legendId}>
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold" id={legendId}>
        {props.legend}
        {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
      </legend>
      {props.values.map((value) => {
        const id = `${props.idPrefix}-${props.slugs[value]}`;
        const count = props.counts[value] ?? 0;
        return (
          <div class="fr-fieldset__element" key={value}>
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} name={props.name} value={props.slugs[value]} checked={props.selected.includes(value)} />
              <label class="fr-label" for={id}>{`${props.labels[value]} (${count})`}</label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

function SingleCheckbox({ id, name, label, checked, count }: { id: string; name: string; label: string; checked: boolean; count: number }) {
  return (
    <div class="fr-fieldset__element">
      <div class="fr-checkbox-group fr-checkbox-group--sm">
        <input type="checkbox" id={id} name={name} value="1" checked={checked} />
        <label class="fr-label" for={id}>{`${label} (${count})`}</label>
      </div>
    </div>
  );
}

/** The filters of the catalogue: plain form fields, applied by the form's submit button. */
export function CatalogueFilters({ search, result }: { search: OpportunitySearch; result: CatalogueResult }) {
  const { facets } = result;
  return (
    <div class="eflc-facets">
      <h2 class="fr-h4" id="filtres">Filtrer</h2>
      <p class="fr-text--sm">
        <a class="fr-link" href="#resultats">Aller aux résultats ({result.total})</a>
      </p>
      <CheckboxFacet
        legend="Statut"
        hint="Sans choix, les aides clôturées sont masquées."
        name="statut"
        idPrefix="statut"
        values={CATALOGUE_STATUSES}
        labels={STATUS_LABELS}
        slugs={SEARCH_SLUGS.status}
        selected={search.statuses}
        counts={facets.status}
      />
      <CheckboxFacet
        legend="Type d’aide"
        name="type"
        idPrefix="type"
        values={OPPORTUNITY_KINDS}
        labels={KIND_LABELS}
        slugs={SEARCH_SLUGS.kind}
        selected={search.kinds}
        counts={facets.kind}
      />
      <CheckboxFacet
        legend="Pratique photographique"
        hint="Les aides ouvertes à toutes les pratiques sont comptées."
        name="discipline"
        idPrefix="discipline"
        values={FILTERABLE_DISCIPLINES}
        labels={DISCIPLINE_LABELS}
        slugs={SEARCH_SLUGS.discipline}
        selected={search.disciplines}
        counts={facets.discipline}
      />
      <CheckboxFacet
        legend="Étape de parcours"
        name="parcours"
        idPrefix="parcours"
        values={FILTERABLE_CAREER_STAGES}
        labels={CAREER_STAGE_LABELS}
        slugs={SEARCH_SLUGS.careerStage}
        selected={search.careerStages}
        counts={facets.careerStage}
      />
      <fieldset class="fr-fieldset" aria-labelledby="conditions-legende">
        <legend class="fr-fieldset__legend fr-fieldset__legend--regular fr-text--bold" id="conditions-legende">Conditions</legend>
        <SingleCheckbox id="reservee" name="reservee" label="Réservées aux femmes et minorités de genre" checked={search.reservedToWomen} count={facets.reservedToWomen} />
        <SingleCheckbox id="gratuite" name="gratuite" label="Candidature gratuite" checked={search.freeToApply} count={facets.freeToApply} />
        <div class="fr-fieldset__element">
          <div class="fr-input-group">
            <label class="fr-label" for="age">
              Mon âge
              <span class="fr-hint-text">Masque les aides dont les limites d’âge vous excluent. Rien n’est enregistré.</span>
            </label>
            <input class="fr-input" type="number" inputMode="numeric" min="10" max="120" id="age" name="age" value={search.age ?? ''} />
          </div>
        </div>
        <div class="fr-fieldset__element">
          <div class="fr-input-group">
            <label class="fr-label" for="montant_min">
              Montant minimum (en euros)
              <span class="fr-hint-text">Les aides sans montant connu sont alors masquées.</span>
            </label>
            <input class="fr-input" type="number" inputMode="numeric" min="1" id="montant_min" name="montant_min" value={search.minAmount ?? ''} />
          </div>
        </div>
      </fieldset>
      <CheckboxFacet
        legend="Périmètre géographique"
        hint="Où doivent résider les candidates."
        name="perimetre"
        idPrefix="perimetre"
        values={GEOGRAPHIC_SCOPES}
        labels={SCOPE_LABELS}
        slugs={SEARCH_SLUGS.scope}
        selected={search.scopes}
        counts={facets.scope}
      />
      <div class="fr-select-group fr-mb-3w">
        <label class="fr-label" for="region">
          Région
          <span class="fr-hint-text">Où l’aide a lieu ou à qui elle est réservée.</span>
        </label>
        <select class="fr-select" id="region" name="region">
          <option value="" selected={search.region === null}>Toutes les régions</option>
          {REGIONS.map((region) => (
            <option value={region} selected={search.region === region} key={region}>
              {region} ({facets.region[region] ?? 0})
            </option>
          ))}
        </select>
      </div>
      <button class="fr-btn" type="submit">Appliquer les filtres</button>
    </div>
  );
}
