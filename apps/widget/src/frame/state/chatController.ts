/**
 * The chat frame's state and its link to the server: visitor session, realtime client, thread,
 * typing, unread count. Components only read `view` and call the methods below.
 *
 * Delivery guarantees come from RealtimeClient (outbox re-sent after reconnects, cursor-based
 * replay); this class keeps the *display* consistent with them (see thread.ts).
 */
import {
  RealtimeClient,
  type ConnectionState,
  type FrameToHost,
  type HostPage,
  type Message,
  type Signals,
  type VisitorCommands,
  type VisitorEvents,
  type VisitorResumeResult,
} from '@parley/protocol';
import { t } from '../i18n';
import { obtainVisitorSession } from '../visitorSession';
import { newClientMessageId } from './clientMessageId';
import { buildContextUpdate } from './visitorContext';
import { describeError } from './describeError';
import { postVisitorEmail } from './emailCapture';
import { postConsent } from './consent';
import type { ConsentKind } from '@parley/protocol';
import { postFlowStart, postFlowStep } from './flowPrompt';
import { addLocalLine, addPending, applyConversation, applyMessage, applyReadReceipt, applySnapshot, emptyThread, setPendingError, type PendingMessage, type ThreadState } from './thread';
import { AgentTyping } from './agentTyping';
import { TypingSender } from './typingSender';
import { UnreadCounter, unreadMessage } from './unreadCounter';
import { MessageAnnouncer } from './messageAnnouncer';
import { ReadMarker } from './readMarker';
import { setAttachmentToken, uploadAttachment } from './attachments';

/**
 * RealtimeClient wants a map with a string index signature, which an `interface` lacks; the same
 * map re-stated as a mapped type has one implicitly.
 */
type VisitorCommandMap = { [K in keyof VisitorCommands]: VisitorCommands[K] };
type VisitorClient = RealtimeClient<VisitorCommandMap, VisitorEvents, VisitorResumeResult>;
type VisitorEvent = { [K in keyof VisitorEvents]: { name: K; data: VisitorEvents[K] } }[keyof VisitorEvents];
type PostToHost = <K extends keyof FrameToHost>(type: K, data: FrameToHost[K]) => void;

export interface ChatControllerOptions {
  /**
   * W19 admin preview: no visitor, no socket, no request. What the admin writes shows in the
   * thread as sent, and nothing leaves the page.
   */
  preview: boolean;
  /** The chatflow shown now (config, else the loader's `flow`); a new conversation starts in it. */
  chatflowId(): number | null;
  /** The flow's opening changed on the server since the config was read: read it again. */
  openingChanged?(): void;
}

export interface ChatView {
  thread: ThreadState;
  visitorId: number | null;
  connection: ConnectionState;
  /** False until the first successful resume: "Connecting…" rather than "Reconnecting…". */
  hasConnected: boolean;
  /** Name of the agent currently typing in the current conversation. */
  typingName: string | null;
  /** The session could not be created (server down, unknown site); retrying in the background. */
  unavailable: boolean;
  actionError: string | null;
  /** Bumped when the composer should take focus (the visitor just opened the window). */
  focusRequest: number;
}

export class ChatController {
  view: ChatView = {
    thread: emptyThread,
    visitorId: null,
    connection: 'closed',
    hasConnected: false,
    typingName: null,
    unavailable: false,
    actionError: null,
    focusRequest: 0,
  };
  private client: VisitorClient | null = null;
  private visitorToken = '';
  private page: HostPage | null = null;
  /** Last context sent on the current connection; the bridge may repeat the same page. */
  private sentContext: string | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly typing = new TypingSender((data) => {
    if (this.client?.state === 'open') this.client.send('typing.set', data).catch(() => {});
  });
  private readonly unread: UnreadCounter;
  /** `Parley.on('message')` on the host page: each new message once. */
  /** startConversation ids already acted on: the loader repeats one until it hears back. */
  private readonly startsDone = new Set<number>();
  private readonly messageAnnouncer = new MessageAnnouncer((message) => this.postToHost('message', message));
  private readonly agentTyping = new AgentTyping((typingName) => this.update({ typingName }));
  private readonly readMarker = new ReadMarker(
    (conversationId, seq) => {
      const client = this.client;
      if (client?.state !== 'open') return this.readMarker.forget(conversationId); // sent again on resume
      client.send('conversation.read', { conversationId, seq }).catch(() => this.readMarker.forget(conversationId));
    },
    () => this.view.thread,
  );

  /** W8: the client message id of a pick not yet answered, so retrying it is the same pick. */
  private readonly flowStartIds = new Map<string, string>();

  /** Preview only: ids and seqs of the messages that never leave the page. */
  private localSeq = 0;

  constructor(
    private readonly siteKey: string,
    private readonly postToHost: PostToHost,
    private readonly options: ChatControllerOptions = { preview: false, chatflowId: () => null },
  ) {
    this.unread = new UnreadCounter((count, message) => this.postToHost('unread:changed', message ? { count, message } : { count }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Creates (or restores) the visitor and connects; retries with backoff while the server is away. */
  async start(forgetToken = false): Promise<void> {
    if (this.options.preview) return; // never a visitor in the preview
    for (let attempt = 0; ; attempt++) {
      try {
        const session = await obtainVisitorSession(this.siteKey, forgetToken);
        this.update({ unavailable: false, visitorId: session.visitorId });
        this.connect(session.visitorToken);
        return;
      } catch {
        this.update({ unavailable: true });
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  }

  send(body: string): void {
    if (this.options.preview) return this.showLocally(body);
    this.typing.stop();
    const pending: PendingMessage = { clientMessageId: newClientMessageId(), body, createdAt: Date.now(), error: null };
    this.setThread(addPending(this.view.thread, pending));
    this.dispatch(pending);
  }

  /** Sends a file (W12) as a message of its own; shown as pending ("Uploading…") until stored. */
  attach(file: File): void {
    if (this.options.preview) return; // nothing leaves the preview
    const pending: PendingMessage = { clientMessageId: newClientMessageId(), body: file.name, createdAt: Date.now(), error: null, file };
    this.setThread(addPending(this.view.thread, pending));
    this.dispatch(pending);
  }

  /** Preview: the message appears as the visitor would see it once stored. */
  private showLocally(body: string): void {
    this.setThread(addLocalLine(this.view.thread, ++this.localSeq, body, t('you')));
  }

  /** W10: a consent answer for the chatflow shown. The preview records nothing. */
  async recordConsent(kind: ConsentKind, granted: boolean): Promise<void> {
    const chatflowId = this.options.chatflowId();
    if (this.options.preview || !chatflowId) return;
    await postConsent(this.sessionToken(), chatflowId, kind, granted);
  }

  /** W9: the visitor's email links them to a contact. The preview keeps it in the page. */
  async captureEmail(email: string): Promise<void> {
    if (this.options.preview) return;
    await postVisitorEmail(this.sessionToken(), email);
  }

  /** W8: the visitor answers the card its conversation's flow waits at. The preview sends nothing. */
  async flowStep(step: 'answer' | 'capture', body: { cardId: string; answerIndex?: number; fields?: Record<string, string> }): Promise<void> {
    const conversation = this.view.thread.conversation;
    if (this.options.preview || !conversation) return;
    await postFlowStep(this.sessionToken(), conversation.id, step, body);
  }

  /**
   * W8: the visitor starts the conversation by picking an answer of the flow's opening question.
   * The answer line comes back like a first sent message's and is taken in the same way (the
   * conversation's other lines arrive as events). A conversation that had already moved on
   * (`duplicate`, or `flow_card_not_waiting`) is read afresh; when no conversation exists, the
   * opening itself changed. The preview shows the answer in the page.
   */
  async startFlow(cardId: string, answerIndex: number, label: string): Promise<void> {
    if (this.options.preview) return this.showLocally(label);
    const token = this.sessionToken();
    const chatflowId = this.options.chatflowId();
    const clientMessageId = this.flowStartIds.get(cardId) ?? newClientMessageId();
    this.flowStartIds.set(cardId, clientMessageId);
    try {
      const result = await postFlowStart(token, { ...(chatflowId ? { chatflowId } : {}), cardId, answerIndex, clientMessageId });
      this.flowStartIds.delete(cardId);
      this.onMessage(result.message);
      if (result.duplicate) this.reloadConversation();
    } catch (error) {
      if (describeError(error).code === 'flow_card_not_waiting') {
        this.flowStartIds.delete(cardId);
        this.reloadConversation();
        this.options.openingChanged?.();
      }
      throw error;
    }
  }

  retry(clientMessageId: string): void {
    const pending = this.view.thread.pending.find((p) => p.clientMessageId === clientMessageId);
    if (!pending) return;
    this.setThread(setPendingError(this.view.thread, clientMessageId, null));
    this.dispatch(pending);
  }

  endConversation(): void {
    const conversation = this.view.thread.conversation;
    if (!this.client || conversation?.status !== 'open') return;
    this.update({ actionError: null });
    this.client.send('conversation.end', { conversationId: conversation.id }).then(
      (result) => this.setThread(applyConversation(this.view.thread, result.conversation)),
      (error: unknown) => {
        // Already closed by the agent or a timeout: the event will bring the closed state.
        if (describeError(error).code !== 'conversation_closed') this.update({ actionError: t('endFailed') });
      },
    );
  }

  visitorTyping(): void {
    const conversation = this.view.thread.conversation;
    // Before the first message there is no conversation to type in: it starts with that message.
    if (conversation?.status === 'open') this.typing.input(conversation.id);
  }

  setPage(page: HostPage): void {
    this.page = page;
    this.sendContext();
  }

  windowOpened(): void {
    this.unread.setWatching(true);
    this.readMarker.setWindowOpen(true);
    // Only when the loader moved focus into the frame; never steal focus on a page load.
    if (document.hasFocus()) this.update({ focusRequest: this.view.focusRequest + 1 });
  }

  minimize(): void {
    this.windowClosed();
    this.postToHost('window:minimize', {});
  }

  /** The window is closed (minimized here, or by `Parley.close()` on the host page). */
  windowClosed(): void {
    this.typing.stop();
    this.unread.setWatching(false);
    this.readMarker.setWindowOpen(false);
  }

  /**
   * `Parley.startConversation(text?)` (the loader has opened the window): the text goes out as
   * the visitor's message, as if typed (before the session exists it waits like any message);
   * without text the composer takes focus. Confirmed to the loader, which repeats it until then.
   */
  startConversation(id: number, text: string): void {
    if (!this.startsDone.has(id)) {
      this.startsDone.add(id);
      if (text.trim()) this.send(text);
      else this.update({ focusRequest: this.view.focusRequest + 1 });
    }
    this.postToHost('conversation:started', { id });
  }

  /** The token for the visitor's HTTP calls; there is none before the session started. */
  private sessionToken(): string {
    if (!this.visitorToken) throw new Error('no visitor session yet');
    return this.visitorToken;
  }

  private connect(visitorToken: string): void {
    this.visitorToken = visitorToken;
    setAttachmentToken(visitorToken);
    const client: VisitorClient = new RealtimeClient<VisitorCommandMap, VisitorEvents, VisitorResumeResult>({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/realtime`,
      credentials: () => ({ visitorToken: this.visitorToken }),
      onEvent: (name, data) => this.onEvent({ name, data } as VisitorEvent),
      onSignal: (name, data) => {
        if (name === 'typing.changed') this.onTyping(data as Signals['typing.changed']);
      },
      onResumed: (result) => this.onResumed(result),
      onStateChange: (connection) =>
        this.update({ connection, hasConnected: this.view.hasConnected || connection === 'open' }),
      onUnauthorized: () => this.renewSession(client),
    });
    this.client = client;
    client.connect();
    // Messages written before the session existed, or left over from a refused session.
    for (const pending of this.view.thread.pending) if (!pending.error) this.dispatch(pending);
  }

  /** A fresh snapshot of the visitor's latest conversation: reconnect without the event cursor. */
  private reloadConversation(): void {
    const client = this.client;
    if (!client) return;
    client.cursor = undefined;
    client.dropConnection();
  }

  /** The server no longer knows our token: start over as a new visitor. */
  private renewSession(old: VisitorClient): void {
    if (this.client !== old) return;
    this.client = null;
    old.close();
    this.setThread({ ...emptyThread, pending: this.view.thread.pending });
    void this.start(true);
  }

  private dispatch(pending: PendingMessage): void {
    const client = this.client;
    if (!client) return; // connect() sends it once the session exists
    if (pending.file) return this.upload(pending, pending.file);
    // Visitors never name a conversation: the server picks the open one or starts a new one, in
    // the chatflow this page shows.
    const chatflowId = this.options.chatflowId();
    const data = { clientMessageId: pending.clientMessageId, body: pending.body, ...(chatflowId ? { chatflowId } : {}) };
    client.send('message.send', data).then(
      (result) => this.onMessage(result.message),
      (error: unknown) => {
        if (client !== this.client) return; // a replaced client; the new one re-sends it
        this.setThread(setPendingError(this.view.thread, pending.clientMessageId, describeError(error).text));
      },
    );
  }

  /** Files go over HTTP; the stored message also arrives as an event, whichever comes first wins. */
  private upload(pending: PendingMessage, file: File): void {
    uploadAttachment(file, pending.clientMessageId, this.options.chatflowId()).then(
      (message) => this.onMessage(message),
      (error: unknown) => this.setThread(setPendingError(this.view.thread, pending.clientMessageId, describeError(error).text)),
    );
  }

  private onResumed(result: VisitorResumeResult): void {
    this.update({ visitorId: result.visitorId });
    if (result.snapshot) this.setThread(applySnapshot(this.view.thread, result.snapshot));
    this.sentContext = null;
    this.sendContext();
    this.readMarker.check();
  }

  private onEvent(event: VisitorEvent): void {
    if (event.name === 'message.created') this.onMessage(event.data.message);
    else if (event.name === 'conversation.read') this.setThread(applyReadReceipt(this.view.thread, event.data));
    else this.setThread(applyConversation(this.view.thread, event.data.conversation));
  }

  /** A stored message, from an event or the answer to sending it (whichever comes first). */
  private onMessage(message: Message): void {
    const before = this.view.thread.conversation?.id ?? 0;
    this.setThread(applyMessage(this.view.thread, message));
    if (message.conversationId < before) return;
    this.messageAnnouncer.announce(message);
    if (message.author.kind === 'visitor') return;
    this.unread.messageArrived(unreadMessage(message));
    if (message.author.kind === 'user') this.agentTyping.clear();
  }

  private onTyping(signal: Signals['typing.changed']): void {
    if (signal.conversationId === this.view.thread.conversation?.id) this.agentTyping.signal(signal);
  }

  private sendContext(): void {
    if (this.client?.state !== 'open') return; // sent again on the next resume
    const context = buildContextUpdate(this.page);
    const serialized = JSON.stringify(context);
    if (serialized === this.sentContext) return;
    this.sentContext = serialized;
    this.client.send('context.update', context).catch(() => {});
  }

  private setThread(thread: ThreadState): void {
    const wasOpen = this.view.thread.conversation?.status === 'open';
    this.update({ thread });
    this.readMarker.check();
    if (wasOpen && thread.conversation?.status !== 'open') {
      // A closed conversation refuses typing.set; just forget that we were typing.
      this.typing.forget();
      this.agentTyping.clear();
    }
  }

  private update(patch: Partial<ChatView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }
}
