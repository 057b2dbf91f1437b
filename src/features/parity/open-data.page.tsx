import { formatFrenchDate, parisDate } from '../../platform/dates.ts';
import { ContentPage } from '../../ui/content-page.tsx';
import { ExternalLink } from '../../ui/components/external-link.tsx';
import { SimpleTable } from '../../ui/components/table.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { OPEN_DATA_COLUMNS } from './open-data.ts';
import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL } from './parity.vocabulary.ts';

export function OpenDataPage({ ctx, figures, organizations, updatedAt, publicUrl }: { ctx: PageContext; figures: number; organizations: number; updatedAt: Date | null; publicUrl: string }) {
  return (
    <ContentPage ctx={ctx} title="Données ouvertes de l’index de la parité" lead="Tous les chiffres publiés, à télécharger et à réutiliser librement, en citant la source."
      breadcrumb={[{ label: 'Index de la parité', href: '/index-parite' }, { label: 'Données ouvertes' }]}>
      <p>{`${figures} chiffres publiés pour ${organizations} organisations${updatedAt ? `, mis à jour le ${formatFrenchDate(parisDate(updatedAt))}` : ''}. Une ligne par organisation, année et indicateur. Les déclarations en attente de relecture n’y figurent pas.`}</p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li><a class="fr-btn fr-icon-download-line" href="/index-parite/donnees/chiffres.csv" download>Télécharger en CSV</a></li>
        <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href="/index-parite/donnees/chiffres.json">Télécharger en JSON</a></li>
      </ul>
      <h2>Adresses stables</h2>
      <p>Ces adresses ne changent pas ; un programme peut les lire directement (elles sont ouvertes à tous les sites).</p>
      <ul>
        <li><code>{`${publicUrl}/index-parite/donnees/chiffres.csv`}</code></li>
        <li><code>{`${publicUrl}/index-parite/donnees/chiffres.json`}</code></li>
        <li><code>{`${publicUrl}/index-parite/{organisation_id}/chiffres.csv`}</code> : les chiffres d’une organisation</li>
        <li><code>{`${publicUrl}/index-parite/{organisation_id}/badge.svg`}</code> : le badge de sa dernière part de femmes</li>
      </ul>
      <h2>Licence</h2>
      <p>Les données sont publiées sous <ExternalLink href={OPEN_DATA_LICENCE_URL}>{OPEN_DATA_LICENCE}</ExternalLink> : vous pouvez les copier, les transformer et les diffuser, y compris à des fins commerciales, en mentionnant « Index de la parité — Elles font la culture, ministère de la Culture » et la date de mise à jour.</p>
      <h2>Colonnes</h2>
      <p>Le CSV est encodé en UTF-8, séparé par des virgules, avec une ligne d’en-tête. Un chiffre non renseigné n’a pas de ligne ; une part non calculable est une case vide.</p>
      <SimpleTable caption="Colonnes des fichiers CSV et JSON" headers={['Colonne', 'Contenu']} rowHeaders
        rows={OPEN_DATA_COLUMNS.map((column) => [<code>{column.name}</code>, column.description])} />
      <p><a href="/index-parite/methode">Méthode de calcul</a></p>
    </ContentPage>
  );
}
