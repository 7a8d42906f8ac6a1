/**
 * Workspace users (everyone may list them, e.g. to reassign) and admin user management (I1).
 */
import { CreateUserSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../domain/context.js';
import { createUser } from '../../domain/users/createUser.js';
import { toUserSummary } from '../../domain/users/presenters.js';
import { listUsers } from '../../domain/users/queries.js';
import { requireAdmin, requireUser } from '../auth.js';

export async function userRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/users', { schema: { tags: ['inbox: users'], summary: 'Users of my workspace' }, preHandler: requireUser(ctx) }, async (request) => ({
    users: await listUsers(ctx, request.user!.workspace_id),
  }));

  app.post(
    '/api/admin/users',
    {
      schema: { tags: ['admin'], summary: 'Create a user with a password, or invite one (no password: returns a one-time invite URL)', body: CreateUserSchema },
      preHandler: requireAdmin(ctx),
    },
    async (request, reply) => {
      const { user, inviteToken } = await createUser(ctx, { workspaceId: request.user!.workspace_id, ...request.body });
      const inviteUrl = inviteToken ? `${ctx.config.publicUrl}/inbox/invite?token=${encodeURIComponent(inviteToken)}` : null;
      return reply.status(201).send({ user: toUserSummary(user), inviteUrl });
    },
  );
}
