/**
 * The frame's end of the bridge to the loader (types in @parley/protocol bridge.ts). Only
 * messages from the parent window *and* the host origin the loader declared are trusted; replies
 * go to that exact origin.
 */
import {
  isBridgeMessage,
  type BridgeMessage,
  type FrameToHost,
  type HostPage,
  type HostToFrame,
  type WidgetAvailability,
  type WidgetConfig,
} from '@parley/protocol';
import { readAvailability } from './state/availability';
import { readWidgetConfig } from './state/widgetConfig';

export interface HostBridgeHandlers {
  onPageChanged(page: HostPage): void;
  onWindowOpened(): void;
  onVisitorToken(token: string | null): void;
  /** The chatflow's live availability, streamed by the loader (W7). */
  onAvailability(availability: WidgetAvailability): void;
  /** The config the loader shows now: re-targeted, edited, or the admin's unsaved one (W19). */
  onConfig(config: WidgetConfig): void;
  /** `Parley.close()` closed the window from the host page. */
  onWindowClosed(): void;
  /** `Parley.startConversation(text?)` number `id`: '' focuses the composer. */
  onStartConversation(id: number, text: string): void;
  /** The visitor is about to leave the host page (W10 cookie notice on exit intent). */
  onExitIntent(): void;
}

export interface HostBridge {
  /** False when opened standalone: nobody listens to `post`. */
  framed: boolean;
  post<K extends keyof FrameToHost>(type: K, data: FrameToHost[K]): void;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function connectHostBridge(hostOrigin: string | null, handlers: HostBridgeHandlers): HostBridge {
  // Opened directly (no host, or not framed): keep working as a standalone page, silently.
  if (!hostOrigin || window.parent === window) return { framed: false, post: () => {} };

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== hostOrigin || event.source !== window.parent) return;
    if (!isBridgeMessage(event.data)) return;
    const message = event.data as BridgeMessage<HostToFrame>;
    if (message.type === 'page:changed') {
      const page = (message.data ?? {}) as Partial<HostPage>;
      handlers.onPageChanged({ url: text(page.url), title: text(page.title), referrer: text(page.referrer) });
    } else if (message.type === 'window:opened') {
      handlers.onWindowOpened();
    } else if (message.type === 'visitor:token') {
      const token = (message.data as HostToFrame['visitor:token'] | undefined)?.visitorToken;
      handlers.onVisitorToken(typeof token === 'string' && token ? token : null);
    } else if (message.type === 'availability:changed') {
      const availability = readAvailability(message.data);
      if (availability) handlers.onAvailability(availability);
    } else if (message.type === 'config:changed') {
      const config = readWidgetConfig(message.data);
      if (config) handlers.onConfig(config);
    } else if (message.type === 'window:closed') {
      handlers.onWindowClosed();
    } else if (message.type === 'conversation:start') {
      const start = (message.data ?? {}) as Partial<HostToFrame['conversation:start']>;
      if (typeof start.id === 'number') handlers.onStartConversation(start.id, text(start.text));
    } else if (message.type === 'page:exitIntent') {
      handlers.onExitIntent();
    }
  });

  return {
    framed: true,
    post(type, data) {
      const message: BridgeMessage<FrameToHost, typeof type> = { parley: 1, type, data };
      window.parent.postMessage(message, hostOrigin);
    },
  };
}
