/**
 * W10 before the first message: the data processing text (explicit mode: an "I agree" button,
 * the composer disabled until it is clicked), the optional communications checkbox and the
 * privacy policy and terms links. The server refuses an unconsented start too; this is the
 * visitor's way through, not the lock. A chat under way shows none of it. The texts are the
 * business's rich text (the safe Markdown subset), so a policy can be linked inline.
 */
import type { ConsentKind, WidgetConsent } from '@parley/protocol';
import { RichText } from '@parley/richtext/render';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface ConsentGateProps {
  consent: WidgetConsent | undefined;
  /** The chatflow shown: the visitor's answers here are for it, so another one starts afresh. */
  chatflowId: number | undefined;
  /** A conversation is open: the consents were settled before it started. */
  chatting: boolean;
  onRecord(kind: ConsentKind, granted: boolean): Promise<void>;
  /** The composer. */
  children: ComponentChildren;
}

/** What the visitor answered in this window, and for which chatflow. */
interface Answers {
  chatflowId: number | undefined;
  agreed: boolean;
  subscribed: boolean;
}

const LINK_REL = 'noopener noreferrer nofollow';
/** The checkbox is named by its text; the text is blocks (paragraphs, lists), which a <label> may not hold. */
const COMMUNICATIONS_TEXT_ID = 'consent-communications-text';

export function ConsentGate({ consent, chatflowId, chatting, onRecord, children }: ConsentGateProps) {
  const [given, setGiven] = useState<Answers>({ chatflowId, agreed: false, subscribed: false });
  const [failed, setFailed] = useState(false);
  // The page moved on to another chatflow with the window open (a single-page site): "I agree"
  // was given to the other one's text, so this one asks again unless the server says it need not.
  const answers = given.chatflowId === chatflowId ? given : { chatflowId, agreed: false, subscribed: false };
  // The composer stays inside the same fieldset either way: a different parent would mount it
  // anew as the chat starts and drop what the visitor is typing meanwhile.
  const lock = (locked: boolean) => (
    // A disabled fieldset disables every control of the composer without the composer knowing.
    <fieldset class="consent-lock" disabled={locked}>
      {children}
    </fieldset>
  );
  // The same shape as below (a panel slot, then the fieldset), so nothing is mounted anew.
  if (!consent || chatting) return <>{null}{lock(false)}</>;

  const record = async (kind: ConsentKind, granted: boolean): Promise<boolean> => {
    try {
      await onRecord(kind, granted);
      setFailed(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    }
  };
  const mode = consent.dataProcessing.mode;
  const locked = mode === 'explicit' && !answers.agreed && !consent.dataProcessingGranted;
  const links = [
    consent.privacyPolicyUrl && { href: consent.privacyPolicyUrl, label: t('privacyPolicy') },
    consent.termsUrl && { href: consent.termsUrl, label: t('terms') },
  ].filter((link): link is { href: string; label: string } => Boolean(link));

  return (
    <>
      <div class="consent">
        {mode !== 'off' && (
          <div class="consent-text rich">
            <RichText text={consent.dataProcessing.text} />
          </div>
        )}
        {locked && (
          <button type="button" class="consent-agree" onClick={async () => (await record('dataProcessing', true)) && setGiven({ ...answers, agreed: true })}>
            {t('consentAgree')}
          </button>
        )}
        {consent.communications.enabled && (
          <div class="consent-check">
            <input
              type="checkbox"
              aria-labelledby={COMMUNICATIONS_TEXT_ID}
              checked={answers.subscribed}
              onChange={async (event) => {
                const granted = event.currentTarget.checked;
                if (await record('communications', granted)) setGiven({ ...answers, subscribed: granted });
              }}
            />
            <div id={COMMUNICATIONS_TEXT_ID} class="rich">
              <RichText text={consent.communications.text} />
            </div>
          </div>
        )}
        {links.length > 0 && (
          <p class="consent-links">
            {links.map((link) => (
              <a key={link.href} href={link.href} target="_blank" rel={LINK_REL}>
                {link.label}
              </a>
            ))}
          </p>
        )}
        {failed && (
          <p class="consent-error" role="alert">
            {t('sendFailed')}
          </p>
        )}
      </div>
      {lock(locked)}
    </>
  );
}
