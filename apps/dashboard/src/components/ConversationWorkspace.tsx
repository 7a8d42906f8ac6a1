import { inbox } from '../state/inboxStore.js';
import { useStore } from '../state/store.js';
import { viewLabel } from '../state/views.js';
import { ConversationList } from './ConversationList.js';
import { useScreenFocus, type Screen } from './screens/useScreenFocus.js';
import { ThreadPane } from './ThreadPane.js';
import { SearchBox } from './search/SearchBox.js';
import { ListFilters, useListTitle } from './lists/ListFilters.js';
import '../styles/screens.css';

interface WorkspaceProps {
  conversationId: number | null;
  /** The visitor's details in front (a screen of its own on phones and tablets). */
  details: boolean;
}

/**
 * List of the selected view beside the open conversation (or a hint to pick one). On a phone the
 * list, the thread and the details are one screen each (screens.css).
 */
export function ConversationWorkspace({ conversationId, details }: WorkspaceProps) {
  const view = useStore(inbox, (state) => state.selectedView);
  const title = useListTitle(viewLabel(view));
  const threadStatus = useStore(inbox, (state) => state.thread?.status);
  const screen: Screen = conversationId === null ? 'list' : details ? 'details' : 'thread';
  useScreenFocus(screen, conversationId, threadStatus);
  return (
    <div class={`workspace screen-${screen}${conversationId ? ' has-thread' : ''}`}>
      <section class="list-pane" aria-labelledby="list-title">
        <h1 id="list-title" class="pane-title" tabIndex={-1}>
          {title}
        </h1>
        <SearchBox />
        <ListFilters view={view} />
        <ConversationList view={view} openId={conversationId} />
      </section>
      {conversationId ? (
        <ThreadPane conversationId={conversationId} details={details} />
      ) : (
        <div class="thread-placeholder">
          <p>Select a conversation to read and reply.</p>
        </div>
      )}
    </div>
  );
}
