/**
 * Business time for tests: starts at the real time and moves only when the test says so, so an
 * accept timeout of 100 s or an inactivity timeout of 10 min passes instantly.
 */
export class ManualClock {
  constructor(public current = Date.now()) {}

  readonly now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
