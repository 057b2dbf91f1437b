import type { ResourceRow } from '../../db/schema/index.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { ResourceCard } from './resource-card.tsx';

export function WebinarsPage({ ctx, upcoming, past, now }: { ctx: PageContext; upcoming: ResourceRow[]; past: ResourceRow[]; now: Date }) {
  return (
    <Layout ctx={ctx} title="Webinaires et ateliers">
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Ressources', href: '/ressources' }, { label: 'Webinaires et ateliers' }]} />
        <h1>Webinaires et ateliers</h1>
        <p class="fr-text--lead">En ligne ou en petit groupe, avec des professionnelles. Les heures sont données à l’heure de Paris.</p>
        <h2>À venir</h2>
        {upcoming.length === 0 ? <p>Aucun atelier programmé pour le moment.</p> : (
          <ul class="fr-raw-list">{upcoming.map((resource) => <li class="fr-mb-2w" key={resource.id}><ResourceCard resource={resource} now={now} /></li>)}</ul>
        )}
        <h2 class="fr-mt-4w">Passés, avec replays et transcriptions</h2>
        {past.length === 0 ? <p>Aucun atelier passé.</p> : (
          <ul class="fr-raw-list">{past.map((resource) => <li class="fr-mb-2w" key={resource.id}><ResourceCard resource={resource} now={now} /></li>)}</ul>
        )}
      </div>
    </Layout>
  );
}
