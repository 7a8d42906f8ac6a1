import type { ErrorCode } from '@parley/protocol';

/** A refusal with a stable code from the catalogue; HTTP and realtime both present it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
  }
}
