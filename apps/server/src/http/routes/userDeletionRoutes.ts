/**
 * I1: an admin deletes a user (not themselves, not the last admin). Their sessions end in the
 * same transaction; the signal closes their open sockets on every node at once.
 */
import { IdParams } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { deleteUser } from '../../domain/users/deleteUser.js';
import { publishSessionEnded } from '../../realtime/sessionSignals.js';
import { requireAdmin } from '../auth.js';

export async function userDeletionRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.delete(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Delete a user (204): signed out everywhere, their open chats back to Unassigned and routed again, never routed to again; their messages keep their name. Yourself → cannot_delete_self, the last admin → validation_failed',
        params: IdParams,
      },
      preHandler: requireAdmin(ctx),
    },
    async (request, reply) => {
      const admin = request.user!;
      await deleteUser(ctx, admin, request.params.id);
      await publishSessionEnded(ctx.pubsub, { workspaceId: admin.workspace_id, userId: request.params.id }).catch((error: unknown) =>
        request.log.error({ err: error }, 'session-ended signal failed'),
      );
      return reply.status(204).send();
    },
  );
}
