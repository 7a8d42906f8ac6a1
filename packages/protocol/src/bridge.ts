/**
 * Messages between the loader (runs in the host page) and the chat frame (iframe on the Parley
 * origin). Both sides post to the exact origin of the other and check `event.origin` and
 * `event.source` before trusting a message; never `'*'`.
 */
export interface HostPage {
  url: string;
  title: string;
  referrer: string;
}

import type { WidgetAvailability } from './routing.js';
import type { WidgetConfig } from './models.js';
import type { Device } from './chatflows.js';

/**
 * The visitor token lives in the host page's storage (first-party), not the frame's: browsers
 * block or partition storage of third-party frames, which would make every reload a new visitor.
 */
export interface VisitorTokenMessage {
  visitorToken: string | null;
}

/** A message from the team, for the host page's preview bubble: plain text, never markup. */
export interface UnreadMessage {
  /** The author's name as the visitor sees it (the brand when agents are aliased). */
  author: string;
  text: string;
}

/** Loader → frame. */
export interface HostToFrame {
  'page:changed': HostPage;
  'window:opened': Record<string, never>;
  /** Answer to frame:ready: the token the host page keeps (null: none yet). */
  'visitor:token': VisitorTokenMessage;
  /** The chatflow's live availability (W7), streamed by the loader. */
  'availability:changed': WidgetAvailability;
  /**
   * The config the loader shows now: after targeting re-decided (W6, a History API navigation)
   * or the chatflow was edited, and in the admin preview (W19) the unsaved settings.
   */
  'config:changed': WidgetConfig;
  /** `Parley.close()` on the host page closed the window without the frame asking. */
  'window:closed': Record<string, never>;
  /**
   * `Parley.startConversation(text?)`: send `text` as the visitor's message, or (none) focus the
   * composer. Posted again until the frame confirms `id` (it may still be loading); the frame acts
   * on each id once.
   */
  'conversation:start': { id: number; text?: string };
  /**
   * The pointer left the host page through its top edge (exit intent, W10): a cookie notice set
   * to show on exit intent shows now. Sent by the loader's API chunk; the frame cannot see the
   * host page's pointer itself.
   */
  'page:exitIntent': Record<string, never>;
}

/** A new message in the visitor's conversation, for `Parley.on('message')` on the host page: plain text. */
export interface ApiMessage {
  conversationId: number;
  /** True for the visitor's own messages. */
  fromVisitor: boolean;
  /** The author's name as the visitor sees it. */
  author: string;
  text: string;
}

/** Frame → loader. */
export interface FrameToHost {
  'frame:ready': Record<string, never>;
  'window:minimize': Record<string, never>;
  /**
   * The unread count (W17); with `message` when it rose because of a message from the team, which
   * the loader previews on the host page while the chat window is closed.
   */
  'unread:changed': { count: number; message?: UnreadMessage };
  /** Keep (or, with null, forget) this token in the host page's storage. */
  'visitor:token': VisitorTokenMessage;
  /** Every new message in the conversation, the visitor's and the team's (JavaScript API, W15). */
  message: ApiMessage;
  /** conversation:start `id` was acted on. */
  'conversation:started': { id: number };
}

/**
 * The admin preview (W19): the dashboard frames Parley's preview page (`/widget/preview/`, same
 * origin only) and posts the unsaved chatflow to it; the loader there (`data-preview`) fetches
 * nothing, draws the launcher and prompt for `device` at once (triggers are not awaited), opens
 * the chat window when `open` is true, and forwards each config to the frame as config:changed.
 * Both sides check that the other is on Parley's own origin.
 */
export interface PreviewConfig {
  config: WidgetConfig;
  device: Device;
  open: boolean;
}

/** Admin page → the loader in the preview page. */
export interface PreviewToLoader {
  'preview:config': PreviewConfig;
}

/** The loader in the preview page → the admin page: ready for a preview:config. */
export interface LoaderToPreview {
  'preview:ready': Record<string, never>;
}

export type PreviewMessage = BridgeMessage<PreviewToLoader, 'preview:config'>;

export interface BridgeMessage<M, K extends keyof M = keyof M> {
  /** Marks our messages among whatever else the host page posts. */
  parley: 1;
  type: K;
  data: M[K];
}

export function isBridgeMessage(value: unknown): value is BridgeMessage<unknown, never> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { parley?: unknown }).parley === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
