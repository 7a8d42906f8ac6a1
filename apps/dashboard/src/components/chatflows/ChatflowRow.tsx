import type { Chatflow } from '@parley/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../../api/request.js';
import { hrefFor, navigate, onLinkClick } from '../../router.js';
import { duplicateChatflow, moveChatflow, saveChatflow } from './chatflowsStore.js';
import { ASSIGNMENT_MODES, LANGUAGES, labelOf } from './labels.js';
import { PublishedSwitch } from './PublishedSwitch.js';

interface ChatflowRowProps {
  chatflow: Chatflow;
  /** 1 = shown first where several match. */
  position: number;
  count: number;
  canEdit: boolean;
  onDelete: () => void;
  onError: (message: string | null) => void;
}

/** One chatflow in its site's list: what it is, whether it shows, and what can be done to it. */
export function ChatflowRow({ chatflow, position, count, canEdit, onDelete, onError }: ChatflowRowProps) {
  const [busy, setBusy] = useState(false);
  const nameId = `chatflow-name-${chatflow.id}`;

  async function run(action: () => Promise<unknown>, what: string) {
    if (busy) return;
    setBusy(true);
    onError(null);
    try {
      await action();
    } catch (caught) {
      onError(`${what} “${chatflow.name}” failed: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="chatflow-row">
      <div class="chatflow-summary">
        <span class="chatflow-priority" title="Priority">
          <span class="visually-hidden">Priority </span>
          {position}
        </span>
        <div class="chatflow-text">
          <a id={nameId} class="chatflow-name" href={hrefFor({ name: 'chatflow', id: chatflow.id })} onClick={onLinkClick}>
            {chatflow.name}
          </a>
          <span class="field-hint">
            <span lang={chatflow.language}>{labelOf(LANGUAGES, chatflow.language)}</span> · Chats go to:{' '}
            {labelOf(ASSIGNMENT_MODES, chatflow.routing.mode).toLowerCase()}
          </span>
        </div>
      </div>
      {canEdit ? (
        <div class="chatflow-actions">
          <PublishedSwitch
            checked={chatflow.published}
            busy={busy}
            describedBy={nameId}
            onChange={(published) => void run(() => saveChatflow(chatflow.id, { published }), published ? 'Publishing' : 'Unpublishing')}
          />
          <div class="button-group">
            <button
              type="button"
              class="button small"
              aria-label={`Move ${chatflow.name} up`}
              aria-disabled={position === 1 || busy}
              onClick={() => position > 1 && void run(() => moveChatflow(chatflow.id, -1), 'Moving')}
            >
              <span aria-hidden="true">↑</span> Up
            </button>
            <button
              type="button"
              class="button small"
              aria-label={`Move ${chatflow.name} down`}
              aria-disabled={position === count || busy}
              onClick={() => position < count && void run(() => moveChatflow(chatflow.id, 1), 'Moving')}
            >
              <span aria-hidden="true">↓</span> Down
            </button>
          </div>
          <div class="button-group">
            <button type="button" class="button small" aria-label={`Edit ${chatflow.name}`} onClick={() => navigate(hrefFor({ name: 'chatflow', id: chatflow.id }))}>
              Edit
            </button>
            <button
              type="button"
              class="button small"
              aria-label={`Duplicate ${chatflow.name}`}
              onClick={() => void run(() => duplicateChatflow(chatflow.id), 'Duplicating')}
            >
              Duplicate
            </button>
            <button type="button" class="button small danger-outline" aria-label={`Delete ${chatflow.name}`} onClick={onDelete}>
              Delete
            </button>
          </div>
        </div>
      ) : (
        <p class="chatflow-state">{chatflow.published ? 'Published' : 'Not published'}</p>
      )}
    </li>
  );
}
