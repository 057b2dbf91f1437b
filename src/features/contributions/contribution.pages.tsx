import type { FeedbackAnswer } from '../../db/schema/index.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { valueOf, valuesOf } from '../../platform/forms.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, TextArea, TextField } from '../../ui/components/form.tsx';
import { HoneypotField } from '../../ui/components/honeypot.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { OpportunityForm } from '../opportunities/opportunity-form.tsx';
import { FEEDBACK_ANSWER_LABELS, REPORT_REASON_LABELS, reasonsFor } from './feedback.vocabulary.ts';

export function SuggestPage({ ctx, values, errors, signedIn }: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors; signedIn: boolean }) {
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Proposer une aide`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: '/aides' }, { label: 'Proposer une aide' }]} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-8">
            <h1>Proposer une aide</h1>
            <p class="fr-text--lead">Vous connaissez un prix, une bourse, une résidence ou un appel qui manque au catalogue ? Décrivez-le : notre équipe vérifie chaque proposition avant de la publier.</p>
            <p>Les champs sans mention « facultatif » sont obligatoires. Nous vous écrirons pour vous dire si l’aide est publiée.</p>
            <OpportunityForm action="/aides/proposer" csrfToken={ctx.csrfToken()} values={values} errors={errors} mode="suggestion" submitLabel="Envoyer ma proposition">
              {signedIn ? null : (
                <>
                  <h2 class="fr-h4 fr-mt-4w">Vous</h2>
                  <TextField name="email" label="Votre adresse email" type="email" autoComplete="email" inputMode="email"
                    hint="Pour confirmer la proposition et vous dire si elle est publiée. Elle n’est ni publiée ni transmise."
                    value={valueOf(values, 'email')} error={errors?.email} maxLength={254} />
                </>
              )}
              <HoneypotField />
            </OpportunityForm>
          </div>
        </div>
      </div>
    </Layout>
  );
}

export function MessagePage({ ctx, title, lead, children }: { ctx: PageContext; title: string; lead: string; children?: preact.ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <div class="fr-container fr-mb-8w">
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
          <h1 class="fr-mt-6w">{title}</h1>
          <p class="fr-text--lead">{lead}</p>
          {children}
          <p><a href="/aides">Revenir au catalogue</a></p>
        </div></div>
      </div>
    </Layout>
  );
}

interface FeedbackPageProps {
  ctx: PageContext;
  slug: string;
  title: string;
  answer: FeedbackAnswer | null;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}

export function FeedbackPage({ ctx, slug, title, answer, values, errors }: FeedbackPageProps) {
  const reasons = answer ? reasonsFor(answer) : {};
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Votre avis sur cette page`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: '/aides' }, { label: title, href: `/aides/${slug}` }, { label: 'Votre avis' }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
          <h1>Cette page vous a-t-elle été utile ?</h1>
          <p>Votre réponse est anonyme : nous ne gardons que votre choix, pour améliorer les fiches.</p>
          {errors ? <ErrorSummary errors={errors} labels={{ answer: 'Réponse', reasons: 'Raisons' }} /> : null}
          <form method="post" action={`/aides/${slug}/avis`}>
            <CsrfField token={ctx.csrfToken()} />
            <ChoiceGroup name="answer" legend={`La fiche « ${title} » vous a-t-elle été utile ?`} type="radio" inline selected={[valueOf(values, 'answer') || (answer ?? '')]} error={errors?.answer}
              options={(Object.keys(FEEDBACK_ANSWER_LABELS) as FeedbackAnswer[]).map((value) => ({ value, label: FEEDBACK_ANSWER_LABELS[value] }))} />
            {answer ? (
              <ChoiceGroup name="reasons" legend="Pourquoi ? (facultatif)" type="checkbox" selected={valuesOf(values, 'reasons')} error={errors?.reasons}
                options={Object.entries(reasons).map(([value, label]) => ({ value, label }))} />
            ) : null}
            <button class="fr-btn" type="submit">Envoyer mon avis</button>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}

export function ReportPage({ ctx, slug, title, values, errors }: { ctx: PageContext; slug: string; title: string; values?: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Signaler une erreur`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Aides', href: '/aides' }, { label: title, href: `/aides/${slug}` }, { label: 'Signaler une erreur' }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
          <h1>Signaler une erreur</h1>
          <p class="fr-text--lead">{title}</p>
          {errors ? <ErrorSummary errors={errors} labels={{ reason: 'Erreur constatée', comment: 'Commentaire' }} /> : null}
          <form method="post" action={`/aides/${slug}/signaler`}>
            <CsrfField token={ctx.csrfToken()} />
            <ChoiceGroup name="reason" legend="Quelle erreur avez-vous vue ?" type="radio" selected={[valueOf(values, 'reason')]} error={errors?.reason}
              options={Object.entries(REPORT_REASON_LABELS).map(([value, label]) => ({ value, label }))} />
            <TextArea name="comment" label="Précisions (facultatif)" hint="Lu seulement par notre équipe pour corriger la fiche. N’y mettez pas de données personnelles." value={valueOf(values, 'comment')} error={errors?.comment} rows={4} maxLength={1000} />
            <HoneypotField />
            <button class="fr-btn" type="submit">Envoyer le signalement</button>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}
