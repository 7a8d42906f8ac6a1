/**
 * Tells the visitor when the agent is typing without a frame per keystroke: "typing" at most every
 * few seconds while keys are pressed, "stopped" after a quiet spell, on send, or when leaving.
 */
import { realtime } from './connection.js';

const REPEAT_MS = 3000;
const IDLE_MS = 4000;

export interface TypingNotifier {
  keystroke(): void;
  stop(): void;
}

export function createTypingNotifier(conversationId: number): TypingNotifier {
  let typing = false;
  let lastSentAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  function send(value: boolean): void {
    const client = realtime();
    // Only while connected: a queued "typing" replayed after a reconnect would be a lie.
    if (!client || client.state !== 'open') return;
    client.send('typing.set', { conversationId, typing: value }).catch(() => {});
  }

  function stop(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (!typing) return;
    typing = false;
    send(false);
  }

  function keystroke(): void {
    const now = Date.now();
    if (!typing || now - lastSentAt >= REPEAT_MS) {
      typing = true;
      lastSentAt = now;
      send(true);
    }
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(stop, IDLE_MS);
  }

  return { keystroke, stop };
}
