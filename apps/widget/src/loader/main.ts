/**
 * The embed script (W1): `<script src="https://HOST/widget.js" data-site="SITE_KEY" async>`.
 *
 * It runs on someone else's page, so it does as little as possible up front: read its own tag,
 * fetch the public widget config, draw a launcher in a shadow root. The chat UI itself is an
 * iframe on the Parley origin, created only when the visitor opens the chat.
 */
import type { WidgetConfigResponse } from '@parley/protocol';
import { safeAccent } from '../shared/colors';
import { mountWidget } from './widget';

/** `document.currentScript` is only set while this file first runs; read it now, not later. */
function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute('data-site')) return current;
  return document.querySelector<HTMLScriptElement>('script[data-site][src*="widget.js"]');
}

function whenBodyReady(run: () => void): void {
  // An async script in <head> can run before <body> exists.
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function start(): void {
  const flagged = window as Window & { __parleyLoaded?: boolean };
  // Pasting the snippet twice must not give two launchers.
  if (flagged.__parleyLoaded) return;
  flagged.__parleyLoaded = true;

  const script = findOwnScript();
  const siteKey = script?.getAttribute('data-site');
  if (!script || !siteKey) {
    console.warn('[parley] widget.js needs a data-site attribute');
    return;
  }
  const origin = new URL(script.src, location.href).origin;
  fetch(`${origin}/api/widget/config?siteKey=${encodeURIComponent(siteKey)}`)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((body: WidgetConfigResponse) => {
      const accent = safeAccent(body.config.settings.accentColor);
      const { availability } = body.config;
      whenBodyReady(() => mountWidget({ origin, siteKey, accent, availability }));
    })
    .catch((error: unknown) => console.warn('[parley] chat widget not shown:', error));
}

start();
