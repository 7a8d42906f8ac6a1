import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { viewLabel } from '../state/views.js';
import { ConversationList } from './ConversationList.js';
import { ThreadPane } from './ThreadPane.js';
import { SearchBox } from './search/SearchBox.js';

/** List of the selected view beside the open conversation (or a hint to pick one). */
export function ConversationWorkspace({ conversationId }: { conversationId: number | null }) {
  const view = useStore(inbox, (state) => state.selectedView);
  return (
    <div class={conversationId ? 'workspace has-thread' : 'workspace'}>
      <section class="list-pane" aria-labelledby="list-title">
        <h1 id="list-title" class="pane-title">
          {viewLabel(view)}
        </h1>
        <SearchBox />
        <ConversationList view={view} openId={conversationId} />
      </section>
      {conversationId ? (
        <ThreadPane conversationId={conversationId} />
      ) : (
        <div class="thread-placeholder">
          <p>Select a conversation to read and reply.</p>
        </div>
      )}
    </div>
  );
}
