/**
 * Everything a domain command needs, passed explicitly: storage, the event bus, config and a
 * clock. Time is injected so tests (and later, durable deadlines) need not wait.
 */
import type { Logger } from 'pino';
import type { Mailer } from '../operations/mailer.js';
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
  /** Business time: deadlines, timeouts, office hours. Injected so tests need not wait. */
  clock: () => number;
  /** This server process, unique per start: owns presence rows and deadline leases. */
  nodeId: string;
  mailer: Mailer;
}
