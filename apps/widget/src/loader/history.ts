/**
 * Single-page sites change the URL through the History API without a page load, so the widget
 * would keep the chatflow of the first page forever (W6). `pushState` and `replaceState` are
 * wrapped (the page's call still goes through and keeps its return value) and `popstate` and
 * `hashchange` are followed; bursts of changes (a router that pushes and then replaces) are
 * folded into one `onChange` 100 ms after the last, and only when the URL really changed.
 *
 * Uses the globals `history`, `location` and `addEventListener` (tests provide their own).
 */
export function watchUrl(onChange: () => void): void {
  let last = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => last !== (last = location.href) && onChange(), 100);
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      // Debounced: the check runs after the original has changed the URL.
      changed();
      return original.apply(this, args);
    };
  }
  addEventListener('popstate', changed);
  addEventListener('hashchange', changed);
}
