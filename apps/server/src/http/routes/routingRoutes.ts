/**
 * The inbox's routing routes (I4, I5, I7): my pending offers with accept/decline, the teams list
 * for reassigning, and the contact owner. The socket has the same offer commands.
 */
import { IdParams, OwnerSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../domain/context.js';
import { acceptOffer, declineOffer, pendingOffersFor } from '../../domain/routing/offers.js';
import { listTeams } from '../../domain/teams/teams.js';
import { setVisitorOwner } from '../../domain/visitors/setOwner.js';
import { requireUser } from '../auth.js';

const tags = ['inbox: routing'];

export async function routingRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  app.get('/api/offers', { schema: { tags, summary: 'My pending chat offers, oldest first' }, preHandler }, async (request) => ({
    offers: await pendingOffersFor(ctx, request.user!.id),
  }));

  app.post(
    '/api/offers/:id/accept',
    { schema: { tags, summary: 'Accept an offer made to me (409 offer_unavailable when it is no longer open)', params: IdParams }, preHandler },
    async (request) => ({ conversation: await acceptOffer(ctx, request.user!, request.params.id) }),
  );

  app.post(
    '/api/offers/:id/decline',
    { schema: { tags, summary: 'Decline an offer made to me; the next eligible user is tried', params: IdParams }, preHandler },
    async (request) => {
      await declineOffer(ctx, request.user!, request.params.id);
      return {};
    },
  );

  app.get('/api/teams', { schema: { tags, summary: 'Teams of my workspace' }, preHandler }, async (request) => ({
    teams: await listTeams(ctx.storage.db, request.user!.workspace_id),
  }));

  app.put(
    '/api/conversations/:id/owner',
    { schema: { tags, summary: "Set the contact owner of the conversation's visitor", params: IdParams, body: OwnerSchema }, preHandler },
    async (request) => ({ conversation: await setVisitorOwner(ctx, request.user!, request.params.id, request.body.userId) }),
  );
}
