/**
 * W3–W5 decisions the loader makes on the visitor's page. Kept tiny and importing types only:
 * the loader has a 3 KB gzip budget and bundles just this file.
 */
import type { ChatflowDisplay, Device } from '@parley/protocol';

export interface DisplayPlan {
  /** When the welcome bubble appears above the launcher. */
  prompt: 'never' | 'atOnce' | 'onTrigger';
  /** Whether the chat opens by itself when the first trigger fires. */
  openOnTrigger: boolean;
}

/** W5: a minimized chat stays minimized on every page and chatflow of the site this long. */
export const MINIMIZE_HOLD_MS = 24 * 60 * 60 * 1000;

/** What a new chatflow does: the welcome bubble at once on desktops, the launcher only on phones. */
export const DEFAULT_DISPLAY: ChatflowDisplay = {
  desktop: 'prompt',
  mobile: 'launcher',
  triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null },
};

/** Below this width the page is laid out for a phone. */
const MOBILE_BELOW_PX = 768;

export function deviceForWidth(viewportWidth: number): Device {
  return viewportWidth < MOBILE_BELOW_PX ? 'mobile' : 'desktop';
}

/**
 * The table in docs/chatflows.md. Exit intent only fires on desktops (a phone has no pointer to
 * leave the window), so on a phone a chatflow whose only trigger is exit intent prompts at once
 * rather than never.
 */
export function displayPlan(display: ChatflowDisplay, device: Device): DisplayPlan {
  const { exitIntent, secondsOnPage, scrollPercent } = display.triggers;
  const triggered = secondsOnPage !== null || scrollPercent !== null || (device === 'desktop' && exitIntent);
  const mode = device === 'desktop' ? display.desktop : display.mobile;
  if (mode === 'launcher') return { prompt: 'never', openOnTrigger: false };
  // `promptThenOpen` is desktop only; a stored one on a phone falls back to the prompt.
  if (mode === 'promptThenOpen' && device === 'desktop') return { prompt: 'atOnce', openOnTrigger: triggered };
  return { prompt: triggered ? 'onTrigger' : 'atOnce', openOnTrigger: false };
}

/**
 * Whether a minimize at `minimizedAt` still holds at `now` (both epoch ms): for 24 hours, and not
 * from the 24th hour on. A time in the future (the clock was set back) holds, as a fresh one.
 */
export function minimizeHolds(minimizedAt: number | null, now: number): boolean {
  return minimizedAt !== null && now - minimizedAt < MINIMIZE_HOLD_MS;
}
