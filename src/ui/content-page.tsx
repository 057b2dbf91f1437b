import type { ComponentChildren } from 'preact';
import { Breadcrumb, type BreadcrumbItem } from './components/breadcrumb.tsx';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

interface ContentPageProps {
  ctx: PageContext;
  title: string;
  lead?: string;
  breadcrumb?: BreadcrumbItem[];
  children: ComponentChildren;
}

/** A page of text (about, legal notices): breadcrumb, title, lead, then its sections. */
export function ContentPage({ ctx, title, lead, breadcrumb, children }: ContentPageProps) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={breadcrumb ?? [{ label: title }]} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-9">
            <h1>{title}</h1>
            {lead ? <p class="fr-text--lead">{lead}</p> : null}
            {children}
          </div>
        </div>
      </div>
    </Layout>
  );
}
