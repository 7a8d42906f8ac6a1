/**
 * W10 in the sidebar: what the visitor (or the contact's visitors) agreed to or declined, with the
 * exact text they were shown, its language and the time. Reloaded when the chat's conversation
 * changes or a new message arrives (a consent is given just before the first one).
 */
import type { ConsentKind, ConsentRecord } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { errorText, request } from '../../api/request.js';
import { fullTime, isoTime } from '../../format/time.js';

const KIND: Record<ConsentKind, string> = { cookie: 'Cookies', dataProcessing: 'Data processing', communications: 'Communications' };

export function ContactConsents({ conversationId, version }: { conversationId: number; version: number }) {
  const [consents, setConsents] = useState<ConsentRecord[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    request<{ consents: ConsentRecord[] }>('GET', `/api/conversations/${conversationId}/consents`).then(
      (answer) => current && (setConsents(answer.consents), setFailure(null)),
      (error: unknown) => current && setFailure(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [conversationId, version]);

  return (
    <section class="contact-block" aria-labelledby="contact-consents-title">
      <h3 id="contact-consents-title">Consents</h3>
      {failure ? (
        <p class="form-error">Could not load the consents: {failure}</p>
      ) : !consents ? (
        <p class="unknown">Loading…</p>
      ) : consents.length === 0 ? (
        <p class="unknown">None recorded</p>
      ) : (
        <ul class="contact-list consents">
          {consents.map((consent) => (
            <li key={consent.id}>
              <span class="lead-kind">{KIND[consent.kind]}</span> {consent.granted ? 'Agreed' : 'Declined'}
              {consent.subscriptionType && ` · ${consent.subscriptionType.name}`}
              <blockquote class="consent-text" lang={consent.language}>
                {consent.text}
              </blockquote>
              <span class="contact-meta">
                {consent.language.toUpperCase()} · <time dateTime={isoTime(consent.createdAt)}>{fullTime(consent.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
