/**
 * Chat frame entry: wires the bridge to the host page, the controller and the UI, and starts
 * the session, the config fetch and the language chunk in parallel.
 *
 * Preview mode (`preview=1`, W19): the loader's preview page forwards the dashboard's unsaved
 * config with `config:changed`; the frame draws the real window with it and makes no request
 * besides its own static files (no visitor, no socket, no config fetch).
 */
import { render } from 'preact';
import type { ChatflowLanguage, WidgetAvailability, WidgetConfig } from '@parley/protocol';
import { safeAccent, inkOnWhite, textOn } from '../shared/colors';
import { fetchWidgetConfig, HttpError } from './api';
import { App, type ConfigStatus } from './components/App';
import { connectHostBridge, type HostBridge } from './hostBridge';
import { activeLanguage, stringsReady, switchLanguage, t } from './i18n';
import { readFrameParams } from './params';
import { knownVisitorToken, receiveHostToken, keepTokenInHostPage } from './visitorSession';
import { readAvailability } from './state/availability';
import { ChatController } from './state/chatController';
import { noticeExitIntent } from './state/exitIntent';
import './styles.css';

const params = readFrameParams();
let bridge: HostBridge | null = null;
let config: WidgetConfig | null = null;
let configStatus: ConfigStatus = 'loading';
/**
 * The availability streamed by the loader. Once one has arrived it wins over the config's copy,
 * which may be older (the config request can answer after a change was streamed). Standalone,
 * without a loader, the config's copy is all there is.
 */
let liveAvailability: WidgetAvailability | null = null;

const controller = new ChatController(params.siteKey, (type, data) => bridge?.post(type, data), {
  preview: params.preview,
  chatflowId: () => config?.chatflowId ?? params.chatflowId,
  openingChanged: () => void loadConfig(),
});
bridge = connectHostBridge(params.hostOrigin, {
  onPageChanged: (page) => controller.setPage(page),
  onWindowOpened: () => {
    controller.windowOpened();
    // The page may have identified the visitor (Parley.identify) since the config was read.
    if (!params.preview && config && standingMayHaveChanged(config)) void loadConfig();
  },
  onWindowClosed: () => controller.windowClosed(),
  onStartConversation: (id, text) => controller.startConversation(id, text),
  onExitIntent: noticeExitIntent,
  onVisitorToken: receiveHostToken,
  onAvailability: (availability) => {
    liveAvailability = availability;
    draw();
  },
  onConfig: (next) => {
    // Another site's config is not ours to show (the host page can post anything). The preview
    // draws whatever the admin edits and never talks to the server, so there it does not matter.
    if (!params.preview && params.siteKey && next.siteKey !== params.siteKey) return;
    // Newer than anything streamed before it: the preview has no stream at all, and a re-targeted
    // page's stream is for the new chatflow from here on.
    liveAvailability = next.availability;
    applyConfig(next);
  },
});
if (bridge.framed && !params.preview) keepTokenInHostPage((visitorToken) => bridge?.post('visitor:token', { visitorToken }));

const root = document.getElementById('app')!;
function draw(): void {
  // Nothing to say before the strings are here; the chunk is small and asked for first thing.
  if (!stringsReady()) return;
  render(
    <App
      controller={controller}
      config={config}
      configStatus={configStatus}
      availability={liveAvailability ?? readAvailability(config?.availability)}
      preview={params.preview}
    />,
    root,
  );
}

/** Login-only or "email before the first message" still waits for something identify() may have given. */
function standingMayHaveChanged(current: WidgetConfig): boolean {
  const { loginOnly, emailCapture } = current;
  return (loginOnly.mode !== 'off' && !loginOnly.visitorIdentified) || (emailCapture.mode === 'beforeFirstMessage' && !emailCapture.visitorHasEmail);
}

function applyAccent(accentColor: string): void {
  const accent = safeAccent(accentColor);
  const style = document.documentElement.style;
  style.setProperty('--accent', accent);
  style.setProperty('--on-accent', textOn(accent));
  style.setProperty('--accent-ink', inkOnWhite(accent));
}

/** Loads the language's chunk, then labels the document with it (screen readers, Intl). */
async function showLanguage(language: ChatflowLanguage): Promise<void> {
  await switchLanguage(language);
  if (!stringsReady()) return;
  document.documentElement.lang = activeLanguage();
  document.title = t('documentTitle');
  draw();
}

function applyConfig(next: WidgetConfig | null): void {
  config = next;
  configStatus = 'loaded';
  if (next) applyAccent(next.accentColor);
  // Without a config the language the loader named (or English) stays.
  void showLanguage(next?.language ?? params.language ?? activeLanguage());
  draw();
}

/**
 * Retries while the server is unreachable, meanwhile the window works with defaults; a 4xx
 * answer (unknown site) will not change by retrying.
 */
async function loadConfig(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const visitorToken = await knownVisitorToken(params.siteKey);
      return applyConfig(await fetchWidgetConfig(params.siteKey, params.chatflowId, visitorToken));
    } catch (error) {
      console.warn('[parley] widget config not loaded:', error);
      if (configStatus === 'loading') {
        configStatus = 'failed';
        void showLanguage(params.language ?? 'en');
      }
      if (error instanceof HttpError && error.status < 500) return draw();
      draw();
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
    }
  }
}

// The loader names the language in the URL so its chunk loads alongside the config. An older
// loader does not: then the config says which one, and only that one is downloaded. The preview
// has only the URL until the first config:changed arrives.
if (params.language || params.preview) void showLanguage(params.language ?? 'en');
if (!params.preview) {
  void loadConfig();
  void controller.start();
}
// Tell the loader we listen; it answers with the visitor token it keeps, the page we are on, the
// latest availability and whether the window is open (and, in the preview, the config to show).
bridge.post('frame:ready', {});
