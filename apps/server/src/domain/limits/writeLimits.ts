/**
 * Write limits per sender (issue 8): messages per visitor and per user, context updates per
 * visitor. The domain commands call these before writing, so HTTP routes and socket commands
 * share one limiter and one answer (`rate_limited` with a retry-after), and nothing is stored
 * beyond the limit.
 *
 * The limiter lives with the node (one per AppContext) rather than in storage: a limit per node
 * costs no query on the hot path, and a sender spread over N nodes gets at most N times the rate,
 * which still bounds a script.
 */
import type { AppContext } from '../context.js';
import { RateLimitedError } from './rateLimitedError.js';
import { TokenBuckets } from './tokenBucket.js';

interface Limiters {
  visitorMessages: TokenBuckets<number>;
  userMessages: TokenBuckets<number>;
  contextUpdates: TokenBuckets<number>;
}

const byNode = new WeakMap<AppContext, Limiters>();

function limiters(ctx: AppContext): Limiters {
  let found = byNode.get(ctx);
  if (!found) {
    const limits = ctx.config.writeLimits;
    found = {
      visitorMessages: new TokenBuckets(limits.visitorMessages),
      userMessages: new TokenBuckets(limits.userMessages),
      contextUpdates: new TokenBuckets(limits.contextUpdates),
    };
    byNode.set(ctx, found);
  }
  return found;
}

function enforce(buckets: TokenBuckets<number>, key: number, what: string): void {
  const taken = buckets.take(key);
  if (!taken.ok) throw new RateLimitedError(taken.retryAfterMs, `too many ${what}; retry in ${Math.ceil(taken.retryAfterMs / 1000)} s`);
}

/** One message by a visitor or a user; throws `rate_limited` beyond the sender's allowance. */
export function limitMessage(ctx: AppContext, sender: { kind: 'visitor' | 'user'; id: number }): void {
  const all = limiters(ctx);
  enforce(sender.kind === 'visitor' ? all.visitorMessages : all.userMessages, sender.id, 'messages');
}

/** One context update by a visitor (before coalescing: a refused update is not even queued). */
export function limitContextUpdate(ctx: AppContext, visitorId: number): void {
  enforce(limiters(ctx).contextUpdates, visitorId, 'context updates');
}
