/**
 * Sign-out reaches open inbox sockets on every node through pub/sub: the node that ended the
 * session publishes `{ workspaceId, userId }` on one node-wide channel, and each node tells its
 * sockets of that user to re-check their session in storage (the message says whom to check, not
 * what is true: storage decides). Changes that already write a feed row (role change,
 * deactivation) need no signal: sockets see the row in feed order. A lost message is caught by
 * the periodic re-check (PARLEY_SESSION_RECHECK_SECONDS).
 */
import type { PubSub } from '../pubsub/pubsub.js';

const CHANNEL = 'sessions:ended';

export interface SessionEnded {
  workspaceId: number;
  userId: number;
}

export function publishSessionEnded(pubsub: PubSub, ended: SessionEnded): Promise<void> {
  return pubsub.publish(CHANNEL, JSON.stringify(ended));
}

export function subscribeSessionEnded(pubsub: PubSub, handler: (ended: SessionEnded) => void): Promise<() => Promise<void>> {
  return pubsub.subscribe(CHANNEL, (message) => {
    let parsed: Partial<SessionEnded>;
    try {
      parsed = JSON.parse(message) as Partial<SessionEnded>;
    } catch {
      return;
    }
    if (typeof parsed.workspaceId === 'number' && typeof parsed.userId === 'number') {
      handler({ workspaceId: parsed.workspaceId, userId: parsed.userId });
    }
  });
}
