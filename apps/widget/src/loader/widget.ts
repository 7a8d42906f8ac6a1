/**
 * Wires the launcher, the lazily created chat iframe and the bridge to the frame together.
 * Everything the frame says is checked (origin, source, shape) before it is trusted, and
 * everything sent to it goes to the exact Parley origin, never `'*'`.
 */
import { isBridgeMessage, type BridgeMessage, type FrameToHost, type HostToFrame } from '@parley/protocol';
import { createLauncher } from './launcher';
import { readOpen, readStored, writeOpen, writeStored } from './hostStorage';

export interface WidgetOptions {
  /** Origin serving widget.js, the API and the chat frame. */
  origin: string;
  siteKey: string;
  accent: string;
}

export function mountWidget({ origin, siteKey, accent }: WidgetOptions): void {
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
    launcher.setVisible(false);
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
    launcher.setVisible(true);
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
}
