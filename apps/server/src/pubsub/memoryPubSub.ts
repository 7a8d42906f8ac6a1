import type { PubSub, PubSubHandler } from './pubsub.js';

/** The single-node default: channels are maps of handlers inside this process. */
export function memoryPubSub(): PubSub {
  const channels = new Map<string, Set<PubSubHandler>>();
  return {
    async publish(channel, message) {
      for (const handler of channels.get(channel) ?? []) {
        // Asynchronous like a network driver, so callers cannot come to rely on re-entrancy.
        queueMicrotask(() => handler(message));
      }
    },
    async subscribe(channel, handler) {
      let handlers = channels.get(channel);
      if (!handlers) channels.set(channel, (handlers = new Set()));
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
        if (handlers.size === 0) channels.delete(channel);
      };
    },
    async close() {
      channels.clear();
    },
  };
}
