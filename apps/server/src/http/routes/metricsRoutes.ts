import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import type { Metrics } from '../../operations/metrics.js';
import { sendError } from '../errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * GET /metrics in Prometheus text format. Open to loopback scrapers; from elsewhere it needs
 * `Authorization: Bearer $PARLEY_METRICS_TOKEN` (and is closed when no token is configured).
 */
export async function metricsRoutes(app: FastifyInstance, ctx: AppContext, metrics: Metrics): Promise<void> {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics (loopback, or bearer PARLEY_METRICS_TOKEN)' } }, async (request, reply) => {
    const token = ctx.config.metricsToken;
    const authorized = token ? request.headers.authorization === `Bearer ${token}` : LOOPBACK.has(request.socket.remoteAddress ?? '');
    if (!authorized) return sendError(reply, 'forbidden', 'metrics are for the operator');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
