/**
 * Sending files (W12): the "Attach file" button opens the file chooser; files pasted into the
 * message box or dropped on the chat window are sent the same way (see fileEvents).
 */
import { useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { t } from '../i18n';

export function AttachButton({ onFiles }: { onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared, so choosing the same file again sends it again.
    event.currentTarget.value = '';
    if (files.length) onFiles(files);
  };
  return (
    <>
      <input ref={input} type="file" multiple hidden tabIndex={-1} aria-hidden="true" onChange={onChange} />
      <button type="button" class="attach-button" aria-label={t('attachFile')} title={t('attachFile')} onClick={() => input.current?.click()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
          <path d="M21 11.5l-8.5 8.5a5.5 5.5 0 01-7.8-7.8l9-9a3.7 3.7 0 015.2 5.2l-9 9a1.8 1.8 0 01-2.6-2.6l8.3-8.3" />
        </svg>
      </button>
    </>
  );
}

/** Files on the clipboard (a pasted screenshot); the paste inserts no text then. */
export function pastedFiles(event: ClipboardEvent, onFiles: (files: File[]) => void): void {
  const files = [...(event.clipboardData?.files ?? [])];
  if (!files.length) return;
  event.preventDefault();
  onFiles(files);
}

/** Drop target props for the chat window: files dropped anywhere on it are sent. */
export function fileDropProps(onFiles: (files: File[]) => void) {
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  return {
    onDragOver(event: DragEvent) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    },
    onDrop(event: DragEvent) {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (!files.length) return;
      event.preventDefault();
      onFiles(files);
    },
  };
}
