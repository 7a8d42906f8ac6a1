/**
 * Realtime fan-out: after commit, poke every node's feed reader for the workspace. The poke only
 * says "there is something new"; readers fetch the rows themselves, so a lost or reordered poke
 * can delay but never drop or reorder delivery.
 */
import type { PubSub } from '../../pubsub/pubsub.js';
import { feedChannel } from '../../realtime/feedReader.js';
import type { Listener } from '../eventBus.js';

export function feedPublisher(pubsub: PubSub): Listener {
  return {
    name: 'feedPublisher',
    events: ['conversation.created', 'conversation.updated', 'conversation.assigned', 'conversation.closed', 'message.created', 'user.updated', 'offer.created', 'offer.resolved', 'chatflow.updated'],
    async handle(event) {
      await pubsub.publish(feedChannel(event.workspaceId), JSON.stringify({ feedId: event.feedId }));
    },
  };
}
