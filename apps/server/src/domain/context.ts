/**
 * Everything a domain command needs, passed explicitly: storage, the event bus, config and a
 * clock. Time is injected so tests (and later, durable deadlines) need not wait.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { EventBus } from '../events/eventBus.js';
import type { PubSub } from '../pubsub/pubsub.js';
import type { Storage } from '../storage/database.js';

export interface AppContext {
  config: Config;
  storage: Storage;
  pubsub: PubSub;
  bus: EventBus;
  log: Logger;
  clock: () => number;
}
