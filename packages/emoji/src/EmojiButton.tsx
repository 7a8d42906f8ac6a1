/**
 * The "Emoji" button of a message box. It is all that the app's main bundle carries: the picker
 * and its data are a dynamic import, fetched the first time the button is used (in the chat
 * frame that keeps them out of the budget a visitor downloads to chat at all).
 *
 * A pick goes in at the caret of `textarea` (replacing a selection), and focus goes back there
 * with the caret after the emoji; Escape puts focus back on this button instead.
 */
import type { ComponentType, RefObject } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { insertText } from './insertText.js';
import type { EmojiPickerProps } from './EmojiPicker.js';
import type { EmojiPickerStrings } from './strings.js';

interface EmojiButtonProps {
  strings: EmojiPickerStrings;
  textarea: RefObject<HTMLTextAreaElement>;
  /** The textarea's whole new value after an insert; the composer keeps it as if typed. */
  onInsert(value: string): void;
  /** The app's class for the button (each app draws its own). */
  class: string;
  /** Show each emoji's English name as a tooltip (the inbox; the chat frame may not be English). */
  showNames?: boolean;
  disabled?: boolean;
}

let pickerModule: Promise<ComponentType<EmojiPickerProps>> | null = null;
function loadPicker(): Promise<ComponentType<EmojiPickerProps>> {
  pickerModule ??= import('./EmojiPicker.js').then(
    (module) => module.EmojiPicker,
    (error: unknown) => {
      pickerModule = null; // a later click tries again (a deploy replaced the chunk, the network dropped)
      throw error;
    },
  );
  return pickerModule;
}

export function EmojiButton({ strings, textarea, onInsert, class: className, showNames = false, disabled }: EmojiButtonProps) {
  const [Picker, setPicker] = useState<ComponentType<EmojiPickerProps> | null>(null);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Opened by a finger: focusing the search box would raise the phone's keyboard over the grid.
  const byTouch = useRef(false);
  const popoverId = useId();

  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    if (!Picker) {
      loadPicker().then(
        (component) => setPicker(() => component),
        (error: unknown) => {
          console.warn('[parley] emoji picker not loaded:', error);
          setOpen(false);
        },
      );
    }
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const pick = (emoji: string) => {
    const el = textarea.current;
    if (!el) return;
    const next = insertText(el.value, el.selectionStart, el.selectionEnd, emoji);
    // Set on the element first: the re-render then finds the value unchanged and keeps the caret.
    el.value = next.value;
    el.focus();
    el.setSelectionRange(next.caret, next.caret);
    onInsert(next.value);
    setOpen(false);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        class={className}
        aria-label={strings.emoji}
        aria-expanded={open}
        aria-controls={open && Picker ? popoverId : undefined}
        aria-busy={open && !Picker ? true : undefined}
        disabled={disabled}
        onPointerDown={(event) => (byTouch.current = event.pointerType === 'touch')}
        onKeyDown={() => (byTouch.current = false)}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9.25" fill="none" stroke="currentColor" stroke-width="1.5" />
          <circle cx="9" cy="10" r="1.25" fill="currentColor" />
          <circle cx="15" cy="10" r="1.25" fill="currentColor" />
          <path d="M8 14.25a4.75 4.75 0 0 0 8 0" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
        </svg>
      </button>
      {open && Picker && (
        <Picker
          id={popoverId}
          strings={strings}
          showNames={showNames}
          focusSearch={!byTouch.current}
          trigger={button}
          onPick={pick}
          onClose={close}
        />
      )}
    </>
  );
}
