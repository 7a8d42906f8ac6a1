import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import type { Metrics } from '../../operations/metrics.js';
import { sendError } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = createHash('sha256').update(header ?? '').digest();
  const expected = createHash('sha256').update(`Bearer ${token}`).digest();
  return timingSafeEqual(given, expected);
}

/**
 * GET /metrics in Prometheus text format. With a token configured it always needs
 * `Authorization: Bearer $PARLEY_METRICS_TOKEN`. Without one it is open to loopback scrapers
 * only, and only when Parley is not behind a reverse proxy: a proxy on the same host makes every
 * visitor's request arrive from loopback, so with PARLEY_TRUST_PROXY on the token is required.
 */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext, metrics: Metrics): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics (bearer PARLEY_METRICS_TOKEN; loopback without a token unless behind a proxy)' } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    if (!token && ctx.config.trustProxy) {
      return sendError(reply, 'forbidden', 'behind a reverse proxy every request looks local: set PARLEY_METRICS_TOKEN and scrape with it');
    }
    const authorized = token ? bearerMatches(request.headers.authorization, token) : LOOPBACK.has(request.socket.remoteAddress ?? '');
    if (!authorized) return sendError(reply, 'forbidden', 'metrics are for the operator');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
