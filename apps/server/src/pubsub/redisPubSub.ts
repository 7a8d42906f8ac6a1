import { Redis } from 'ioredis';
import type { PubSub, PubSubHandler } from './pubsub.js';

/**
 * Redis pub/sub across nodes. A subscribed connection cannot publish, so there are two
 * connections; channel names are prefixed so several deployments can share one Redis.
 */
export async function redisPubSub(url: string, prefix = 'parley:'): Promise<PubSub> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const channels = new Map<string, Set<PubSubHandler>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const handler of channels.get(channel.slice(prefix.length)) ?? []) handler(message);
  });
  return {
    async publish(channel, message) {
      await publisher.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      let handlers = channels.get(channel);
      if (!handlers) {
        channels.set(channel, (handlers = new Set()));
        await subscriber.subscribe(prefix + channel);
      }
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
        if (handlers.size === 0 && channels.get(channel) === handlers) {
          channels.delete(channel);
          await subscriber.unsubscribe(prefix + channel);
        }
      };
    },
    async close() {
      channels.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
