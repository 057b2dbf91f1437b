import { safeExternalUrl } from '../../platform/urls.ts';
import type { ParityMetric, ParityOrganizationRow } from '../../db/schema/index.ts';
import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import { Layout } from '../../ui/layout.tsx';
import { ShareMetadata } from '../../ui/share-metadata.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { FigureLine, LevelBadge, MetricSeries } from './parity-components.tsx';
import { assessParity, describeCount } from './parity-rule.ts';
import type { Correction, LinkedOrganization, PublishedFigure } from './parity.queries.ts';
import { HEADLINE_METRIC, METRIC_LABELS, ORGANIZATION_TYPE_LABELS, metricsFor } from './parity.vocabulary.ts';

export interface OrganizationPageData {
  organization: ParityOrganizationRow;
  parent: LinkedOrganization | null;
  prizes: LinkedOrganization[];
  figures: PublishedFigure[];
  corrections: Correction[];
}

const day = (instant: Date) => formatFrenchDate(parisDate(instant));

export function OrganizationPage({ ctx, data, publicUrl, flash }: { ctx: PageContext; data: OrganizationPageData; publicUrl: string; flash?: string | null }) {
  const { organization, parent, prizes, figures, corrections } = data;
  const metrics = metricsFor(organization.type, figures.map((figure) => figure.metric));
  const counted = metrics.filter((metric) => figures.some((figure) => figure.metric === metric));
  const notCounted = metrics.filter((metric) => !counted.includes(metric));
  const latestYear = figures.length ? Math.max(...figures.map((figure) => figure.year)) : null;
  const latest = counted.map((metric) => figures.find((figure) => figure.metric === metric && figure.year === latestYear)).filter((figure) => figure !== undefined);
  const headline = latest.find((figure) => figure.metric === HEADLINE_METRIC[organization.type]) ?? null;
  const declared = figures.some((figure) => figure.declaredByOrganization);
  const sources = [...new Set(figures.map((figure) => figure.source))];
  const place = [organization.city, organization.region].filter(Boolean).join(', ');
  const badgeUrl = `${publicUrl}/index-parite/${organization.slug}/badge.svg`;
  return (
    <Layout
      ctx={ctx} title={`${organization.name} — Index de la parité`} description={`Part de femmes chez ${organization.name}, année après année.`}
      head={
        <ShareMetadata
          ctx={ctx} title={`${organization.name} — Index de la parité`} description={`Part de femmes chez ${organization.name}, année après année.`}
          structuredData={{
            '@type': 'Organization', name: organization.name,
            ...(place ? { address: { '@type': 'PostalAddress', addressLocality: organization.city ?? undefined, addressRegion: organization.region ?? undefined, addressCountry: 'FR' } } : {}),
            ...(safeExternalUrl(organization.website) ? { sameAs: safeExternalUrl(organization.website) } : {}),
          }}
        />
      }
    >
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Index de la parité', href: '/index-parite' }, { label: organization.name }]} />
        {flash && <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{flash}</p></div>}
        <h1>{organization.name}</h1>
        <ul class="fr-badges-group fr-mb-2w">
          <li><p class="fr-badge fr-badge--blue-ecume">{ORGANIZATION_TYPE_LABELS[organization.type]}</p></li>
          {organization.network && <li><p class="fr-badge">{`Réseau ${organization.network}`}</p></li>}
          {declared && <li><p class="fr-badge fr-badge--purple-glycine">Déclaré par l’organisation</p></li>}
        </ul>
        {place && <p class="fr-mb-1w">{place}</p>}
        {parent && <p class="fr-mb-1w">Prix décerné par <a href={`/index-parite/${parent.slug}`}>{parent.name}</a></p>}
        {organization.website && <p><ExternalLink href={organization.website}>Site de l’organisation</ExternalLink></p>}

        <h2 class="fr-mt-4w">{latestYear === null ? 'Chiffres' : `Chiffres ${latestYear}`}</h2>
        {latestYear === null ? (
          <p>Aucun chiffre n’est publié pour cette organisation. Vous la représentez ? <a href={`/index-parite/${organization.slug}/declarer`}>Déclarez ses chiffres</a>.</p>
        ) : (
          <>
            <p class="eflc-share fr-mb-1w">{`${assessParity(headline).shareText} de femmes`}</p>
            <p class="fr-mb-1w">{headline ? `parmi ${METRIC_LABELS[headline.metric].toLowerCase()} (${describeCount(headline)})` : `Chiffre principal (${METRIC_LABELS[HEADLINE_METRIC[organization.type]].toLowerCase()}) non renseigné.`}</p>
            <LevelBadge count={headline} small={false} />
            <ul class="fr-mt-2w">
              {latest.map((figure) => <li key={figure.metric}><FigureLine figure={figure} />{` — ${assessParity(figure).label}`}</li>)}
            </ul>
            {notCounted.length > 0 && <p class="fr-text--sm">{`Non renseigné : ${notCounted.map((metric) => METRIC_LABELS[metric].toLowerCase()).join(', ')}.`}</p>}
          </>
        )}

        {counted.length > 0 && (
          <>
            <h2 class="fr-mt-6w">Évolution par indicateur</h2>
            <p>Chaque graphique est suivi du tableau de ses chiffres. Une année sans chiffre est une année non renseignée, pas une année sans femmes.</p>
            {counted.map((metric: ParityMetric) => (
              <MetricSeries key={metric} id={`serie-${metric}`} organizationName={organization.name} metric={metric} figures={figures.filter((figure) => figure.metric === metric)} />
            ))}
          </>
        )}

        {prizes.length > 0 && (
          <>
            <h2 class="fr-mt-6w">Prix décernés</h2>
            <ul>{prizes.map((prize) => <li key={prize.slug}><a href={`/index-parite/${prize.slug}`}>{prize.name}</a></li>)}</ul>
          </>
        )}

        <h2 class="fr-mt-6w">Actions pour l’égalité</h2>
        {organization.equalityText ? (
          <div class="fr-callout">
            <p class="fr-callout__title fr-h6">Le texte de l’organisation</p>
            {organization.equalityText.split(/\n\s*\n/).map((paragraph, index) => <p class="fr-callout__text fr-text--md" key={index}>{paragraph}</p>)}
            {organization.equalityTextPublishedAt && <p class="fr-text--sm fr-mb-0">{`Publié le ${day(organization.equalityTextPublishedAt)}, après relecture par l’équipe.`}</p>}
          </div>
        ) : (
          <p>L’organisation n’a pas encore présenté ses actions. Ce droit de réponse lui est ouvert avec sa déclaration de chiffres.</p>
        )}
        <p><a class="fr-btn fr-btn--secondary" href={`/index-parite/${organization.slug}/declarer`}>Vous représentez cette organisation ? Déclarer des chiffres</a></p>

        <h2 class="fr-mt-6w">Sources</h2>
        {sources.length ? <ul>{sources.map((source) => <li key={source}>{source}</li>)}</ul> : <p>Aucune source pour l’instant.</p>}
        <p>Un chiffre vous semble faux ? <a href={`/index-parite/${organization.slug}/signaler`}>Signaler une erreur</a> (voir <a href="/index-parite/methode#corriger">comment les corrections sont faites</a>).</p>

        <h2 class="fr-mt-6w">Historique des corrections</h2>
        {corrections.length === 0 ? <p>Aucun chiffre n’a été corrigé depuis sa publication.</p> : (
          <SimpleTable caption="Chiffres corrigés, du plus récent au plus ancien" headers={['Date', 'Indicateur', 'Année', 'Avant', 'Après', 'Par']}
            rows={corrections.map((correction) => [
              day(correction.at), METRIC_LABELS[correction.metric], String(correction.year), `${describeCount(correction.before)} (${assessParity(correction.before).shareText})`,
              `${describeCount(correction.after)} (${assessParity(correction.after).shareText})`, correction.declaredByOrganization ? 'L’organisation' : correction.by,
            ])} />
        )}

        <h2 class="fr-mt-6w">Réutiliser ces chiffres</h2>
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href={`/index-parite/${organization.slug}/chiffres.csv`} download>
            {`Chiffres de ${organization.name} (CSV)`}
          </a>
          {' — '}sous <a href="/index-parite/donnees">Licence Ouverte / Etalab 2.0</a>.
        </p>
        {latestYear !== null && (
          <>
            <h3 class="fr-h6">Badge à afficher sur votre site</h3>
            <p><img src={`/index-parite/${organization.slug}/badge.svg`} alt={`Index de la parité : ${assessParity(headline).shareText} de femmes (${latestYear})`} width="260" height="40" /></p>
            <label class="fr-label" for="code-badge">Code à copier dans votre page</label>
            <textarea class="fr-input" id="code-badge" rows={3} readOnly>{`<a href="${publicUrl}/index-parite/${organization.slug}"><img src="${badgeUrl}" alt="Index de la parité : part de femmes chez ${organization.name}" width="260" height="40"></a>`}</textarea>
          </>
        )}
      </div>
    </Layout>
  );
}
