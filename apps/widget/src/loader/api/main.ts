/**
 * The JavaScript API on the host page (W15), `window.Parley`: open, close, toggle, show, hide,
 * identify, setProperties, track, on, startConversation (docs/javascript-api.md). A lazy chunk
 * of the loader (vite.lazy.config.ts), imported once the first widget config has arrived (also
 * when no chatflow shows: identify may be what makes one show); the loader keeps only the import
 * and hands over its shadow root and its open, minimize and refresh functions.
 *
 * The snippet's stub (`apiStubScript`) recorded the calls made meanwhile; they are replayed in
 * order (queue.ts). With the older one-tag snippet there is no stub, and `window.Parley` is
 * defined here. Everything the frame says is checked (origin, window, shape) as in the loader.
 */
import {
  isBridgeMessage,
  PARLEY_API_EVENTS,
  type BridgeMessage,
  type FrameToHost,
  type HostToFrame,
  type ParleyApiEvent,
  type ParleyIdentity,
} from '@parley/protocol';
import { writeStored } from '../hostStorage';
import { leavesTowardsTop } from '../triggers';
import { installApi, serial, type ParleyMethods } from './queue';
import { visitorRequests } from './visitorRequests';

type Handler = (data?: unknown) => void;

/** How long to wait for the frame's answer before going on without it. */
const FRAME_WAIT_MS = 5000;
/** `conversation:start` is posted again until the frame confirms it (it may still be loading). */
const START_RETRY_MS = 250;
const START_GIVE_UP_MS = 15_000;
/** show()/hide(): the launcher and both bubbles (prompt, unread preview) share these classes. */
const HIDE_LAUNCHER = '.launcher,.p{display:none!important}';

let started = false;

export default function startApi(
  root: ShadowRoot,
  siteKey: string,
  openChat: (byVisitor: boolean) => void,
  minimize: () => void,
  /** Asks the server again which chatflow this page view gets (identify may change the answer). */
  refreshConfig: () => Promise<unknown>,
): void {
  // The loader imports this once per page view; a second call would double every event.
  if (started) return;
  started = true;
  const origin = new URL(import.meta.url).origin;
  const frame = (): HTMLIFrameElement | null => root.querySelector('iframe');
  const isOpen = (): boolean => !!frame() && !frame()!.hidden;
  const handlers = new Map<ParleyApiEvent, Handler[]>();
  let ready = false;
  /** Callers waiting for the frame's next message of a type. */
  let waiters: Array<{ type: keyof FrameToHost; wake: (data: unknown) => void }> = [];

  function emit(event: ParleyApiEvent, data?: unknown): void {
    for (const handler of handlers.get(event) ?? []) {
      try {
        handler(data);
      } catch (error) {
        // One site handler's bug must not stop the others or the widget.
        console.error(error);
      }
    }
  }

  function nextFromFrame(type: keyof FrameToHost, ms: number): Promise<unknown> {
    return new Promise((wake) => {
      waiters.push({ type, wake });
      setTimeout(wake, ms);
    });
  }

  function post<K extends keyof HostToFrame>(type: K, data: HostToFrame[K]): void {
    const message: BridgeMessage<HostToFrame, K> = { parley: 1, type, data };
    frame()?.contentWindow?.postMessage(message, origin);
  }

  addEventListener('message', (event: MessageEvent) => {
    const current = frame();
    if (event.origin !== origin || !current || event.source !== current.contentWindow || !isBridgeMessage(event.data)) return;
    const message = event.data as BridgeMessage<FrameToHost>;
    if (message.type === 'message') emit('message', message.data);
    else if (message.type === 'unread:changed') emit('unread', (message.data as FrameToHost['unread:changed']).count);
    const woken = waiters.filter((waiter) => waiter.type === message.type);
    waiters = waiters.filter((waiter) => waiter.type !== message.type);
    for (const waiter of woken) waiter.wake(message.data);
  });

  // open/close events: the loader shows and hides the frame (created open; hidden when closed).
  let wasOpen = isOpen();
  new MutationObserver(() => {
    if (isOpen() === wasOpen) return;
    wasOpen = !wasOpen;
    emit(wasOpen ? 'open' : 'close');
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });

  // W10: the frame cannot see the host page's pointer; a cookie notice waiting for exit intent
  // hears of it from here (the loader itself has no bytes to spare).
  document.addEventListener('mouseout', (event) => leavesTowardsTop(event) && post('page:exitIntent', {}));

  const hiding = root.appendChild(document.createElement('style'));
  const queue = serial();
  const requests = visitorRequests(origin, siteKey, () => (frame() ? nextFromFrame('visitor:token', FRAME_WAIT_MS) : Promise.resolve()));

  const open = (byVisitor: boolean): void => {
    if (!isOpen()) openChat(byVisitor);
  };
  const close = (): void => {
    if (!isOpen()) return;
    minimize();
    post('window:closed', {});
  };

  /** A verified identify on a second device answered the contact's token: carry on as that visitor. */
  function switchVisitor(token: string): void {
    writeStored(`parley:${siteKey}:visitor`, token);
    const current = frame();
    // The frame loads again and asks the loader for the token on frame:ready; the page stays.
    if (current) current.src = current.src;
  }

  let starts = 0;
  async function startConversation(text: string): Promise<void> {
    open(true);
    const id = ++starts;
    const confirmed = nextConfirmation(id);
    for (const until = Date.now() + START_GIVE_UP_MS; Date.now() < until; ) {
      post('conversation:start', text ? { id, text } : { id });
      if (await Promise.race([confirmed, new Promise<false>((resolve) => setTimeout(resolve, START_RETRY_MS, false))])) return;
    }
    throw new Error('Parley.startConversation: the chat did not answer');
  }

  async function nextConfirmation(id: number): Promise<true> {
    for (;;) {
      const data = (await nextFromFrame('conversation:started', START_GIVE_UP_MS)) as FrameToHost['conversation:started'] | undefined;
      if (data?.id === id) return true;
    }
  }

  // Read when called, not when the queue gets to it: a click's activation moves focus into the chat.
  const byVisitor = (): boolean => !!(navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive;

  const methods: ParleyMethods = {
    open: () => {
      const focus = byVisitor();
      return queue(() => open(focus));
    },
    close: () => queue(close),
    toggle: () => {
      const focus = byVisitor();
      return queue(() => (isOpen() ? close() : open(focus)));
    },
    show: () => queue(() => void (hiding.textContent = '')),
    hide: () => queue(() => void (hiding.textContent = HIDE_LAUNCHER)),
    identify: (identity: ParleyIdentity) =>
      queue(async () => {
        const before = requests.token();
        const answer = await requests.identify(identity);
        if (answer.visitorToken && answer.visitorToken !== before) switchVisitor(answer.visitorToken);
        // Known now: targeting and login-only mode may show another chatflow, or one at all; a
        // queued open() after this waits for the answer.
        await refreshConfig();
        return { status: answer.status };
      }),
    setProperties: (properties: Record<string, string>) => queue(() => requests.setProperties(properties)),
    track: (event: string, properties?: Record<string, string>) => queue(() => requests.track(event, properties)),
    on: (event: ParleyApiEvent, handler: Handler) => {
      if (!PARLEY_API_EVENTS.includes(event) || typeof handler !== 'function') throw new TypeError(`Parley.on(event, fn): event is one of ${PARLEY_API_EVENTS.join(', ')}`);
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      // Late listeners still hear that the API is ready.
      if (event === 'ready' && ready) handler();
    },
    startConversation: (text?: string) => queue(() => startConversation(typeof text === 'string' ? text : '')),
  };

  installApi(window as Window & { Parley?: unknown }, methods);
  ready = true;
  emit('ready');
}
