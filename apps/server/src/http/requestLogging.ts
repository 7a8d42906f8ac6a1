/**
 * What request logs may say. Logs are read by more people and kept longer than the data they
 * describe, so secrets in URLs (the invite link's `?token=`, anything shaped like a credential)
 * are replaced before a line is written. Probes (/healthz, /readyz, /metrics) arrive every few
 * seconds and say nothing new: they are logged at debug, so info shows what people did.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);
/** Query parameter names that carry credentials. A site key is public (it is in the embed snippet). */
const SECRET_PARAM = /token|secret|pass(word)?|pwd|auth|session|sig(nature)?|code|credential|api[-_]?key|access[-_]?key|private/i;
export const REDACTED = '[redacted]';

/** The URL with the value of every credential-like query parameter replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape is logged by its raw name.
      }
      return eq >= 0 && SECRET_PARAM.test(name) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

function isProbe(request: FastifyRequest): boolean {
  return PROBES.has(request.url.split('?')[0]!);
}

/** Fastify's request summary, with the URL redacted. */
function requestSummary(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url ?? ''),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * The logger Fastify writes request lines with: the node's logger with the redacting `req`
 * serializer, which also covers Fastify's own error lines that include the request.
 */
export function requestLogger(log: Logger): Logger {
  return log.child({}, { serializers: { req: requestSummary } });
}

/** Fastify's request log lines, with probes at debug instead of info. */
export class ParleyLogController extends LogController {
  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (isProbe(request)) request.log.debug({ req: request }, 'incoming request');
    else super.incomingRequest(request, reply);
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (!error && isProbe(request)) reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
    else super.requestCompleted(error, request, reply);
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info(`Route ${request.method}:${redactUrl(request.url)} not found`);
  }
}
