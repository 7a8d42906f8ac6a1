import type { Config } from '../config/config.js';
import { memoryPubSub } from './memoryPubSub.js';
import type { PubSub } from './pubsub.js';
import { redisPubSub } from './redisPubSub.js';

export type { PubSub } from './pubsub.js';

export function openPubSub(config: Pick<Config, 'redisUrl'>): Promise<PubSub> {
  return config.redisUrl ? redisPubSub(config.redisUrl) : Promise.resolve(memoryPubSub());
}
