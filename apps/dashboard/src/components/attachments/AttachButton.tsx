/**
 * Sending files from the reply box (W12, I6): "Attach file" opens the file chooser; files pasted
 * into the reply box or dropped on the composer go the same way.
 */
import { useRef } from 'preact/hooks';
import '../../styles/attachments.css';

export function AttachButton({ onFiles }: { onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared, so choosing the same file again sends it again.
          event.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <button type="button" class="attach-button" aria-label="Attach file" title="Attach file" onClick={() => input.current?.click()}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
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

/** Drop target props: files dropped on the element are sent. */
export function fileDropProps(onFiles: (files: File[]) => void) {
  return {
    onDragOver(event: DragEvent) {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent) {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (!files.length) return;
      event.preventDefault();
      onFiles(files);
    },
  };
}
