import type { ContactMessageRow } from '../../db/schema/index.ts';
import { formatParisDateTime } from '../../platform/dates.ts';
import { type FieldErrors, valueOf } from '../../platform/forms.ts';
import { ChoiceGroup, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../ui/components/form.tsx';
import { HoneypotField } from '../../ui/components/honeypot.tsx';
import { ContentPage } from '../../ui/content-page.tsx';
import type { PageContext } from '../../ui/page-context.ts';
import { AdminLayout } from '../backoffice/admin-layout.tsx';
import { CONTACT_SUBJECT_LABELS, CONTACT_SUBJECT_SLUGS } from './contact.vocabulary.ts';

export const MESSAGE_MAX_LENGTH = 5000;

export function ContactPage({ ctx, values, errors }: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors }) {
  return (
    <ContentPage
      ctx={ctx} title="Nous écrire"
      lead="Une question, un avis, une idée, l’envie de tester les nouveautés ou de contribuer : l’équipe lit chaque message et répond sous une semaine."
    >
      {errors ? <ErrorSummary errors={errors} labels={{ subject: 'Sujet', message: 'Message', email: 'Adresse email', name: 'Nom' }} /> : null}
      <form method="post" action="/nous-ecrire" noValidate>
        <CsrfField token={ctx.csrfToken()} />
        <ChoiceGroup name="subject" legend="Pourquoi nous écrivez-vous ?" type="radio" selected={[valueOf(values, 'subject')]} error={errors?.subject}
          options={Object.entries(CONTACT_SUBJECT_SLUGS).map(([subject, slug]) => ({ value: slug, label: CONTACT_SUBJECT_LABELS[subject as keyof typeof CONTACT_SUBJECT_LABELS] }))} />
        <TextArea name="message" label="Votre message" hint={`${MESSAGE_MAX_LENGTH.toLocaleString('fr-FR')} caractères au plus. Pour un problème sur une fiche d’aide, dites laquelle.`}
          value={valueOf(values, 'message')} error={errors?.message} rows={8} maxLength={MESSAGE_MAX_LENGTH} />
        <TextField name="email" type="email" label="Votre adresse email" hint="Seulement pour vous répondre : elle n’est ajoutée à aucune liste."
          value={valueOf(values, 'email')} error={errors?.email} autoComplete="email" maxLength={254} required />
        <TextField name="name" label="Votre nom ou prénom (facultatif)" hint="Pour savoir comment vous appeler dans la réponse."
          value={valueOf(values, 'name')} error={errors?.name} autoComplete="name" maxLength={100} />
        <HoneypotField />
        <p class="fr-text--sm">Votre message est conservé un an, le temps de vous répondre et de garder le fil, puis effacé. <a href="/donnees-personnelles">Vos données personnelles</a>.</p>
        <SubmitButton>Envoyer le message</SubmitButton>
      </form>
    </ContentPage>
  );
}

export function ContactMessagesPage({ ctx, isAdmin, messages, flash }: { ctx: PageContext; isAdmin: boolean; messages: ContactMessageRow[]; flash: string | null }) {
  return (
    <AdminLayout ctx={ctx} title="Messages reçus" isAdmin={isAdmin} flash={flash}>
      <p>Les 200 derniers messages envoyés par le formulaire « Nous écrire », les plus récents d’abord. Chacun a aussi été envoyé à l’adresse de l’équipe : répondez depuis votre messagerie.</p>
      {messages.length === 0 ? <p>Aucun message.</p> : messages.map((message) => (
        <div class="fr-card fr-card--no-border fr-mb-3w" key={message.id}>
          <div class="fr-card__body"><div class="fr-card__content">
            <h2 class="fr-card__title fr-h6">{`${CONTACT_SUBJECT_LABELS[message.subject]} — ${formatParisDateTime(message.createdAt)}`}</h2>
            <p class="fr-card__desc">{`De : ${message.name ? `${message.name}, ` : ''}${message.email}${message.userId ? ' (compte membre)' : ''}`}</p>
            <p style={{ whiteSpace: 'pre-line' }}>{message.message}</p>
            {message.handledAt ? <p class="fr-badge fr-badge--success">{`Traité le ${formatParisDateTime(message.handledAt)}`}</p> : (
              <form method="post" action={`/admin/messages/${message.id}/traite`}>
                <CsrfField token={ctx.csrfToken()} />
                <SubmitButton secondary>Marquer comme traité</SubmitButton>
              </form>
            )}
          </div></div>
        </div>
      ))}
    </AdminLayout>
  );
}
