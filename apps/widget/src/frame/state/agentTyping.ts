/**
 * The "<name> is typing…" line. Typing signals are ephemeral and may be lost (a dropped socket,
 * an agent closing their tab), so the line also hides by itself when no refresh arrives in time.
 */
import type { Signals } from '@parley/protocol';

const TIMEOUT_MS = 6000;

export class AgentTyping {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private name: string | null = null;

  constructor(private readonly publish: (name: string | null) => void) {}

  /** Applies a signal that concerns the current conversation. */
  signal(signal: Signals['typing.changed']): void {
    if (signal.author.kind !== 'user') return;
    clearTimeout(this.timer);
    if (!signal.typing) return this.clear();
    this.set(signal.author.name);
    this.timer = setTimeout(() => this.clear(), TIMEOUT_MS);
  }

  /** An agent's message arrived or the conversation closed: whatever they typed is done. */
  clear(): void {
    clearTimeout(this.timer);
    this.set(null);
  }

  private set(name: string | null): void {
    if (name === this.name) return;
    this.name = name;
    this.publish(name);
  }
}
