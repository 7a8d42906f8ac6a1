/**
 * The launcher button and the shadow root that holds everything the loader draws. Styles live
 * only inside the shadow root; the host element itself is reset with `all: initial`, so nothing
 * inherited from the page (fonts, colours, line height) flows into the shadow tree either.
 */
import { inkOnWhite, textOn } from '../shared/colors';

export interface Launcher {
  root: ShadowRoot;
  button: HTMLButtonElement;
  setVisible(visible: boolean): void;
  setExpanded(expanded: boolean): void;
  setUnread(count: number): void;
}

const ICON =
  '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';

function styles(accent: string): string {
  const ink = inkOnWhite(accent);
  return `
*{box-sizing:border-box}
[hidden]{display:none!important}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483647;width:60px;height:60px;border-radius:50%;
margin:0;padding:0;border:0;background:${accent};color:${textOn(accent)};display:flex;align-items:center;justify-content:center;cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s ease}
svg{display:block}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline:3px solid ${ink};outline-offset:3px}
.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;
background:#c81e1e;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
iframe{position:fixed;right:20px;bottom:20px;z-index:2147483647;display:block;width:380px;height:600px;
max-width:calc(100vw - 40px);max-height:calc(100vh - 40px);border:0;border-radius:12px;background:#fff;
box-shadow:0 8px 30px rgba(0,0,0,.25);animation:parley-in .18s ease-out}
@keyframes parley-in{from{opacity:0;transform:translateY(12px)}}
@media (max-width:479px){iframe{inset:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0}}
@media (prefers-reduced-motion:reduce){.launcher,iframe{transition:none;animation:none}}
`;
}

export function createLauncher(accent: string, onClick: () => void): Launcher {
  const host = document.createElement('parley-widget');
  // Inline !important beats any page rule that might match the host element itself.
  host.style.setProperty('all', 'initial', 'important');
  const root = host.attachShadow({ mode: 'open' });

  const style = document.createElement('style');
  style.textContent = styles(accent);

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-label', 'Open chat');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-describedby', 'parley-unread');
  button.innerHTML = ICON;
  button.addEventListener('click', onClick);

  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.hidden = true;
  // The visible badge is a bare number; screen readers get a sentence through aria-describedby.
  const unreadText = document.createElement('span');
  unreadText.className = 'sr';
  unreadText.id = 'parley-unread';
  button.append(badge, unreadText);

  root.append(style, button);
  document.body.appendChild(host);

  return {
    root,
    button,
    setVisible: (visible) => {
      button.hidden = !visible;
    },
    setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
    setUnread: (count) => {
      badge.hidden = count <= 0;
      badge.textContent = count > 99 ? '99+' : String(count);
      unreadText.textContent = count > 0 ? `${count} unread ${count === 1 ? 'message' : 'messages'}` : '';
    },
  };
}
