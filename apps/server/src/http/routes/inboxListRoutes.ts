/**
 * Inbox lists (I3, I5): a page of a view or team view with filters and a cursor, reassigning to
 * a team, and the workspace's "agents see All" setting (admins). Validate → authorize → command
 * → present, as everywhere; the list rules live in domain/conversations/listAccess.ts.
 */
import { ConversationIdParams, ConversationListQuerySchema, InboxSettingsBodySchema, TeamAssignBodySchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { assignToTeam } from '../../domain/conversations/assignTeam.js';
import { listConversations } from '../../domain/conversations/conversationLists.js';
import type { AppContext } from '../../domain/context.js';
import { loadInboxSettings, saveInboxSettings } from '../../domain/workspaces/inboxSettings.js';
import { requireAdmin, requireUser } from '../auth.js';

export async function inboxListRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);
  const adminOnly = requireAdmin(ctx);

  app.get(
    '/api/conversations',
    {
      schema: {
        tags: ['inbox: conversations'],
        summary: 'A page of a view (or a team view) with filters; pass nextCursor back as cursor for the next page',
        querystring: ConversationListQuerySchema,
      },
      preHandler,
    },
    async (request) => {
      const { assignee, ...rest } = request.query;
      return listConversations(ctx, request.user!, { ...rest, ...(assignee === undefined ? {} : { assignee: assignee === 'unassigned' ? 'unassigned' : Number(assignee) }) });
    },
  );

  app.post(
    '/api/conversations/:id/team',
    {
      schema: { tags: ['inbox: conversations'], summary: "Reassign to a team: unassigned within it and routed to its members", params: ConversationIdParams, body: TeamAssignBodySchema },
      preHandler,
    },
    async (request) => ({ conversation: await assignToTeam(ctx, request.user!, request.params.id, request.body.teamId) }),
  );

  app.get('/api/admin/inbox-settings', { schema: { tags: ['admin'], summary: 'Inbox settings of the workspace' }, preHandler: adminOnly }, async (request) =>
    loadInboxSettings(ctx, request.user!.workspace_id),
  );

  app.put(
    '/api/admin/inbox-settings',
    { schema: { tags: ['admin'], summary: 'Change the inbox settings (agentsSeeAll: agents get the All view)', body: InboxSettingsBodySchema }, preHandler: adminOnly },
    async (request) => saveInboxSettings(ctx, request.user!.workspace_id, request.body),
  );
}
