/**
 * W4 triggers for one page view: exit intent (desktop), seconds on the page, percent of the page
 * scrolled. Whichever fires first runs `fire` once; the rest are disarmed with it.
 */
import type { ChatflowTriggers } from '@parley/protocol';

/** How much of the page has been seen, in percent: the viewport's bottom edge against the page height. */
export const scrolledPercent = (scrollY: number, viewportHeight: number, pageHeight: number): number =>
  ((scrollY + viewportHeight) / pageHeight) * 100;

/**
 * The pointer left the document through its top edge, towards the tabs and the address bar
 * (a `mouseout` with no element to go to, at or above the first pixel row).
 */
export const leavesTowardsTop = (event: Pick<MouseEvent, 'clientY' | 'relatedTarget'>): boolean =>
  !event.relatedTarget && event.clientY <= 0;

/** Arms the set triggers; returns the function that disarms them (also run just before `fire`). */
export function armTriggers({ exitIntent, secondsOnPage, scrollPercent }: ChatflowTriggers, desktop: boolean, fire: () => void): () => void {
  const listeners = new AbortController();
  const signal = listeners.signal;
  const timer = secondsOnPage === null ? 0 : setTimeout(() => done(), secondsOnPage * 1000);
  const disarm = (): void => {
    clearTimeout(timer);
    listeners.abort();
  };
  const done = (): void => {
    disarm();
    fire();
  };
  if (exitIntent && desktop) document.addEventListener('mouseout', (event) => leavesTowardsTop(event) && done(), { signal });
  // Only scrolling counts: a page shorter than the window is not "scrolled to 100 %" on arrival.
  if (scrollPercent !== null) {
    const onScroll = (): void | false =>
      scrolledPercent(scrollY, innerHeight, document.documentElement.scrollHeight) >= scrollPercent && done();
    addEventListener('scroll', onScroll, { passive: true, signal });
  }
  return disarm;
}
