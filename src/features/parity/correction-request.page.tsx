import type { ParityOrganizationRow } from '../../db/schema/index.ts';
import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { CsrfField, ErrorSummary, SubmitButton, TextArea } from '../../ui/components/form.tsx';
import { HoneypotField } from '../../ui/components/honeypot.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';

export function CorrectionRequestPage({ ctx, organization, values, errors }: { ctx: PageContext; organization: ParityOrganizationRow; values?: Record<string, unknown>; errors?: FieldErrors }) {
  const title = `Signaler une erreur : ${organization.name}`;
  return (
    <Layout ctx={ctx} title={errors ? `Erreur — ${title}` : title}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Index de la parité', href: '/index-parite' }, { label: organization.name, href: `/index-parite/${organization.slug}` }, { label: 'Signaler une erreur' }]} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-8">
            <h1>{title}</h1>
            <p>Dites-nous quel chiffre vous semble faux et d’où vient le bon (programme, palmarès, article). L’équipe vérifie ; si le chiffre change, l’historique de la page en garde la trace. Votre message n’est pas publié.</p>
            <p>Vous représentez l’organisation ? <a href={`/index-parite/${organization.slug}/declarer`}>Déclarez directement ses chiffres</a>.</p>
            {errors && <ErrorSummary errors={errors} />}
            <form method="post" action={`/index-parite/${organization.slug}/signaler`} novalidate>
              <CsrfField token={ctx.csrfToken()} />
              <HoneypotField />
              <TextArea name="message" label="Votre message" hint="Pas d’adresse ni de nom : nous ne vous demandons rien pour vous identifier. Connectée, vous pourrez être recontactée." rows={6} maxLength={2000} value={valueOf(values, 'message')} error={errors?.message} />
              <SubmitButton>Envoyer le signalement</SubmitButton>
            </form>
          </div>
        </div>
      </div>
    </Layout>
  );
}
