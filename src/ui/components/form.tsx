import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../../platform/forms.ts';

/** The list of problems at the top of a form, each linking to its field (focus moves here). */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="fr-alert fr-alert--error fr-mb-4w" role="alert" id="resume-erreurs" tabIndex={-1}>
      <h2 class="fr-alert__title">
        {entries.length === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{labels?.[field] ? `${labels[field]} : ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldProps {
  name: string;
  label: string;
  /** Why we ask, or how to fill it in. */
  hint?: string;
  error?: string;
}

function Messages({ name, error }: { name: string; error?: string }) {
  return (
    <div class="fr-messages-group" id={`${name}-messages`} aria-live="polite">
      {error ? <p class="fr-message fr-message--error" id={`${name}-erreur`}>{error}</p> : null}
    </div>
  );
}

function Label({ name, label, hint }: { name: string; label: string; hint?: string }) {
  return (
    <label class="fr-label" for={name}>
      {label}
      {hint ? <span class="fr-hint-text">{hint}</span> : null}
    </label>
  );
}

export function TextField({ name, label, hint, error, value, type = 'text', autoComplete, required, inputMode, maxLength }: FieldProps & {
  value?: string;
  type?: 'text' | 'email' | 'number' | 'url';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'email' | 'url' | 'text';
  maxLength?: number;
}) {
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <input
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={name}
        name={name}
        type={type as 'text'}
        value={value ?? ''}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-describedby={`${name}-messages`}
        aria-invalid={error ? 'true' : undefined}
      />
      <Messages name={name} error={error} />
    </div>
  );
}

export function TextArea({ name, label, hint, error, value, rows = 5, maxLength }: FieldProps & { value?: string; rows?: number; maxLength?: number }) {
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <textarea
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={name}
        name={name}
        rows={rows}
        maxLength={maxLength}
        aria-describedby={`${name}-messages`}
        aria-invalid={error ? 'true' : undefined}
      >
        {value ?? ''}
      </textarea>
      <Messages name={name} error={error} />
    </div>
  );
}

export function SelectField({ name, label, hint, error, value, options, placeholder }: FieldProps & {
  value?: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <div class={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <Label name={name} label={label} hint={hint} />
      <select class={`fr-select${error ? ' fr-select--error' : ''}`} id={name} name={name} aria-describedby={`${name}-messages`}>
        <option value="" selected={!value}>{placeholder ?? 'Ne pas préciser'}</option>
        {options.map((option) => (
          <option value={option.value} selected={option.value === value} key={option.value}>{option.label}</option>
        ))}
      </select>
      <Messages name={name} error={error} />
    </div>
  );
}

export function ChoiceGroup({ name, legend, hint, error, type, options, selected, inline = false }: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  type: 'checkbox' | 'radio';
  options: readonly { value: string; label: string; hint?: string }[];
  selected: readonly string[];
  inline?: boolean;
}) {
  const legendId = `${name}-legende`;
  const groupClass = type === 'checkbox' ? 'fr-checkbox-group' : 'fr-radio-group';
  return (
    <fieldset
      class={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={name}
      aria-labelledby={`${legendId} ${name}-messages`}
      role={type === 'radio' ? 'radiogroup' : undefined}
    >
      <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id={legendId}>
        {legend}
        {hint ? <span class="fr-hint-text">{hint}</span> : null}
      </legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div class={`fr-fieldset__element${inline ? ' fr-fieldset__element--inline' : ''}`} key={option.value}>
            <div class={groupClass}>
              <input type={type} id={id} name={name} value={option.value} checked={selected.includes(option.value)} />
              <label class="fr-label" for={id}>
                {option.label}
                {option.hint ? <span class="fr-hint-text">{option.hint}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
      <div class="fr-messages-group" id={`${name}-messages`} aria-live="polite">
        {error ? <p class="fr-message fr-message--error">{error}</p> : null}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ children, secondary = false }: { children: ComponentChildren; secondary?: boolean }) {
  return <button class={`fr-btn${secondary ? ' fr-btn--secondary' : ''}`} type="submit">{children}</button>;
}

/** A file input with its label, hint and message (DSFR upload group). */
export function FileField({ name, label, hint, error, accept }: FieldProps & { accept: string }) {
  return (
    <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
      <label class="fr-label" for={name}>
        {label}
        {hint ? <span class="fr-hint-text">{hint}</span> : null}
      </label>
      <input class="fr-upload" type="file" id={name} name={name} accept={accept} aria-describedby={`${name}-messages`} aria-invalid={error ? 'true' : undefined} />
      <div class="fr-messages-group" id={`${name}-messages`} aria-live="polite">{error ? <p class="fr-message fr-message--error">{error}</p> : null}</div>
    </div>
  );
}
