import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { sendError } from '../errors.js';

/** Liveness: the process answers. Readiness: storage answers and we are not shutting down. */
export async function healthRoutes(app: FastifyInstance, ctx: AppContext, isShuttingDown: () => boolean): Promise<void> {
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness probe' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], summary: 'Readiness probe (storage reachable, not draining)' } }, async (_request, reply) => {
    if (isShuttingDown()) return sendError(reply, 'not_ready', 'shutting down');
    try {
      await sql`select 1`.execute(ctx.storage.db);
    } catch {
      return sendError(reply, 'not_ready', 'storage unreachable');
    }
    return { status: 'ready', storage: ctx.storage.driver.name };
  });
}
