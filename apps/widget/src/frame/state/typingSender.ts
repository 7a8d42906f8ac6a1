/**
 * Turns keystrokes into few `typing.set` commands: "typing" at most once every 2 s while the
 * visitor keeps typing (the agent's indicator hides after ~6 s without a refresh), and "stopped"
 * after 4 s of silence or when the message is sent.
 */
import type { TypingData } from '@parley/protocol';

const REFRESH_MS = 2000;
const IDLE_MS = 4000;

export class TypingSender {
  private lastSentAt = 0;
  private typingIn: number | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (data: TypingData) => void) {}

  input(conversationId: number): void {
    const now = Date.now();
    if (this.typingIn !== conversationId || now - this.lastSentAt >= REFRESH_MS) {
      this.typingIn = conversationId;
      this.lastSentAt = now;
      this.send({ conversationId, typing: true });
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** The conversation is gone (closed); no "stopped" command, the server would refuse it. */
  forget(): void {
    clearTimeout(this.idleTimer);
    this.typingIn = null;
    this.lastSentAt = 0;
  }

  stop(): void {
    clearTimeout(this.idleTimer);
    if (this.typingIn === null) return;
    this.send({ conversationId: this.typingIn, typing: false });
    this.typingIn = null;
    this.lastSentAt = 0;
  }
}
