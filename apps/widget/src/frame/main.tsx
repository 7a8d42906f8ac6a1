/**
 * Chat frame entry: wires the bridge to the host page, the controller and the UI, and starts
 * the session and the config fetch in parallel.
 */
import { render } from 'preact';
import type { WidgetAvailability, WidgetConfig } from '@parley/protocol';
import { safeAccent, inkOnWhite, textOn } from '../shared/colors';
import { fetchWidgetConfig, HttpError } from './api';
import { App } from './components/App';
import { connectHostBridge, type HostBridge } from './hostBridge';
import { readFrameParams } from './params';
import { receiveHostToken, keepTokenInHostPage } from './visitorSession';
import { readAvailability } from './state/availability';
import { ChatController } from './state/chatController';
import './styles.css';

const params = readFrameParams();
let bridge: HostBridge | null = null;
/**
 * The availability streamed by the loader. Once one has arrived it wins over the config's copy,
 * which may be older (the config request can answer after a change was streamed). Standalone,
 * without a loader, the config's copy is all there is.
 */
let liveAvailability: WidgetAvailability | null = null;
const controller = new ChatController(params.siteKey, (type, data) => bridge?.post(type, data));
bridge = connectHostBridge(params.hostOrigin, {
  onPageChanged: (page) => controller.setPage(page),
  onWindowOpened: () => controller.windowOpened(),
  onVisitorToken: receiveHostToken,
  onAvailability: (availability) => {
    liveAvailability = availability;
    draw();
  },
});
if (bridge.framed) keepTokenInHostPage((visitorToken) => bridge?.post('visitor:token', { visitorToken }));

const root = document.getElementById('app')!;
let config: WidgetConfig | null = null;
let configSettled = false;
const draw = () =>
  render(
    <App
      controller={controller}
      config={config}
      configSettled={configSettled}
      availability={liveAvailability ?? readAvailability(config?.availability)}
    />,
    root,
  );

function applyAccent(accentColor: string): void {
  const accent = safeAccent(accentColor);
  const style = document.documentElement.style;
  style.setProperty('--accent', accent);
  style.setProperty('--on-accent', textOn(accent));
  style.setProperty('--accent-ink', inkOnWhite(accent));
}

/**
 * The settings only dress the window (accent, heading, welcome): chatting works without them, so
 * a failure shows defaults instead of blocking. Retries while the server is unreachable; a 4xx
 * answer will not change by retrying.
 */
async function loadConfig(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      config = await fetchWidgetConfig(params.siteKey);
      applyAccent(config.settings.accentColor);
    } catch (error) {
      if (!configSettled) console.warn('[parley] widget settings not loaded:', error);
      if (!(error instanceof HttpError && error.status < 500)) {
        configSettled = true;
        draw();
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
        continue;
      }
    }
    configSettled = true;
    return draw();
  }
}

draw();
void loadConfig();
void controller.start();
// Tell the loader we listen; it answers with the visitor token it keeps, the page we are on, the
// latest availability and whether the window is open.
bridge.post('frame:ready', {});
