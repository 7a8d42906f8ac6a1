/**
 * Ephemeral signals (typing) travel over pub/sub only: not stored, not replayed. They ride the
 * workspace feed channel so one subscription per workspace per node carries both.
 */
import type { Signals } from '@parley/protocol';
import type { PubSub } from '../pubsub/pubsub.js';
import { feedChannel } from './feedReader.js';

export interface Signal {
  name: keyof Signals;
  data: Signals[keyof Signals];
  /** Audience: the conversation's visitor and the users allowed to read its thread. */
  visitorId: number;
  assigneeId: number | null;
}

export function publishSignal(pubsub: PubSub, workspaceId: number, signal: Signal): Promise<void> {
  return pubsub.publish(feedChannel(workspaceId), JSON.stringify({ signal }));
}
