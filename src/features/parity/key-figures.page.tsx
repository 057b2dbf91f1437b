import { ShareChart } from '../../ui/charts/bar-chart.tsx';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { SECTOR_FACTS } from '../home/sector-facts.ts';
import type { KeyFigures } from './key-figures.ts';
import { MetricSeries } from './parity-components.tsx';
import { PARITY_LEVEL_EXPLANATIONS, PARITY_LEVEL_LABELS, assessParity, describeCount, shareOfWomen } from './parity-rule.ts';
import type { LinkedOrganization, PublishedFigure } from './parity.queries.ts';
import { METRIC_LABELS, ORGANIZATION_TYPE_PLURALS } from './parity.vocabulary.ts';

export interface FeaturedPrize {
  organization: LinkedOrganization;
  figures: PublishedFigure[];
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

export function KeyFiguresPage({ ctx, figures, featured }: { ctx: PageContext; figures: KeyFigures; featured: FeaturedPrize[] }) {
  const { prizes, festivalsExhibited } = figures;
  return (
    <Layout ctx={ctx} title="Chiffres clés — Index de la parité" description="La place des femmes dans la photographie en chiffres : festivals, lieux, écoles, prix depuis 1989.">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Index de la parité', href: '/index-parite' }, { label: 'Chiffres clés' }]} />
        <h1>Chiffres clés</h1>
        <p class="fr-text--lead">Les chiffres de l’index additionnés, organisation par organisation, et quelques repères du secteur. Tout est recalculé à chaque publication.</p>

        <h2>Repères du secteur</h2>
        <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          {SECTOR_FACTS.map((fact) => (
            <div class="fr-col-12 fr-col-md-4" key={fact.figure}>
              <div class="fr-tile fr-tile--no-icon">
                <div class="fr-tile__body">
                  <div class="fr-tile__content">
                    <p class="fr-tile__title">{fact.figure}</p>
                    <p class="fr-tile__desc">{fact.text}</p>
                    <p class="fr-tile__detail">Source : <ExternalLink href={fact.source.url}>{fact.source.label}</ExternalLink></p>
                  </div>
                </div>
              </div>
            </div>
          ))}
          {festivalsExhibited && (
            <div class="fr-col-12 fr-col-md-4">
              <div class="fr-tile fr-tile--no-icon">
                <div class="fr-tile__body">
                  <div class="fr-tile__content">
                    <p class="fr-tile__title" id="chiffre-festivals">{assessParity(festivalsExhibited).shareText}</p>
                    <p class="fr-tile__desc">{`des artistes exposé·es par les ${festivalsExhibited.organizations} festivals de l’index en ${festivalsExhibited.year} sont des femmes (${describeCount(festivalsExhibited)}).`}</p>
                    <p class="fr-tile__detail">Source : Index de la parité, calcul d’Elles font la culture</p>
                  </div>
                </div>
              </div>
            </div>
          )}
        </div>

        <h2>Par type d’organisation</h2>
        {figures.headlineByType.length > 0 && (
          <ShareChart id="par-type" title="Part de femmes par type d’organisation, dernière année connue"
            summary={figures.headlineByType.map((row) => `${ORGANIZATION_TYPE_PLURALS[row.type]} (${METRIC_LABELS[row.metric].toLowerCase()}, ${row.year}) : ${assessParity(row).shareText}`).join(' ; ') + '.'}
            points={figures.headlineByType.map((row) => ({ label: ORGANIZATION_TYPE_PLURALS[row.type], share: row.share }))} />
        )}
        <SimpleTable caption="Part de femmes par type d’organisation, indicateur et année" headers={['Type', 'Indicateur', 'Année', 'Organisations', 'Femmes', 'Total', 'Part de femmes', 'Niveau']}
          rows={figures.byType.map((row) => {
            const assessment = assessParity(row);
            return [ORGANIZATION_TYPE_PLURALS[row.type], METRIC_LABELS[row.metric], String(row.year), String(row.organizations), String(row.women), String(row.total), assessment.shareText, assessment.label];
          })} />

        <h2 class="fr-mt-6w">Les prix depuis {prizes.firstYear ?? 1989}</h2>
        {prizes.overall && (
          <p>{`De ${prizes.firstYear} à ${prizes.lastYear}, les prix suivis par l’index ont distingué ${describeCount(prizes.overall)} lauréat·es, soit ${assessParity(prizes.overall).shareText}.`}</p>
        )}
        <SimpleTable caption="Lauréat·es des prix par période" headers={['Période', 'Femmes', 'Total', 'Part de femmes']} rowHeaders
          rows={prizes.byPeriod.map((row) => [row.label, String(row.women), String(row.total), assessParity(row).shareText])} />
        {prizes.byYear.length > 0 && (
          <ShareChart id="prix-par-annee" title="Part de femmes parmi les lauréat·es de tous les prix suivis, par année"
            summary={`Part de femmes parmi les lauréat·es, année par année, de ${prizes.firstYear} à ${prizes.lastYear} ; le tableau qui suit donne les effectifs.`}
            points={prizes.byYear.map((row) => ({ label: String(row.year), share: shareOfWomen(row) }))} />
        )}
        <details class="fr-mb-4w">
          <summary>Tableau des lauréat·es par année</summary>
          <SimpleTable caption="Lauréat·es de tous les prix suivis, par année" headers={['Année', 'Prix', 'Femmes', 'Total', 'Part de femmes']} rowHeaders
            rows={prizes.byYear.map((row) => [String(row.year), String(row.prizes), String(row.women), String(row.total), assessParity(row).shareText])} />
        </details>
        {featured.map((prize) => (
          <div key={prize.organization.slug}>
            <MetricSeries id={`prix-${prize.organization.slug}`} organizationName={prize.organization.name} metric="laureates" figures={prize.figures}
              heading={prize.organization.name} collapseTable />
            <p><a href={`/index-parite/${prize.organization.slug}`}>{`Page du ${prize.organization.name}`}</a></p>
          </div>
        ))}

        <h2 class="fr-mt-6w">Les organisations par niveau</h2>
        <p>{`Chaque organisation est placée d’après son chiffre principal de la dernière année connue (${figures.levelTotal} organisations).`}</p>
        <ShareChart id="niveaux" title="Part des organisations à chaque niveau de parité" reference={null}
          summary={figures.levels.map((row) => `${PARITY_LEVEL_LABELS[row.level]} : ${row.organizations} (${percentOf(row.organizations, figures.levelTotal)} %)`).join(' ; ') + '.'}
          points={figures.levels.map((row) => ({ label: PARITY_LEVEL_LABELS[row.level], share: percentOf(row.organizations, figures.levelTotal) }))} />
        <SimpleTable caption="Organisations par niveau de parité" headers={['Niveau', 'Définition', 'Organisations', 'Part des organisations']} rowHeaders
          rows={figures.levels.map((row) => [PARITY_LEVEL_LABELS[row.level], PARITY_LEVEL_EXPLANATIONS[row.level], String(row.organizations), `${percentOf(row.organizations, figures.levelTotal)} %`])} />
        <p class="fr-mt-4w"><a href="/index-parite/methode">Comment ces chiffres sont calculés</a> · <a href="/index-parite/donnees">Télécharger les données</a></p>
      </div>
    </Layout>
  );
}
