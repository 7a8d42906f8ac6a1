/**
 * Chat frame entry: wires the bridge to the host page, the controller and the UI, and starts
 * the session and the config fetch in parallel.
 */
import { render } from 'preact';
import type { WidgetConfig } from '@parley/protocol';
import { safeAccent, inkOnWhite, textOn } from '../shared/colors';
import { fetchWidgetConfig } from './api';
import { App } from './components/App';
import { connectHostBridge, type HostBridge } from './hostBridge';
import { readFrameParams } from './params';
import { ChatController } from './state/chatController';
import './styles.css';

const params = readFrameParams();
let bridge: HostBridge | null = null;
const controller = new ChatController(params.siteKey, (type, data) => bridge?.post(type, data));
bridge = connectHostBridge(params.hostOrigin, {
  onPageChanged: (page) => controller.setPage(page),
  onWindowOpened: () => controller.windowOpened(),
});

const root = document.getElementById('app')!;
let config: WidgetConfig | null = null;
let configFailed = false;
const draw = () => render(<App controller={controller} config={config} configFailed={configFailed} />, root);

function applyAccent(accentColor: string): void {
  const accent = safeAccent(accentColor);
  const style = document.documentElement.style;
  style.setProperty('--accent', accent);
  style.setProperty('--on-accent', textOn(accent));
  style.setProperty('--accent-ink', inkOnWhite(accent));
}

/** Retries while the server is unreachable, so a chat opened during a restart recovers. */
async function loadConfig(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      config = await fetchWidgetConfig(params.siteKey);
      configFailed = false;
      applyAccent(config.settings.accentColor);
      return draw();
    } catch {
      configFailed = true;
      draw();
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
    }
  }
}

draw();
void loadConfig();
void controller.start();
// Tell the loader we listen; it answers with the page we are on and whether the window is open.
bridge.post('frame:ready', {});
