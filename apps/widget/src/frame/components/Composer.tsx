/**
 * The message box. Enter sends, Shift+Enter adds a line. Text is checked here with the same
 * limit the server enforces, so an over-long message is refused with a clear reason instead of a
 * round trip (the server still has the last word).
 */
import { EmojiButton } from '@parley/emoji/button';
import { LIMITS } from '@parley/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { emojiStrings } from '../emojiStrings';
import { formatNumber } from '../format';
import { t } from '../i18n';
import { AttachButton, pastedFiles } from './AttachButton';

interface ComposerProps {
  onSend(body: string): void;
  onTyping(): void;
  /** Files chosen, pasted or dropped (W12). */
  onFiles(files: File[]): void;
  /** Changes when the composer should take focus. */
  focusRequest: number;
}

const MAX_HEIGHT_PX = 120;

export function Composer({ onSend, onTyping, onFiles, focusRequest }: ComposerProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  // Grow with the text up to a few lines, then scroll inside.
  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    if (body.length > LIMITS.messageMaxLength) {
      setError(t('tooLong', { max: formatNumber(LIMITS.messageMaxLength) }));
      return;
    }
    onSend(body);
    setText('');
    setError(null);
  };

  // Typing and a picked emoji (W12) change the text alike.
  const change = (value: string) => {
    setText(value);
    if (error && value.trim().length <= LIMITS.messageMaxLength) setError(null);
    if (value.trim()) onTyping();
  };
  const onInput = (event: JSX.TargetedEvent<HTMLTextAreaElement>) => change(event.currentTarget.value);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={input}
        class="composer-input"
        rows={1}
        aria-label={t('messageLabel')}
        placeholder={t('messagePlaceholder')}
        value={text}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onPaste={(event) => pastedFiles(event, onFiles)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'composer-error' : undefined}
      />
      <AttachButton onFiles={onFiles} />
      <EmojiButton class="emoji-button" strings={emojiStrings()} textarea={input} onInsert={change} />
      <button type="submit" class="send-button">
        {t('send')}
      </button>
      {error && (
        <p id="composer-error" class="composer-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
