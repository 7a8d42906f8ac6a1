/**
 * Token buckets keyed by sender (a visitor, a user). Each key holds up to `burst` tokens and
 * regains `perMinute` tokens a minute; a write takes one. Generous enough that a person typing
 * never meets the limit, tight enough that a script cannot fill the database.
 *
 * Buckets use the process's monotonic clock, not the business clock: tests move business time by
 * days and the limit must keep meaning "per real second". Full buckets carry no information, so
 * they are swept now and then; memory stays proportional to senders active in the last minutes.
 */
import { performance } from 'node:perf_hooks';
import type { RateConfig } from '../../config/config.js';

export type Take = { ok: true } | { ok: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_EVERY_MS = 60_000;

export class TokenBuckets<K> {
  private readonly buckets = new Map<K, Bucket>();
  private readonly perMs: number;
  private sweptAt: number;

  constructor(
    private readonly rate: RateConfig,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = rate.perMinute / 60_000;
    this.sweptAt = now();
  }

  /** Takes one token for `key`, or says how long until one is back. */
  take(key: K): Take {
    const now = this.now();
    if (now - this.sweptAt > SWEEP_EVERY_MS) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.rate.burst, at: now };
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  /** Keys currently tracked (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.rate.burst) this.buckets.delete(key);
    }
  }
}
