import { LIMITS } from '@parley/protocol';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { createTypingNotifier } from '../realtime/typingNotifier.js';
import { replyProblem, sendFiles, sendReply } from '../state/replies.js';
import { AttachButton, fileDropProps, pastedFiles } from './attachments/AttachButton.js';
import { ReplyEmojiButton } from './emoji/ReplyEmojiButton.js';
import { MacroPicker } from './macros/MacroPicker.js';
import { useMacroPicker } from './macros/useMacroPicker.js';

/** Unsent text per conversation, so switching threads does not lose a half-written reply. */
const drafts = new Map<number, string>();

export function Composer({ conversationId }: { conversationId: number }) {
  const [body, setBody] = useState(() => drafts.get(conversationId) ?? '');
  const [showEmptyError, setShowEmptyError] = useState(false);
  // On: what is sent next is an internal note for the team, not a reply to the visitor.
  const [note, setNote] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const typing = useMemo(() => createTypingNotifier(conversationId), [conversationId]);
  const macros = useMacroPicker(conversationId, textarea, update);

  // Leaving the thread (the component is keyed by conversation) ends "typing" for the visitor.
  useEffect(() => () => typing.stop(), [typing]);

  const tooLong = body.length > LIMITS.messageMaxLength;
  const problem = tooLong || showEmptyError ? replyProblem(body) : null;

  function update(value: string) {
    setBody(value);
    setShowEmptyError(false);
    drafts.set(conversationId, value);
    // Writing a note is not typing to the visitor.
    if (value.length > 0 && !note) typing.keystroke();
    else typing.stop();
  }

  function submit(event?: Event) {
    event?.preventDefault();
    if (replyProblem(body)) {
      setShowEmptyError(true);
      return;
    }
    typing.stop();
    sendReply(conversationId, body, note);
    drafts.delete(conversationId);
    setBody('');
    textarea.current?.focus();
  }

  /** Files chosen, pasted or dropped: each sent at once, as a note while notes are on. */
  function attach(files: File[]) {
    sendFiles(conversationId, files, note);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (macros.onKeyDown(event)) return;
    // Enter sends; Shift+Enter is a new line; never interrupt an IME composition.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form class={note ? 'composer note-mode' : 'composer'} onSubmit={submit} {...fileDropProps(attach)}>
      <div class="composer-head">
        <label for={id} class="composer-label">
          Reply
        </label>
        <button
          type="button"
          role="switch"
          aria-checked={note}
          class="switch"
          onClick={() => {
            setNote(!note);
            typing.stop();
          }}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          <span>Internal note</span>
        </button>
      </div>
      <textarea
        id={id}
        ref={textarea}
        value={body}
        rows={3}
        placeholder={note ? 'Write a note for your team…' : 'Write a reply…'}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
        {...macros.textareaProps}
        onInput={(event) => {
          update(event.currentTarget.value);
          macros.follow(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
        onClick={(event) => macros.follow(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onPaste={(event) => pastedFiles(event, attach)}
        onBlur={() => typing.stop()}
      />
      <MacroPicker state={macros.state} />
      <div class="composer-foot">
        <p id={`${id}-hint`} class="field-hint">
          {note && <strong>Only your team sees notes, never the visitor. </strong>}
          Enter to send, Shift+Enter for a new line, / for macros.{' '}
          <span class={tooLong ? 'counter over' : 'counter'}>
            {body.length}/{LIMITS.messageMaxLength}
          </span>
        </p>
        <AttachButton onFiles={attach} />
        <ReplyEmojiButton textarea={textarea} onInsert={update} />
        <button type="submit" class="button primary">
          Send
        </button>
      </div>
      {problem && (
        <p id={`${id}-error`} class="form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
