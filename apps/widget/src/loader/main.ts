/**
 * The embed script (W1): `<script src="https://HOST/widget.js" data-site="SITE_KEY" async>`.
 *
 * It runs on someone else's page, so it does as little as possible up front: read its own tag,
 * ask which chatflow this page view gets, draw a launcher in a shadow root. The chat UI itself is
 * an iframe on the Parley origin, created only when the chat opens. The preview build (W19) is
 * the same script for Parley's own preview page, where configs come from the admin page around it.
 */
import { mountWidget } from './widget';

declare const __PARLEY_PREVIEW__: boolean;

function start(): void {
  const flagged = window as Window & { __parleyLoaded?: boolean };
  // Pasting the snippet twice must not give two launchers.
  if (flagged.__parleyLoaded) return;
  flagged.__parleyLoaded = true;

  // Only set while this file first runs (for a classic script, async or not): read it now.
  const script = document.currentScript as HTMLScriptElement | null;
  // The preview page (W19) is told the site by the admin page's URL for it: /widget/preview/?site=KEY.
  const siteKey = (__PARLEY_PREVIEW__ && new URLSearchParams(location.search).get('site')) || script?.getAttribute('data-site');
  // Without a site key there is nothing to show (the Install page tells whether the widget loaded).
  if (!script || !siteKey) return;
  const mount = (): void => mountWidget(new URL(script.src, location.href).origin, siteKey);
  // An async script in <head> can run before <body> exists.
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount); // fires once
}

start();
