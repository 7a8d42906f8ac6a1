/**
 * The flashing page title (W17): the host page's title alternates with "(2) New message" until
 * `stop`, which puts back the exact title the page has. The page may set its own title meanwhile
 * (a single-page site navigating): that becomes the title to restore. With reduced motion the
 * unread title stays put instead of alternating.
 *
 * Takes the document and the timer functions, so it can be tested without a browser.
 */
export const FLASH_INTERVAL_MS = 1200;

export interface TitleDocument {
  title: string;
}

export interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class TitleFlash {
  /** The page's own title while flashing; null when not flashing. */
  private original: string | null = null;
  /** What this flash last wrote, to tell the page's own title changes from ours. */
  private written = '';
  private label = '';
  private timer: unknown = null;

  constructor(
    private readonly doc: TitleDocument,
    private readonly timers: Timers,
  ) {}

  get flashing(): boolean {
    return this.original !== null;
  }

  /** Starts (or updates the count of) the flash. `label` is the loader string, like "New message". */
  start(count: number, label: string, reducedMotion: boolean): void {
    this.adoptPageTitle();
    this.original ??= this.doc.title;
    this.label = `(${count > 99 ? '99+' : count}) ${label}`;
    this.write(this.label);
    this.timers.clearInterval(this.timer);
    this.timer = reducedMotion ? null : this.timers.setInterval(() => this.tick(), FLASH_INTERVAL_MS);
  }

  stop(): void {
    this.timers.clearInterval(this.timer);
    this.timer = null;
    if (this.original === null) return;
    this.adoptPageTitle();
    this.doc.title = this.original;
    this.original = null;
  }

  private tick(): void {
    this.adoptPageTitle();
    this.write(this.doc.title === this.label ? this.original! : this.label);
  }

  /** The page changed its title since we last wrote it: that is the one to restore. */
  private adoptPageTitle(): void {
    if (this.original !== null && this.doc.title !== this.written) this.original = this.doc.title;
  }

  private write(title: string): void {
    this.doc.title = title;
    // Read back: the browser normalizes whitespace in document.title.
    this.written = this.doc.title;
  }
}
