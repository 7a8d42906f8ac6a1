/**
 * Realtime fan-out: after commit, poke every node's feed reader for the workspace. The poke only
 * says "there is something new up to this id"; readers fetch the rows themselves, so a lost or
 * reordered poke can delay but never drop or reorder delivery.
 *
 * Because a poke carries no data, the events a commit (or a burst of commits) dispatched in one
 * turn of the event loop share one poke per workspace, with the highest feed id: one publish
 * instead of one per event.
 */
import type { PubSub } from '../../pubsub/pubsub.js';
import { feedChannel } from '../../realtime/feedReader.js';
import type { Listener } from '../eventBus.js';

export function feedPublisher(pubsub: PubSub): Listener {
  const highest = new Map<number, number>();
  let scheduled: Promise<void> | null = null;

  const flush = async (): Promise<void> => {
    const pokes = [...highest];
    highest.clear();
    scheduled = null;
    await Promise.all(pokes.map(([workspaceId, feedId]) => pubsub.publish(feedChannel(workspaceId), JSON.stringify({ feedId }))));
  };

  return {
    name: 'feedPublisher',
    events: ['conversation.created', 'conversation.updated', 'conversation.assigned', 'conversation.closed', 'message.created', 'user.updated', 'offer.created', 'offer.resolved', 'chatflow.updated', 'conversation.read', 'contact.updated', 'contact.deleted', 'lead.created', 'lead.updated', 'conversation.properties_changed', 'ticket_properties.updated'],
    handle(event) {
      highest.set(event.workspaceId, Math.max(highest.get(event.workspaceId) ?? 0, event.feedId));
      // Every listener call of this dispatch is already queued as a promise job; one queued
      // after them runs once they have all added their ids.
      scheduled ??= Promise.resolve().then(flush);
      return scheduled;
    },
  };
}
