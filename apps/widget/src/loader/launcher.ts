/**
 * The shadow root that holds everything the loader draws: the launcher button and the prompt
 * bubble (W3); the unread chunk (alerts/main.ts) adds the badge and the preview bubble. Styles live only inside the shadow root; the host element itself is
 * reset with `all: initial`, so nothing inherited from the page (fonts, colours, line height)
 * flows into the shadow tree either. The style sheet is rewritten when the chatflow (and so the
 * accent colour) changes.
 *
 * Written for size: this runs on every page of every customer site (≤ 3 KB gzip for the loader).
 */
import { inkOnWhite, textOn } from '../shared/colors';

const ICON = '<svg width="28" viewBox="0 0 24 24"><path fill="currentColor" d="M2 4h20v14H9l-5 4v-4H2z"/></svg>';

/**
 * The sheet for one accent colour (already passed through safeAccent: it ends up in CSS). No
 * animations: nothing to turn off for prefers-reduced-motion, and fewer bytes. (A backslash at a
 * line end continues the template literal without a newline.)
 */
export function styles(accent: string): string {
  return `*{box-sizing:border-box;margin:0;border:0;font:15px system-ui,sans-serif}[hidden]{display:none!important}\
.launcher,.p,iframe{position:fixed;right:20px;bottom:20px;z-index:2147483647;border-radius:12px;box-shadow:0 4px 14px #0004;background:#fff;color:#111}\
button{cursor:pointer;color:inherit;background:0;padding:0 4px;text-align:left;white-space:pre-line;overflow-wrap:anywhere}\
button:focus-visible{outline:3px solid ${inkOnWhite(accent)};outline-offset:2px}\
.launcher{width:60px;height:60px;border-radius:50%;background:${accent};color:${textOn(accent)};display:grid;place-items:center}\
.p{bottom:92px;display:flex;align-items:start;max-width:min(320px,100vw - 40px);padding:12px}\
iframe{width:min(380px,100vw - 40px);height:min(600px,100vh - 40px)}\
@media (max-width:479px){iframe{inset:0;width:100%;height:100%;border-radius:0}}`;
}

/** Appends a new element to `parent`. */
export function add<K extends keyof HTMLElementTagNameMap>(tag: K, parent: Node, className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return parent.appendChild(node);
}

/**
 * Draws the (hidden) launcher and prompt; the caller fills in texts and shows them once a
 * chatflow is chosen. Returns [root, style, launcher, prompt, bubble, dismiss]. (The unread badge
 * comes with the unread chunk, alerts/main.ts.)
 */
export function createShell(): [ShadowRoot, HTMLStyleElement, HTMLButtonElement, HTMLDivElement, HTMLButtonElement, HTMLButtonElement] {
  const host = add('parley-widget' as 'div', document.body);
  // Inline !important beats any page rule that might match the host element itself.
  host.style.cssText = 'all:initial!important';
  const root = host.attachShadow({ mode: 'open' });
  const style = add('style', root);
  // The prompt comes first so that, in reading order, it precedes the launcher it points at.
  const prompt = add('div', root, 'p');
  const bubble = add('button', prompt);
  const dismiss = add('button', prompt);
  dismiss.textContent = '×';
  const launcher = add('button', root, 'launcher');
  // Always false while it shows: the launcher is hidden while the window is open.
  launcher.ariaExpanded = 'false';
  launcher.innerHTML = ICON;
  prompt.hidden = launcher.hidden = true;
  return [root, style, launcher, prompt, bubble, dismiss];
}
