/**
 * The chat window: header, connection status, thread, ended notice, availability notice, typing
 * line and composer.
 */
import type { WidgetAvailability, WidgetConfig } from '@parley/protocol';
import { useEffect } from 'preact/hooks';
import { formatReturnTime } from '../format';
import { availabilityNotice, endedText } from '../state/availability';
import type { ChatController } from '../state/chatController';
import { STRINGS } from '../strings';
import { useChatView } from '../useChatView';
import { Composer } from './Composer';
import { Header } from './Header';
import { Thread } from './Thread';

interface AppProps {
  controller: ChatController;
  /** null while loading, or when the settings could not be loaded (defaults are used then). */
  config: WidgetConfig | null;
  /** The first config request has answered, successfully or not. */
  configSettled: boolean;
  /** The chatflow's current availability (W7); null when unknown. */
  availability: WidgetAvailability | null;
}

function connectionText(connection: string, hasConnected: boolean, unavailable: boolean): string | null {
  if (unavailable) return STRINGS.unavailable;
  if (connection === 'open') return null;
  return hasConnected ? STRINGS.reconnecting : STRINGS.connecting;
}

export function App({ controller, config, configSettled, availability }: AppProps) {
  const view = useChatView(controller);

  // Escape closes the window from anywhere inside it, as with any dialog-like overlay.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) controller.minimize();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller]);
  const { conversation } = view.thread;
  const settings = config?.settings;
  const assignee = conversation?.assignee ?? null;
  const closed = conversation?.status === 'closed';
  const status = connectionText(view.connection, view.hasConnected, view.unavailable);
  const notice = availabilityNotice({ availability, conversation, now: Date.now(), formatReturn: formatReturnTime });

  return (
    <div class="window">
      <Header
        name={assignee?.name ?? settings?.headingName ?? STRINGS.documentTitle}
        avatarUrl={assignee ? assignee.avatarUrl : (settings?.headingAvatarUrl ?? null)}
        canEnd={conversation?.status === 'open'}
        onEnd={() => controller.endConversation()}
        onMinimize={() => controller.minimize()}
      />
      <main class="body">
        <p class="status" role="status">
          {status}
        </p>
        {configSettled ? (
          <Thread
            thread={view.thread}
            visitorId={view.visitorId}
            welcome={settings ? { name: settings.headingName, body: settings.welcomeMessage } : null}
            onRetry={(id) => controller.retry(id)}
          />
        ) : (
          <p class="thread-placeholder">{STRINGS.loading}</p>
        )}
        {closed && (
          <div class="ended" role="status">
            <p>{endedText(conversation.closeReason)}</p>
            <p>{STRINGS.writeToStartNew}</p>
          </div>
        )}
        {/* Always rendered, empty when there is nothing to say: a live region must exist before
            its text changes for screen readers to announce the change (queue position updates). */}
        <div class="availability" role="status" data-state={notice?.kind}>
          {notice?.lines.map((line, i) => <p key={i}>{line}</p>)}
        </div>
        {view.actionError && (
          <p class="action-error" role="alert">
            {view.actionError}
          </p>
        )}
        <p class="typing" aria-hidden={view.typingName ? undefined : true}>
          {view.typingName ? STRINGS.typing(view.typingName) : ''}
        </p>
        <Composer
          onSend={(body) => controller.send(body)}
          onTyping={() => controller.visitorTyping()}
          focusRequest={view.focusRequest}
        />
      </main>
    </div>
  );
}
