import { DomainError } from '../errors.js';

/**
 * `rate_limited` with the wait that would let the next attempt through: sockets put it in the
 * error body as `retryAfterMs`, HTTP also as the `retry-after` header (whole seconds).
 */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterMs: number,
    detail: string,
  ) {
    super('rate_limited', detail);
  }
}
