/**
 * I9 search for signed-in users. The domain applies the inbox's read policy, so the route only
 * validates (1–200 characters) and presents.
 */
import { SearchQuerySchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { search } from '../../domain/search/search.js';
import { requireUser } from '../auth.js';

export async function searchRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['inbox: search'],
        summary: 'Search messages and contacts: { conversations, contacts }, only conversations the user may open',
        querystring: SearchQuerySchema,
      },
      preHandler: requireUser(ctx),
    },
    async (request) => search(ctx, request.user!, request.query.q, { limit: request.query.limit }),
  );
}
