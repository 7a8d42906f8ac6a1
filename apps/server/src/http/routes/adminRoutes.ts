/**
 * Admin routes for routing setup (A2, A3, A7): edit users (role, skills, capacity), teams, and a
 * chatflow's widget, routing and availability settings.
 */
import { IdParams, TeamSchema, UpdateChatflowSchema, UpdateUserSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../domain/context.js';
import { updateChatflow } from '../../domain/sites/updateChatflow.js';
import { deleteTeam, saveTeam } from '../../domain/teams/teams.js';
import { updateUser } from '../../domain/users/updateUser.js';
import { requireAdmin } from '../auth.js';

const tags = ['admin'];

export async function adminRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireAdmin(ctx);

  app.patch(
    '/api/admin/users/:id',
    { schema: { tags, summary: "Change a user's name, role, skills or capacity, or deactivate (active: false) / reactivate them", params: IdParams, body: UpdateUserSchema }, preHandler },
    async (request) => ({ user: await updateUser(ctx, request.user!, request.params.id, request.body) }),
  );

  app.post('/api/admin/teams', { schema: { tags, summary: 'Create a team', body: TeamSchema }, preHandler }, async (request, reply) =>
    reply.status(201).send({ team: await saveTeam(ctx, request.user!.workspace_id, null, request.body) }),
  );

  app.put('/api/admin/teams/:id', { schema: { tags, summary: "Rename a team and set its members", params: IdParams, body: TeamSchema }, preHandler }, async (request) => ({
    team: await saveTeam(ctx, request.user!.workspace_id, request.params.id, request.body),
  }));

  app.delete('/api/admin/teams/:id', { schema: { tags, summary: 'Delete a team', params: IdParams }, preHandler }, async (request, reply) => {
    await deleteTeam(ctx, request.user!.workspace_id, request.params.id);
    return reply.status(204).send();
  });

  app.patch(
    '/api/admin/chatflows/:id',
    { schema: { tags, summary: "Replace a chatflow's widget, routing or availability settings", params: IdParams, body: UpdateChatflowSchema }, preHandler },
    async (request) => ({ chatflow: await updateChatflow(ctx, request.user!.workspace_id, request.params.id, request.body) }),
  );
}
