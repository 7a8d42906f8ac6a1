/**
 * The widget on the host page: which chatflow shows (W6, decided by the server from the URL the
 * loader sends), the launcher and prompt bubble for it (W3), its triggers (W4), the 24-hour
 * minimize (W5), the lazily created chat iframe and the bridge to it, live availability and live
 * edits of the chatflow (one event stream per shown chatflow).
 *
 * Everything the frame says is checked (origin, source, shape) before it is trusted, and
 * everything sent to it goes to the exact Parley origin, never `'*'`. Visitor-facing texts come
 * from the config in the chatflow's language and are set as text, never as HTML.
 *
 * In preview mode (W19, the admin's device frames) nothing is fetched and no stream is opened:
 * the parent page (same origin only) posts the unsaved config, and the prompt shows at once.
 */
import { deviceForWidth, displayPlan } from '@parley/chatflow';
import {
  WIDGET_AVAILABILITY_EVENT,
  WIDGET_CONFIG_EVENT,
  type BridgeMessage,
  type Device,
  type FrameToHost,
  type HostToFrame,
  type PreviewToLoader,
  type WidgetAvailability,
  type WidgetConfig,
  type WidgetConfigChanged,
  type WidgetConfigResponse,
} from '@parley/protocol';
import { safeAccent } from '../shared/colors';
import { watchUrl } from './history';
import { readStored, writeStored } from './hostStorage';
import { add, createShell, styles } from './launcher';
import { launcherShown } from './launcherRule';
import { minimizeHeld, rememberMinimize } from './minimize';
import { armTriggers } from './triggers';
import type { ShowUnread, UnreadUpdate } from './alerts/main';

type AlertsChunk = typeof import('./alerts/main');
type ApiChunk = typeof import('./api/main');

/** After the stream failed for good (see listen), how long to wait before opening a new one. */
const STREAM_RETRY_MS = 30_000;

/**
 * An event stream message's JSON. Parley sends nothing else; if it ever did, the listener throws
 * before changing anything.
 */
const parse = (event: Event): unknown => JSON.parse((event as MessageEvent<string>).data);

/**
 * True only in the preview build (dist/preview/widget.js, vite.loader.config.ts), which runs in
 * Parley's own preview page and takes its configs from the parent window. Replaced by a literal
 * at build time, so the widget.js customer pages load carries none of that code (3 KB budget).
 */
declare const __PARLEY_PREVIEW__: boolean;
const preview = __PARLEY_PREVIEW__;

/** The built file names of the unread alerts chunk (alerts/main.ts) and the JavaScript API (api/main.ts), set by vite.loader.config.ts. */
declare const __PARLEY_ALERTS_CHUNK__: string;
declare const __PARLEY_API_CHUNK__: string;

/** `origin` serves widget.js, the API and the chat frame. */
export function mountWidget(origin: string, siteKey: string): void {
  const encodedSite = encodeURIComponent(siteKey);
  const openKey = `parley:${siteKey}:open`;
  const visitorKey = `parley:${siteKey}:visitor`;
  const [root, style, launcher, prompt, bubble, dismiss] = createShell();
  let config: WidgetConfig | null = null;
  let availability: WidgetAvailability | undefined;
  let iframe: HTMLIFrameElement | null = null;
  /** The chatflow the iframe was created for or last told about. */
  let frameFlow = 0;
  let frameReady = false;
  let isOpen = false;
  /** Focus moves into the chat only when the visitor opened it, never on a page load. */
  let focusWhenReady = false;
  let promptUp = false;
  /** The visitor closed the bubble: it stays closed for the rest of this page view. */
  let dismissed = false;
  /** The frame's last word on unread messages (W17). */
  let unread: UnreadUpdate = { count: 0 };
  /**
   * W17's unread badge, preview bubble, sound and title flash (alerts/main.ts): a chunk imported
   * with the first unread message, so most page views never download it.
   */
  let alerts: Promise<ShowUnread> | undefined;
  let disarm = (): void => {};
  let stream: EventSource | null = null;
  /** Only the answer to the latest config request is applied (navigations can overtake each other). */
  let requests = 0;
  /** A lazy chunk (vite.lazy.config.ts) by its built name. */
  const chunk = (name: string): Promise<unknown> => import(/* @vite-ignore */ `${origin}/widget/loader/${name}`);

  function post<K extends keyof HostToFrame>(type: K, data: HostToFrame[K]): void {
    const message: BridgeMessage<HostToFrame, K> = { parley: 1, type, data };
    // frameReady is only true while the iframe that said so is there.
    if (frameReady) iframe!.contentWindow!.postMessage(message, origin);
  }

  /**
   * Draws the current state. No chatflow for this page: nothing shows, except a chat window the
   * visitor has open (it stays until they minimize it). The frame's existence stands for
   * "opened on this page view" (launcherRule.ts).
   */
  function render(): void {
    launcher.hidden = !config || !launcherShown(isOpen, !!iframe, availability?.hideLauncher);
    // A saved chatflow's welcome message is never empty (validateSettings).
    prompt.hidden = launcher.hidden || !promptUp || dismissed;
    // After the name below is set: the chunk adds the unread count to it. Each call waits for the
    // one before, so the chunk sees every change in order.
    alerts = alerts?.then((show) => (show(unread, launcher.hidden, config), show));
    if (!config) return;
    const strings = config.loaderStrings;
    // The launcher is hidden while the window is open (the window has its own minimize button),
    // so it is only ever the "open" button.
    launcher.ariaLabel = strings.openChat;
    dismiss.ariaLabel = strings.dismissPrompt;
  }

  /** The visitor has the chat now, or chose to be left alone: no bubble, no opening by itself. */
  function calmDown(): void {
    disarm();
    promptUp = false;
    render();
  }

  /**
   * Live availability (W7) and edits of the shown chatflow. EventSource reconnects by itself
   * after a dropped connection, but gives up for good on an HTTP error or a wrong content type
   * (a proxy's 502 during a deploy); then a new one is opened after a while.
   */
  function listen(chatflowId: number | undefined): void {
    stream?.close();
    stream = null;
    if (preview || !chatflowId) return;
    const source = (stream = new EventSource(`${origin}/api/widget/availability?siteKey=${encodedSite}&chatflowId=${chatflowId}`));
    source.addEventListener(WIDGET_AVAILABILITY_EVENT, (event) => {
      // The frame checks the shape; here only hideLauncher is read.
      availability = parse(event) as WidgetAvailability;
      render();
      post('availability:changed', availability);
    });
    // Edited, unpublished or deleted: ask again which chatflow this page view gets now.
    source.addEventListener(WIDGET_CONFIG_EVENT, (event) => {
      if ((parse(event) as WidgetConfigChanged | null)?.version !== config?.version) refresh();
    });
    source.onerror = () => {
      // Unless another chatflow's stream has replaced this one meanwhile.
      if (source.readyState === 2 /* CLOSED */) setTimeout(() => stream === source && listen(chatflowId), STREAM_RETRY_MS);
    };
  }

  /** Shows `next` (or nothing) for a page view on `device`. */
  function apply(next: WidgetConfig | null, device: Device): void {
    const otherFlow = next?.chatflowId !== config?.chatflowId;
    // Another chatflow, or this one edited (its display may have changed): decide the display again.
    const redo = otherFlow || next?.version !== config?.version;
    const first = !config && !iframe;
    config = next;
    if (next) {
      availability = next.availability;
      style.textContent = styles(safeAccent(next.accentColor));
      bubble.textContent = next.welcomeMessage;
      if (iframe && frameFlow !== next.chatflowId && !isOpen) {
        // Another chatflow and the window is closed: the frame is created again, for it, on open.
        iframe.remove();
        iframe = null;
        frameReady = false;
      } else {
        frameFlow = next.chatflowId;
        post('config:changed', next);
      }
    }
    if (otherFlow) listen(next?.chatflowId);
    if (redo || preview) {
      calmDown();
      if (preview) dismissed = false;
      if (next && (preview || !minimizeHeld(siteKey))) {
        const plan = displayPlan(next.display, device);
        promptUp = plan.prompt === 'atOnce' || (preview && plan.prompt !== 'never');
        // Armed whatever the plan: a trigger that has nothing to do (a prompt already up, the
        // launcher only) changes nothing when it fires.
        if (!preview) {
          disarm = armTriggers(next.display.triggers, device === 'desktop', () => {
            promptUp ||= plan.prompt === 'onTrigger';
            // Not when the launcher is hidden for availability (offline with "hide the launcher").
            if (plan.openOnTrigger && !launcher.hidden) open(false);
            render();
          });
        }
      }
    }
    if (first && !preview) {
      if (next && readStored(openKey) === '1') open(false);
      // window.Parley (W15, api/main.ts) after the first answer, also when no chatflow shows: a
      // login-only chatflow hidden from anonymous visitors appears only after Parley.identify,
      // which then asks again (refresh). Not reachable: no API.
      chunk(__PARLEY_API_CHUNK__).then((api) => (api as ApiChunk).default(root, siteKey, open, minimize, refresh), () => {});
    }
    render();
  }

  /** Asks the server which chatflow (if any) this page view gets; settles once it is applied. */
  function refresh(): Promise<unknown> {
    const request = ++requests;
    const token = readStored(visitorKey);
    const device = deviceForWidth(innerWidth);
    return fetch(
      `${origin}/api/widget/config?siteKey=${encodedSite}&url=${encodeURIComponent(location.href)}&device=${device}`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    )
      .then((response) => response.json())
      // An error answer ({ error }) has no config: whatever shows stays.
      .then((body: WidgetConfigResponse) => request === requests && body.config !== undefined && apply(body.config, device))
      .catch(() => {
        // Offline or refused (an origin the site does not allow): whatever shows stays.
      });
  }

  function postPage(): void {
    post('page:changed', { url: location.href, title: document.title, referrer: document.referrer });
  }

  function open(byVisitor: boolean): void {
    // Parley.open() on a page view no chatflow shows on: nothing to open.
    if (!config && !iframe) return;
    if (!iframe) {
      frameFlow = config!.chatflowId;
      iframe = add('iframe', root);
      iframe.title = config!.heading.title;
      iframe.src = `${origin}/widget/frame/index.html?site=${encodedSite}&host=${location.origin}&flow=${frameFlow}&lang=${config!.language}${preview ? '&preview=1' : ''}`;
    }
    iframe.hidden = false;
    isOpen = true;
    calmDown();
    writeStored(openKey, '1');
    post('window:opened', {});
    // Moves keyboard focus into the chat (now, or once the frame is ready); the frame then
    // focuses its composer.
    if (frameReady && byVisitor) iframe.focus();
    focusWhenReady = byVisitor;
  }

  /** Only ever with a frame: the frame asked, or the preview closed the window it had opened. */
  function minimize(): void {
    iframe!.hidden = true;
    isOpen = false;
    calmDown();
    writeStored(openKey, '0');
    // The preview's window is closed by the admin page, whose controls keep the focus.
    if (!preview) {
      rememberMinimize(siteKey);
      // A no-op when no chatflow shows here now (the launcher is hidden).
      launcher.focus();
    }
  }

  launcher.onclick = bubble.onclick = () => open(true);
  dismiss.onclick = () => {
    dismissed = true;
    calmDown();
    launcher.focus();
  };

  addEventListener('message', (event: MessageEvent) => {
    // Trusted by where it comes from (origin and window); its `type` then says what it is.
    const message = event.data as BridgeMessage<FrameToHost & PreviewToLoader>;
    if (preview && event.origin === location.origin && event.source === parent && message.type === 'preview:config') {
      // The admin's unsaved chatflow: drawn at once for the chosen device, triggers not awaited.
      const data = message.data as PreviewToLoader['preview:config'];
      apply(data.config, data.device);
      if (data.open) open(false);
      else if (isOpen) minimize();
      return;
    }
    if (event.origin !== origin || event.source !== iframe?.contentWindow) return;
    if (message.type === 'frame:ready') {
      frameReady = true;
      post('visitor:token', { visitorToken: readStored(visitorKey) });
      postPage();
      if (config) post('config:changed', config);
      // Set with the config, which the frame was created for.
      post('availability:changed', availability!);
      if (isOpen) {
        if (focusWhenReady) iframe!.focus();
        post('window:opened', {});
      }
      focusWhenReady = false;
    } else if (message.type === 'window:minimize') {
      minimize();
    } else if (message.type === 'visitor:token') {
      // The frame (origin and window checked above) sends a string or null.
      writeStored(visitorKey, (message.data as FrameToHost['visitor:token']).visitorToken);
    } else if (message.type === 'unread:changed') {
      unread = message.data as UnreadUpdate;
      if (unread.count) {
        alerts ||= chunk(__PARLEY_ALERTS_CHUNK__).then(
          (alertsChunk) => (alertsChunk as AlertsChunk).default(root, () => open(true)),
          // Not reachable (offline, or refused by the page's policy): no badge, nothing else breaks.
          () => () => {},
        );
      }
      render();
    }
  });

  if (preview) {
    // Tells the admin page it can post the config now.
    parent.postMessage({ parley: 1, type: 'preview:ready', data: {} }, location.origin);
  } else {
    refresh();
    watchUrl(() => {
      postPage();
      refresh();
    });
  }
}
