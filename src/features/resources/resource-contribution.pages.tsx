import type { FieldErrors } from '../../platform/forms.ts';
import { valueOf, valuesOf } from '../../platform/forms.ts';
import { RESOURCE_THEMES } from '../../db/schema/index.ts';
import { Breadcrumb } from '../../ui/components/breadcrumb.tsx';
import { ChoiceGroup, CsrfField, ErrorSummary, TextArea, TextField } from '../../ui/components/form.tsx';
import { HoneypotField } from '../../ui/components/honeypot.tsx';
import { Layout } from '../../ui/layout.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { RESOURCE_NOT_USEFUL_REASONS, RESOURCE_USEFUL_REASONS, THEME_LABELS } from './resource.vocabulary.ts';

const PROPOSAL_LABELS = { kind: 'Ce que vous proposez', title: 'Titre', url: 'Adresse du lien', text: 'Votre texte', summary: 'Pourquoi c’est utile', themes: 'Thèmes', email: 'Adresse email' };

export function ProposeResourcePage({ ctx, values, errors, signedIn }: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors; signedIn: boolean }) {
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Proposer une ressource`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Ressources', href: '/ressources' }, { label: 'Proposer une ressource' }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
          <h1>Proposer une ressource</h1>
          <p class="fr-text--lead">Un article, un guide, un outil qui vous a aidée ? Ou un conseil que vous voulez partager ? Notre équipe relit chaque proposition avant de la publier.</p>
          {errors ? <ErrorSummary errors={errors} labels={PROPOSAL_LABELS} /> : null}
          <form method="post" action="/ressources/proposer" noValidate>
            <CsrfField token={ctx.csrfToken()} />
            <ChoiceGroup name="kind" legend={PROPOSAL_LABELS.kind} type="radio" selected={[valueOf(values, 'kind')]} error={errors?.kind}
              options={[{ value: 'link', label: 'Un lien vers une ressource existante' }, { value: 'text', label: 'Un texte que j’ai écrit' }]} />
            <TextField name="title" label={PROPOSAL_LABELS.title} value={valueOf(values, 'title')} error={errors?.title} maxLength={200} />
            <TextField name="url" label={`${PROPOSAL_LABELS.url} (pour un lien)`} type="url" hint="Adresse complète : https://…" value={valueOf(values, 'url')} error={errors?.url} maxLength={500} />
            <TextArea name="text" label={`${PROPOSAL_LABELS.text} (pour un texte)`} hint="Mise en forme Markdown possible. 200 caractères au moins." value={valueOf(values, 'text')} error={errors?.text} rows={8} maxLength={20000} />
            <TextArea name="summary" label={PROPOSAL_LABELS.summary} hint="En une ou deux phrases, pour les autres photographes." value={valueOf(values, 'summary')} error={errors?.summary} rows={3} maxLength={600} />
            <ChoiceGroup name="themes" legend={`${PROPOSAL_LABELS.themes} (facultatif)`} type="checkbox" selected={valuesOf(values, 'themes')} error={errors?.themes}
              options={RESOURCE_THEMES.map((theme) => ({ value: theme, label: THEME_LABELS[theme] }))} />
            {signedIn ? null : (
              <TextField name="email" label={PROPOSAL_LABELS.email} type="email" autoComplete="email" hint="Pour confirmer la proposition et vous dire si elle est publiée." value={valueOf(values, 'email')} error={errors?.email} maxLength={254} />
            )}
            <HoneypotField />
            <button class="fr-btn" type="submit">Envoyer ma proposition</button>
          </form>
        </div></div>
      </div>
    </Layout>
  );
}

export function ResourceFeedbackPage({ ctx, slug, title, answer, values, errors }: {
  ctx: PageContext; slug: string; title: string; answer: 'useful' | 'not_useful' | null; values?: Record<string, unknown>; errors?: FieldErrors;
}) {
  const reasons = answer === 'not_useful' ? RESOURCE_NOT_USEFUL_REASONS : RESOURCE_USEFUL_REASONS;
  return (
    <Layout ctx={ctx} title={`${errors ? 'Erreur — ' : ''}Votre avis sur cette ressource`}>
      <div class="fr-container fr-mb-8w">
        <Breadcrumb items={[{ label: 'Ressources', href: '/ressources' }, { label: title, href: `/ressources/${slug}` }, { label: 'Votre avis' }]} />
        <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
          <h1>Cette ressource vous a-t-elle été utile ?</h1>
          <p>Votre réponse est anonyme : nous ne gardons que vos choix.</p>
          {errors ? <ErrorSummary errors={errors} labels={{ answer: 'Réponse', reasons: 'Raisons' }} /> : null}
          <form method="post" action={`/ressources/${slug}/avis`}>
            <CsrfField token={ctx.csrfToken()} />
            <ChoiceGroup name="answer" legend={`« ${title} » vous a-t-elle été utile ?`} type="radio" inline selected={[valueOf(values, 'answer') || (answer ?? '')]} error={errors?.answer}
              options={[{ value: 'useful', label: 'Oui' }, { value: 'not_useful', label: 'Non' }]} />
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
