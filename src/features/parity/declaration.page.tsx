import type { ParityMetric, ParityOrganizationRow } from '../../db/schema/index.ts';
import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import type { RepresentativeStatus } from './declaration.commands.ts';
import { FiguresFieldset } from './figures-fieldset.tsx';

interface DeclarationPageProps {
  ctx: PageContext;
  organization: ParityOrganizationRow;
  metrics: readonly ParityMetric[];
  years: readonly number[];
  status: RepresentativeStatus;
  email: string;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}

export function DeclarationPage({ ctx, organization, metrics, years, status, email, values, errors }: DeclarationPageProps) {
  const title = `Déclarer les chiffres de ${organization.name}`;
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Index de la parité', href: '/index-parite' }, { label: organization.name, href: `/index-parite/${organization.slug}` }, { label: 'Déclarer des chiffres' }]} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-8">
            <h1>{title}</h1>
            <p>Vous représentez cette organisation : déclarez ses chiffres pour une année, et présentez si vous le souhaitez ses actions pour l’égalité. L’équipe relit chaque déclaration avant de la publier ; la page indiquera alors « Déclaré par l’organisation ».</p>
            {status === null ? (
              <div class="fr-notice fr-notice--info fr-mb-3w">
                <div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">{`Votre adresse (${email}) n’est pas sur le domaine du site de l’organisation : l’équipe vérifiera votre lien avec elle avant de publier.`}</p></div></div>
              </div>
            ) : (
              <p class="fr-badge fr-badge--success fr-mb-3w">{status === 'domain' ? 'Adresse sur le domaine de l’organisation' : 'Représentante reconnue par l’équipe'}</p>
            )}
            {errors && <ErrorSummary errors={errors} />}
            <form method="post" action={`/index-parite/${organization.slug}/declarer`} novalidate>
              <CsrfField token={ctx.csrfToken()} />
              <FiguresFieldset metrics={metrics} years={years} values={values} errors={errors} />
              <TextArea name="actions" label="Actions de l’organisation pour l’égalité (facultatif)" rows={8} maxLength={4000} value={valueOf(values, 'actions')} error={errors?.actions}
                hint="Publié sur la page de l’organisation après relecture : c’est votre droit de réponse. Texte simple, 4 000 caractères au plus." />
              <TextField name="fonction" label="Votre fonction dans l’organisation" hint="Pour que l’équipe vérifie que vous la représentez. Elle n’est pas publiée." value={valueOf(values, 'fonction')} error={errors?.fonction} maxLength={120} required />
              <TextArea name="commentaire" label="Message à l’équipe (facultatif)" rows={3} maxLength={1000} value={valueOf(values, 'commentaire')} error={errors?.commentaire}
                hint="Ce qu’il faut savoir pour relire ces chiffres. Il n’est pas publié." />
              <SubmitButton>Envoyer la déclaration</SubmitButton>
            </form>
          </div>
        </div>
      </div>
    </Layout>
  );
}
