/**
 * One error shape for every HTTP route: `{ error: { code, message, detail? } }` with the status
 * from the catalogue. Fastify's own failures (schema, body size, rate limit) map onto our codes.
 */
import { ERRORS, type ErrorCode } from '@parley/protocol';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { RateLimitedError } from '../domain/limits/rateLimitedError.js';
import { errorBody, toErrorBody } from '../realtime/frames.js';

export function sendError(reply: FastifyReply, code: ErrorCode, detail?: string): FastifyReply {
  return reply.status(ERRORS[code].status).send({ error: errorBody(code, detail) });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      // The same body as on sockets (a rate limit carries its wait); HTTP also says it in the header.
      if (error instanceof RateLimitedError) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      return reply.status(ERRORS[error.code].status).send({ error: toErrorBody(error) });
    }
    if (error.validation || error.code === 'FST_ERR_VALIDATION') return sendError(reply, 'validation_failed', error.message);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return sendError(reply, 'payload_too_large');
    if (error.statusCode === 429) return sendError(reply, 'rate_limited');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendError(reply, 'bad_request', error.message);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, 'bad_request', error.message);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 'not_found', `${request.method} ${request.url.split('?')[0]}`));
}
