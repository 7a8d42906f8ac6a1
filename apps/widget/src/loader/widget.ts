/**
 * Wires the launcher, the lazily created chat iframe and the bridge to the frame together.
 * Everything the frame says is checked (origin, source, shape) before it is trusted, and
 * everything sent to it goes to the exact Parley origin, never `'*'`.
 */
import {
  isBridgeMessage,
  WIDGET_AVAILABILITY_EVENT,
  type BridgeMessage,
  type FrameToHost,
  type HostToFrame,
  type WidgetAvailability,
} from '@parley/protocol';
import { createLauncher } from './launcher';
import { launcherShown } from './launcherRule';
import { readOpen, readStored, writeOpen, writeStored } from './hostStorage';

export interface WidgetOptions {
  /** Origin serving widget.js, the API and the chat frame. */
  origin: string;
  siteKey: string;
  accent: string;
  /** From the config; undefined when the server sent none. */
  availability: WidgetAvailability | undefined;
}

/** After the stream failed for good (see listen), how long to wait before opening a new one. */
const STREAM_RETRY_MS = 30_000;

export function mountWidget({ origin, siteKey, accent, availability }: WidgetOptions): void {
  const openKey = `parley:${siteKey}:open`;
  const visitorKey = `parley:${siteKey}:visitor`;
  const launcher = createLauncher(accent, () => open(true));
  let iframe: HTMLIFrameElement | null = null;
  let frameReady = false;
  let isOpen = false;
  /** Focus moves into the chat only when the visitor opened it, never on a page load. */
  let focusWhenReady = false;
  let lastHref = location.href;

  function post<K extends keyof HostToFrame>(type: K, data: HostToFrame[K]): void {
    if (!iframe?.contentWindow || !frameReady) return;
    const message: BridgeMessage<HostToFrame, K> = { parley: 1, type, data };
    iframe.contentWindow.postMessage(message, origin);
  }

  /** The frame's existence stands for "opened on this page view" (launcherRule.ts). */
  function showLauncher(): void {
    launcher.setVisible(launcherShown(isOpen, !!iframe, availability?.hideLauncher === true));
  }

  function applyAvailability(next: WidgetAvailability): void {
    availability = next;
    showLauncher();
    post('availability:changed', next);
  }

  /**
   * Live availability (W7). EventSource reconnects by itself after a dropped connection, but
   * gives up for good on an HTTP error or a wrong content type (a proxy's 502 during a deploy);
   * then a new one is opened after a while.
   */
  function listen(): void {
    const source = new EventSource(`${origin}/api/widget/availability?siteKey=${encodeURIComponent(siteKey)}`);
    source.addEventListener(WIDGET_AVAILABILITY_EVENT, (event) => {
      try {
        const next: unknown = JSON.parse((event as MessageEvent<string>).data);
        // The frame checks the shape again; here only hideLauncher is read.
        if (typeof next === 'object' && next) applyAvailability(next as WidgetAvailability);
      } catch {
        // Not JSON: keep the last state.
      }
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) setTimeout(listen, STREAM_RETRY_MS);
    };
  }

  function postPage(): void {
    post('page:changed', { url: location.href, title: document.title, referrer: document.referrer });
  }

  function createFrame(): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    frame.title = 'Chat';
    frame.src = `${origin}/widget/frame/index.html?site=${encodeURIComponent(siteKey)}&host=${encodeURIComponent(location.origin)}`;
    launcher.root.appendChild(frame);
    // Single-page apps change the URL without a load; tell the frame about the new page.
    setInterval(() => {
      if (location.href === lastHref) return;
      lastHref = location.href;
      postPage();
    }, 2000);
    return frame;
  }

  function open(byVisitor: boolean): void {
    iframe ??= createFrame();
    iframe.hidden = false;
    isOpen = true;
    showLauncher();
    launcher.setExpanded(true);
    writeOpen(openKey, true);
    post('window:opened', {});
    // Moves keyboard focus into the chat; the frame then focuses its composer.
    if (frameReady && byVisitor) iframe.focus();
    focusWhenReady = byVisitor && !frameReady;
  }

  function minimize(): void {
    if (iframe) iframe.hidden = true;
    isOpen = false;
    showLauncher();
    launcher.setExpanded(false);
    writeOpen(openKey, false);
    launcher.button.focus();
  }

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || !iframe || event.source !== iframe.contentWindow) return;
    if (!isBridgeMessage(event.data)) return;
    const message = event.data as BridgeMessage<FrameToHost>;
    if (message.type === 'frame:ready') {
      frameReady = true;
      post('visitor:token', { visitorToken: readStored(visitorKey) });
      postPage();
      if (availability) post('availability:changed', availability);
      if (isOpen) {
        if (focusWhenReady) iframe.focus();
        post('window:opened', {});
      }
      focusWhenReady = false;
    } else if (message.type === 'window:minimize') {
      minimize();
    } else if (message.type === 'visitor:token') {
      const token = (message.data as FrameToHost['visitor:token']).visitorToken;
      writeStored(visitorKey, typeof token === 'string' ? token : null);
    } else if (message.type === 'unread:changed') {
      const count = (message.data as FrameToHost['unread:changed']).count;
      launcher.setUnread(typeof count === 'number' ? count : 0);
    }
  });

  if (readOpen(openKey)) open(false);
  else showLauncher();
  listen();
}
