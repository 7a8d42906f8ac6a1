/**
 * W8: what the visitor answers while the chatflow's flow waits: a question's answers as buttons
 * named by their text, or a capture card's fields as labelled inputs (Enter submits, as in any
 * form). Fields are checked here with the server's rules so a mistake gets a sentence in the
 * chatflow's language at once; the server checks again and has the last word. Once answered the
 * prompt goes (the visitor's answer line arrives in the thread and closes it in every tab).
 */
import { captureFieldLabel } from '@parley/chatflow';
import { isPlausibleEmail } from '@parley/protocol';
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { activeLanguage, t } from '../i18n';
import { describeError } from '../state/describeError';
import type { FlowPrompt as Prompt } from '../state/flowPrompt';

const AUTOCOMPLETE: Record<string, string> = { email: 'email', firstName: 'given-name', lastName: 'family-name', phone: 'tel', company: 'organization' };
const TYPES: Record<string, string> = { email: 'email', phone: 'tel' };

/**
 * A built-in field in the chatflow's language; a custom contact property by its own name. The
 * engine's names, so the visitor's line the server stores for the filled card names them alike.
 */
const fieldLabel = (field: string): string => captureFieldLabel(activeLanguage(), field);

interface FlowPromptProps {
  prompt: Prompt;
  onAnswer(cardId: string, answerIndex: number): Promise<void>;
  /** Absent where only a question can wait (the flow's opening, before the conversation). */
  onCapture?(cardId: string, fields: Record<string, string>): Promise<void>;
}

export function FlowPrompt({ prompt, onAnswer, onCapture }: FlowPromptProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  // Answered here: hidden at once, before the answer's line comes back from the server.
  const [done, setDone] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  if (done === prompt.cardId) return null;

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
      setDone(prompt.cardId);
    } catch (caught) {
      setError({ text: describeError(caught, 'flowFailed').text, field: null });
    } finally {
      setBusy(false);
    }
  };

  if (prompt.kind === 'question') {
    return (
      <div class="flow-prompt flow-answers" role="group" aria-label={t('flowAnswers')}>
        {prompt.answers.map((label, index) => (
          <button key={index} type="button" class="flow-answer" disabled={busy} onClick={() => void run(() => onAnswer(prompt.cardId, index))}>
            {label}
          </button>
        ))}
        {error && (
          <p class="composer-error" role="alert">
            {error.text}
          </p>
        )}
      </div>
    );
  }

  const fail = (field: string, text: string) => {
    setError({ text, field });
    form.current?.querySelector<HTMLInputElement>(`[name="${CSS.escape(field)}"]`)?.focus();
  };

  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: Record<string, string> = {};
    for (const field of prompt.fields) {
      const value = String(data.get(field) ?? '').trim();
      if (!value) return fail(field, t('flowRequired', { field: fieldLabel(field) }));
      if (field === 'email' && !isPlausibleEmail(value)) return fail(field, t('emailInvalid'));
      values[field] = value;
    }
    if (onCapture) void run(() => onCapture(prompt.cardId, values));
  };

  return (
    <form ref={form} class="flow-prompt flow-capture" aria-label={t('flowDetails')} onSubmit={submit} noValidate>
      {prompt.fields.map((field) => {
        const id = `flow-field-${prompt.cardId}-${field}`;
        const invalid = error?.field === field;
        return (
          <div class="flow-field" key={field}>
            <label for={id}>{fieldLabel(field)}</label>
            <input
              id={id}
              name={field}
              type={TYPES[field] ?? 'text'}
              autocomplete={AUTOCOMPLETE[field] ?? 'off'}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? 'flow-capture-error' : undefined}
              onInput={() => error && setError(null)}
            />
          </div>
        );
      })}
      <button type="submit" class="send-button" disabled={busy}>
        {t('flowSubmit')}
      </button>
      {error && (
        <p id="flow-capture-error" class="composer-error" role="alert">
          {error.text}
        </p>
      )}
    </form>
  );
}
