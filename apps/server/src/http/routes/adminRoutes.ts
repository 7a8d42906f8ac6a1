/**
 * Admin routes (A1, A3, A7): edit users (role, skills, capacity, grants), teams, and finish the
 * setup wizard. Chatflows and sites have their own routes (chatflowRoutes.ts, siteRoutes.ts).
 */
import { IdParams, TeamSchema, UpdateUserSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../domain/context.js';
import { deleteTeam, saveTeam } from '../../domain/teams/teams.js';
import { updateUser } from '../../domain/users/updateUser.js';
import { completeSetup } from '../../domain/workspaces/setup.js';
import { requireAdmin } from '../auth.js';

const tags = ['admin'];

export async function adminRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireAdmin(ctx);

  app.patch(
    '/api/admin/users/:id',
    { schema: { tags, summary: "Change a user's name, role, skills, capacity or permissions (e.g. ['chatflows:edit']), or deactivate (active: false) / reactivate them", params: IdParams, body: UpdateUserSchema }, preHandler },
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

  app.post(
    '/api/admin/setup/complete',
    { schema: { tags, summary: 'Mark the setup wizard finished (or skipped): admins are no longer sent to it (A1)' }, preHandler },
    async (request) => ({ workspace: await completeSetup(ctx, request.user!.workspace_id) }),
  );
}
