/**
 * Moves keyboard focus after the next render: to the first element matching one of the
 * selectors that can take it. Used when the control that had focus was removed or moved.
 */
export function focusLater(...selectors: string[]): void {
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        return;
      }
    }
  });
}
