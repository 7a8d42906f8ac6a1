/**
 * W9: the email prompt. The address is checked here with the server's rule, so a typo gets a
 * clear sentence at once (the server still has the last word); the prompt text is the
 * chatflow's, shown as text.
 */
import { isPlausibleEmail } from '@parley/protocol';
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { HttpError } from '../api';
import { t } from '../i18n';

interface EmailPromptProps {
  prompt: string;
  onSubmit(email: string): Promise<void>;
}

export function EmailPrompt({ prompt, onSubmit }: EmailPromptProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const fail = (text: string) => {
    setError(text);
    input.current?.focus();
  };

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const email = value.trim();
    if (!isPlausibleEmail(email)) return fail(t('emailInvalid'));
    setBusy(true);
    try {
      await onSubmit(email);
    } catch (caught) {
      fail(caught instanceof HttpError && caught.code === 'validation_failed' ? t('emailInvalid') : t('emailFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="email-prompt" onSubmit={submit} noValidate>
      {prompt && <p id="email-prompt-text">{prompt}</p>}
      <label for="email-prompt-input">{t('emailLabel')}</label>
      <div class="email-prompt-row">
        <input
          ref={input}
          id="email-prompt-input"
          type="email"
          autocomplete="email"
          value={value}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[prompt ? 'email-prompt-text' : '', error ? 'email-prompt-error' : ''].join(' ').trim() || undefined}
        />
        <button type="submit" class="send-button" disabled={busy}>
          {t('emailSubmit')}
        </button>
      </div>
      {error && (
        <p id="email-prompt-error" class="composer-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
