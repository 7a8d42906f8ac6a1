/**
 * What stands before the composer (W9, login-only mode): a visitor the chatflow does not let
 * start a chat reads why instead of a message box; "before the first message" shows the email
 * prompt in the composer's place until a valid email is given; "no reply within N minutes" adds
 * the prompt above the composer once due. The server refuses the same starts, so this is the
 * visitor's explanation, not the lock.
 */
import type { WidgetConfig } from '@parley/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { emailPromptState } from '../state/emailCapture';
import type { ThreadState } from '../state/thread';
import { EmailPrompt } from './EmailPrompt';

interface VisitorGateProps {
  config: WidgetConfig | null;
  thread: ThreadState;
  onCaptureEmail(email: string): Promise<void>;
  /** The composer. */
  children: ComponentChildren;
}

export function VisitorGate({ config, thread, onCaptureEmail, children }: VisitorGateProps) {
  const [captured, setCaptured] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const prompt = emailPromptState(config?.emailCapture, thread, captured, now);

  // Wake up when a "no reply" prompt falls due (message times are the server's, so a reload agrees).
  const dueAt = prompt.mode === 'none' ? prompt.dueAt : null;
  useEffect(() => {
    if (dueAt === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, dueAt - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [dueAt]);

  const login = config?.loginOnly;
  if (login && login.mode !== 'off' && !login.visitorIdentified && thread.conversation?.status !== 'open') {
    return (
      <p class="sign-in" role="status">
        {t('signInToChat')}
      </p>
    );
  }

  const capture = async (email: string) => {
    await onCaptureEmail(email);
    setCaptured(true);
  };
  const form = prompt.mode !== 'none' && <EmailPrompt prompt={config?.emailCapture.prompt ?? ''} onSubmit={capture} />;
  return (
    <>
      {captured && (
        <p class="email-saved" role="status">
          {t('emailSaved')}
        </p>
      )}
      {form}
      {prompt.mode !== 'blocking' && children}
    </>
  );
}
