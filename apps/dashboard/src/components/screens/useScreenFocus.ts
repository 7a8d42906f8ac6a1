import { useEffect, useRef } from 'preact/hooks';
import { hrefFor } from '../../router.js';

/** Which of the inbox's screens is in front: on a phone only that one shows (screens.css). */
export type Screen = 'list' | 'thread' | 'details';

interface Shown {
  screen: Screen;
  conversationId: number | null;
}

/**
 * When a screen change hides the focused element (a phone's list link, Back or Details button),
 * focus moves to where the person now is instead of being dropped on the page: the thread's
 * heading, the details' Back, the Details button they came from, or the conversation they left in
 * the list. Where the screens sit side by side nothing is hidden and focus stays put.
 *
 * `settled` changes when the screen's content is replaced (a thread done loading): focus put on
 * the loading screen's Back moves on to the heading once there is one.
 */
export function useScreenFocus(screen: Screen, conversationId: number | null, settled: unknown): void {
  const shown = useRef<Shown | null>(null);
  /** Targets still to try, best first, until one gets focus or the person moves it themselves. */
  const wanted = useRef<string[]>([]);
  /** What got focus while the best target was missing (Back, while the thread loads). */
  const standIn = useRef<Element | null>(null);
  useEffect(() => {
    const from = shown.current;
    shown.current = { screen, conversationId };
    if (from && (from.screen !== screen || from.conversationId !== conversationId)) wanted.current = targets(from, screen);
    if (wanted.current.length === 0) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!focusLost() && active !== standIn.current) {
        // The person moved focus themselves (or it was never hidden): leave it there.
        wanted.current = [];
        return;
      }
      const index = wanted.current.findIndex((selector) => focusIfShown(selector));
      standIn.current = index > 0 ? document.activeElement : null;
      if (index === 0) wanted.current = [];
    });
    return () => cancelAnimationFrame(frame);
  }, [screen, conversationId, settled]);
}

function targets(from: Shown, to: Screen): string[] {
  switch (to) {
    case 'list':
      return from.conversationId === null
        ? ['#list-title']
        : [`.conversation-item[href="${hrefFor({ name: 'conversation', id: from.conversationId })}"]`, '#list-title'];
    case 'thread':
      return from.screen === 'details' ? ['.details-button', '#thread-title'] : ['#thread-title', '.thread-screen .back-button'];
    case 'details':
      return ['.details-screen .back-button'];
  }
}

function focusIfShown(selector: string): boolean {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element || !isShown(element)) return false;
  element.focus();
  return true;
}

function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !isShown(active);
}

function isShown(element: Element): boolean {
  return element.getClientRects().length > 0;
}
