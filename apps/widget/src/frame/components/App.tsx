/**
 * The chat window: header, connection status, thread, ended notice, availability notice, typing
 * line, a running flow's answers or capture form (W8) and composer, before a chat the flow's
 * opening question's answers. Every text is in the chatflow's language (`t`, W16).
 */
import type { WidgetAvailability, WidgetConfig } from '@parley/protocol';
import { useEffect, useState } from 'preact/hooks';
import { formatReturnTime } from '../format';
import { t } from '../i18n';
import { availabilityNotice, endedText } from '../state/availability';
import type { ChatController } from '../state/chatController';
import { useChatView } from '../useChatView';
import { Composer } from './Composer';
import { FlowPrompt } from './FlowPrompt';
import { pendingFlowPrompt } from '../state/flowPrompt';
import { openingLines, openingPrompt } from '../state/flowOpening';
import { fileDropProps } from './AttachButton';
import { EndChatConfirm } from './EndChatConfirm';
import { RichText } from '@parley/richtext/render';
import { Header } from './Header';
import { Thread } from './Thread';
import { VisitorGate } from './VisitorGate';
import { ConsentGate } from './ConsentGate';
import { CookieBanner } from './CookieBanner';

/**
 * `loading`: no answer yet (or, in the preview, no config posted yet); `loaded`: the server or
 * the loader gave one, where null means no chatflow shows now; `failed`: unreachable, so the
 * window works with defaults while the request is retried.
 */
export type ConfigStatus = 'loading' | 'loaded' | 'failed';

interface AppProps {
  controller: ChatController;
  config: WidgetConfig | null;
  configStatus: ConfigStatus;
  /** The chatflow's current availability (W7); null when unknown. */
  availability: WidgetAvailability | null;
  /** W19: the admin's preview; nothing is sent. */
  preview: boolean;
}

function statusText(view: ReturnType<typeof useChatView>, preview: boolean): string | null {
  if (preview) return t('previewNote');
  if (view.unavailable) return t('unavailable');
  if (view.connection === 'open') return null;
  return view.hasConnected ? t('reconnecting') : t('connecting');
}

export function App({ controller, config, configStatus, availability, preview }: AppProps) {
  const view = useChatView(controller);
  const [confirmingEnd, setConfirmingEnd] = useState(false);

  // Escape closes the window from anywhere inside it, as with any dialog-like overlay.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) controller.minimize();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller]);

  const heading = config?.heading ?? { title: '', people: [] };
  const onMinimize = () => controller.minimize();
  const attach = (files: File[]) => files.forEach((file) => controller.attach(file));

  // The site has no chatflow to show here now (unpublished, deleted, or targeting says none).
  if (configStatus === 'loaded' && !config) {
    return (
      <div class="window">
        <Header title="" people={[]} agent={null} canEnd={false} onEnd={() => {}} onMinimize={onMinimize} />
        <main class="body">
          <p class="notice-unavailable" role="status">
            {t('unavailable')}
          </p>
        </main>
      </div>
    );
  }

  const { conversation } = view.thread;
  const closed = conversation?.status === 'closed';
  const status = statusText(view, preview);
  const flowPrompt = pendingFlowPrompt(view.thread.messages);
  const opening = openingPrompt(config?.flowOpening, view.thread);
  const notice = availabilityNotice({ availability, conversation, now: Date.now(), formatReturn: formatReturnTime });

  return (
    <div class="window">
      <Header
        title={heading.title}
        people={heading.people}
        agent={conversation?.assignee ?? null}
        canEnd={conversation?.status === 'open'}
        onEnd={() => setConfirmingEnd(true)}
        onMinimize={onMinimize}
      />
      <main class="body" {...fileDropProps(attach)}>
        {confirmingEnd && conversation?.status === 'open' && (
          <EndChatConfirm
            onConfirm={() => {
              setConfirmingEnd(false);
              controller.endConversation();
            }}
            onCancel={() => setConfirmingEnd(false)}
          />
        )}
        <p class="status" role="status">
          {status}
        </p>
        <CookieBanner consent={config?.consent} onAnswer={(granted) => controller.recordConsent('cookie', granted)} />
        {configStatus !== 'loading' ? (
          <Thread
            thread={view.thread}
            visitorId={view.visitorId}
            welcome={config ? { name: heading.title, lines: [config.welcomeMessage, ...openingLines(config.flowOpening)] } : null}
            onRetry={(id) => controller.retry(id)}
          />
        ) : (
          <p class="thread-placeholder">{t('loading')}</p>
        )}
        {closed && (
          <div class="ended" role="status">
            <p>{endedText(conversation.closeReason)}</p>
            <p>{t('writeToStartNew')}</p>
          </div>
        )}
        {/* Always rendered, empty when there is nothing to say: a live region must exist before
            its text changes for screen readers to announce the change (queue position updates). */}
        <div class="availability" role="status" data-state={notice?.kind}>
          {/* The away and offline messages are the business's rich text (our own lines have no markup). */}
          {notice?.lines.map((line, i) => <RichText key={i} text={line} />)}
        </div>
        {view.actionError && (
          <p class="action-error" role="alert">
            {view.actionError}
          </p>
        )}
        <p class="typing" aria-hidden={view.typingName ? undefined : true}>
          {view.typingName ? t('typing', { name: view.typingName }) : ''}
        </p>
        {flowPrompt && conversation?.status === 'open' && (
          <FlowPrompt
            prompt={flowPrompt}
            onAnswer={(cardId, answerIndex) => controller.flowStep('answer', { cardId, answerIndex })}
            onCapture={(cardId, fields) => controller.flowStep('capture', { cardId, fields })}
          />
        )}
        <VisitorGate config={config} thread={view.thread} onCaptureEmail={(email) => controller.captureEmail(email)}>
          <ConsentGate consent={config?.consent} chatflowId={config?.chatflowId} chatting={view.thread.conversation?.status === 'open'} onRecord={(kind, granted) => controller.recordConsent(kind, granted)}>
            {/* Inside the gates: picking an answer starts the chat as a first message does (W8). */}
            {opening && <FlowPrompt prompt={opening} onAnswer={(cardId, index) => controller.startFlow(cardId, index, opening.answers[index] ?? '')} />}
            <Composer
              onSend={(body) => controller.send(body)}
              onTyping={() => controller.visitorTyping()}
              onFiles={attach}
              focusRequest={view.focusRequest}
            />
          </ConsentGate>
        </VisitorGate>
      </main>
    </div>
  );
}
