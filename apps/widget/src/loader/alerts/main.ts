/**
 * W17 on the host page: what unread messages from the team do while the chat window is closed.
 * The loader (widget.ts) imports this chunk only when the frame first reports an unread message
 * (built by vite.lazy.config.ts to dist/loader/, served at /widget/loader/), so page views where
 * nobody chats never download it, and the loader stays within its 3 KB.
 *
 * - the unread badge on the launcher, and the count in the launcher's accessible name;
 * - for a new message from the team, a preview bubble above the launcher with the author and the
 *   start of the message, set as text (never HTML); clicking it opens the chat, × dismisses it
 *   until the next message;
 * - a chime when the chatflow has sound on (tone.ts);
 * - the page title flashes when the chatflow has it on (titleFlash.ts), until the chat opens,
 *   the bubble is dismissed or the visitor comes back to the tab.
 *
 * With `prefers-reduced-motion: reduce` the bubble appears without sliding in and the title
 * stays on the unread text instead of alternating.
 */
import type { FrameToHost, WidgetConfig } from '@parley/protocol';
import { add } from '../launcher';
import { previewText } from './previewText';
import { TitleFlash } from './titleFlash';
import { playChime } from './tone';

export type UnreadUpdate = FrameToHost['unread:changed'];

/**
 * Called by the loader on every render: the frame's last unread update (the same object until
 * the frame sends another, so a new message is told apart from a redraw), whether the launcher
 * is hidden (the chat window is open, or no chatflow shows on this page) and the config.
 */
export type ShowUnread = (unread: UnreadUpdate, launcherHidden: boolean, config: WidgetConfig | null) => void;

/** On top of the loader's sheet (launcher.ts), whose `.p` the bubble shares with the prompt. */
const STYLES = `.b{position:absolute;top:-4px;right:-4px;min-width:22px;padding:0 6px;border-radius:11px;background:#c81e1e;color:#fff;font-weight:700}.b:empty{display:none}\
.u strong{display:block;font:700 13px system-ui,sans-serif;margin-bottom:2px}\
@media (prefers-reduced-motion:no-preference){.u{animation:u .2s ease-out}}\
@keyframes u{from{opacity:0;transform:translateY(8px)}}`;

/** The badge's text: empty (and so hidden by the sheet) without unread messages. */
export const badgeText = (count: number): string => (count > 99 ? '99+' : count > 0 ? `${count}` : '');

export default function unreadAlerts(root: ShadowRoot, openChat: () => void): ShowUnread {
  const launcher = root.querySelector<HTMLButtonElement>('.launcher')!;
  add('style', root).textContent = STYLES;
  // A bare number; the launcher's accessible name says it in a sentence.
  const badge = add('span', launcher, 'b');
  const bubble = add('div', root, 'p u');
  // Before the launcher in reading order, as the prompt is: it points at it.
  root.insertBefore(bubble, launcher);
  // Read out when a new message fills it in.
  bubble.ariaLive = 'polite';
  const open = add('button', bubble);
  const author = add('strong', open);
  const text = add('span', open);
  const dismiss = add('button', bubble);
  dismiss.textContent = '×';
  bubble.hidden = true;

  const title = new TitleFlash(document, window);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  let last: UnreadUpdate | null = null;
  const calm = (): void => {
    bubble.hidden = true;
    title.stop();
  };
  open.onclick = () => {
    calm();
    openChat();
  };
  dismiss.onclick = () => {
    calm();
    launcher.focus();
  };
  // The visitor is back on the tab: the title has done its job (the badge and bubble stay).
  document.addEventListener('visibilitychange', () => document.hidden || title.stop());

  return (unread, launcherHidden, config) => {
    const fresh = unread !== last;
    last = unread;
    const count = +unread.count || 0;
    const shown = badgeText(count);
    badge.textContent = shown;
    if (launcherHidden || !config || !count) return calm();
    const strings = config.loaderStrings;
    if (shown) launcher.ariaLabel = `${strings.openChat}. ${strings.unread.replace('{count}', shown)}`;
    if (!fresh) return;
    const message = unread.message;
    if (message) {
      author.textContent = message.author;
      text.textContent = previewText(message.text, strings.newMessage);
      dismiss.ariaLabel = strings.dismissPrompt;
      bubble.hidden = false;
      if (config.unreadSound) playChime();
    }
    // A new message starts the flash; another count (a system line) only updates a running one.
    if (!config.unreadTitleFlash) title.stop();
    else if (message || title.flashing) title.start(count, strings.newMessage, reducedMotion.matches);
  };
}
