/**
 * Where the keyboard goes when an offer card disappears under it: the next offer's Accept
 * button, else the "no longer available" notice's Dismiss button. Focus the user moved
 * elsewhere in the meantime is left alone.
 */
export function refocusAfterCardGone(): void {
  requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const next =
      document.querySelector<HTMLElement>('[data-offer-accept]') ?? document.querySelector<HTMLElement>('.offer-notice button');
    next?.focus();
  });
}
