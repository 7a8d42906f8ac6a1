/**
 * Counts messages from the team that the visitor has not seen: those arriving while the window
 * is minimized or the tab is in the background (W17). The loader shows the count as a badge.
 */
export class UnreadCounter {
  private count = 0;
  /** The chat window is open on the host page (the frame is created open). */
  private windowOpen = true;

  constructor(private readonly publish: (count: number) => void) {
    document.addEventListener('visibilitychange', () => {
      if (this.seen()) this.reset();
    });
  }

  setWatching(windowOpen: boolean): void {
    this.windowOpen = windowOpen;
    if (this.seen()) this.reset();
  }

  messageArrived(): void {
    if (this.seen()) return;
    this.count++;
    this.publish(this.count);
  }

  private seen(): boolean {
    return this.windowOpen && document.visibilityState === 'visible';
  }

  private reset(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.publish(0);
  }
}
