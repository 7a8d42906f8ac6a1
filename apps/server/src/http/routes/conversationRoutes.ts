/**
 * The inbox's conversation routes (I3, I5, I6). Each is validate → authorize → command → present;
 * the policies live in domain/conversations/policies.ts and apply to sockets too.
 */
import { AssignBodySchema, ConversationIdParams, PostMessageSchema, SnoozeBodySchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { assignConversation } from '../../domain/conversations/assignConversation.js';
import { closeConversation } from '../../domain/conversations/closeConversation.js';
import { countViews, getThread } from '../../domain/conversations/queries.js';
import { sendAgentMessage } from '../../domain/conversations/sendAgentMessage.js';
import { snoozeConversation, unsnoozeConversation } from '../../domain/conversations/snooze.js';
import type { AppContext } from '../../domain/context.js';
import { requireUser } from '../auth.js';
import { inboxListRoutes } from './inboxListRoutes.js';

const tags = ['inbox: conversations'];

export async function conversationRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  // The lists, team reassignment and the All setting have their own file.
  await inboxListRoutes(base, ctx);

  app.get('/api/conversations/counts', { schema: { tags, summary: 'Live counts of every view' }, preHandler }, async (request) =>
    countViews(ctx, request.user!),
  );

  app.get(
    '/api/conversations/:id',
    { schema: { tags, summary: 'A conversation with its thread (403 when assigned to another user)', params: ConversationIdParams }, preHandler },
    async (request) => getThread(ctx, request.user!, request.params.id),
  );

  app.post(
    '/api/conversations/:id/messages',
    { schema: { tags, summary: 'Reply (idempotent per clientMessageId)', params: ConversationIdParams, body: PostMessageSchema }, preHandler },
    async (request, reply) => {
      const result = await sendAgentMessage(ctx, request.user!, request.params.id, request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.post(
    '/api/conversations/:id/assign',
    { schema: { tags, summary: 'Assign to a user, or back to Unassigned with null', params: ConversationIdParams, body: AssignBodySchema }, preHandler },
    async (request) => ({ conversation: await assignConversation(ctx, request.user!, request.params.id, request.body.userId) }),
  );

  app.post('/api/conversations/:id/close', { schema: { tags, summary: 'Close (final)', params: ConversationIdParams }, preHandler }, async (request) => ({
    conversation: await closeConversation(ctx, { kind: 'user', user: request.user! }, request.params.id),
  }));

  app.post(
    '/api/conversations/:id/snooze',
    { schema: { tags, summary: 'Snooze until a time (epoch ms, in the future, at most a year ahead)', params: ConversationIdParams, body: SnoozeBodySchema }, preHandler },
    async (request) => ({ conversation: await snoozeConversation(ctx, request.user!, request.params.id, request.body.until) }),
  );

  app.post('/api/conversations/:id/unsnooze', { schema: { tags, summary: 'Wake a snoozed conversation now', params: ConversationIdParams }, preHandler }, async (request) => ({
    conversation: await unsnoozeConversation(ctx, request.user!, request.params.id),
  }));
}
