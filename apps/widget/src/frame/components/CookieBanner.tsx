/**
 * W10 cookie banner: as the chat shows, or once the visitor is about to leave (exit intent: the
 * pointer leaves the host page or the chat window through the top; state/exitIntent.ts), for visitors who are not identified and have not answered yet. Either answer is
 * recorded and the banner goes. The text is the business's rich text, so a cookie policy can be
 * linked inline.
 */
import type { WidgetConsent } from '@parley/protocol';
import { RichText } from '@parley/richtext/render';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { noticeExitIntent, onExitIntent } from '../state/exitIntent';

interface CookieBannerProps {
  consent: WidgetConsent | undefined;
  onAnswer(granted: boolean): Promise<void>;
}

export function CookieBanner({ consent, onAnswer }: CookieBannerProps) {
  const [answered, setAnswered] = useState(false);
  const [exitIntent, setExitIntent] = useState(false);
  const waitsForExit = consent?.cookie.when === 'exitIntent';
  useEffect(() => {
    if (!waitsForExit) return;
    const leave = (event: MouseEvent) => {
      if (event.clientY <= 0) noticeExitIntent();
    };
    document.documentElement.addEventListener('mouseleave', leave);
    const stopListening = onExitIntent(() => setExitIntent(true));
    return () => {
      document.documentElement.removeEventListener('mouseleave', leave);
      stopListening();
    };
  }, [waitsForExit]);

  if (!consent?.cookieApplies || answered || (waitsForExit && !exitIntent)) return null;
  const answer = async (granted: boolean) => {
    setAnswered(true);
    // A failed write asks again next time; the chat itself does not depend on it.
    await onAnswer(granted).catch(() => undefined);
  };
  return (
    <section class="cookie-banner" aria-label={t('cookieNotice')}>
      <div class="cookie-text rich">
        <RichText text={consent.cookie.text} />
      </div>
      <div class="cookie-actions">
        <button type="button" onClick={() => answer(true)}>
          {t('cookieAccept')}
        </button>
        <button type="button" class="secondary" onClick={() => answer(false)}>
          {t('cookieDecline')}
        </button>
      </div>
    </section>
  );
}
