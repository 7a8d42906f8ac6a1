/**
 * W13: "End chat" asks first, inside the frame. Focus moves to Cancel (the safe choice) and comes
 * back to whatever opened the question when it is cancelled; Escape cancels without closing
 * the window (App's Escape handler skips events already handled).
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

interface EndChatConfirmProps {
  onConfirm(): void;
  onCancel(): void;
}

export function EndChatConfirm({ onConfirm, onCancel }: EndChatConfirmProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    opener.current = document.activeElement;
    cancelRef.current?.focus();
  }, []);

  const cancel = () => {
    onCancel();
    if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  return (
    <div class="end-confirm" role="alertdialog" aria-labelledby="end-confirm-question" onKeyDown={onKeyDown}>
      <p id="end-confirm-question">{t('endConfirm')}</p>
      <div class="end-confirm-actions">
        <button type="button" class="end-confirm-end" onClick={onConfirm}>
          {t('endChat')}
        </button>
        <button type="button" ref={cancelRef} class="end-confirm-cancel" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
