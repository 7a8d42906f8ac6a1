/**
 * Ticket properties (issue 12): agents who may act on a conversation (I3) set its priority,
 * category and custom properties; everyone signed in reads the workspace's custom property
 * definitions (the thread header needs them), only admins replace them.
 */
import { ConversationIdParams, PutTicketPropertyDefinitionsSchema, SetTicketPropertiesSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { TicketPropertyDefinition } from '@parley/protocol';
import type { AppContext } from '../../domain/context.js';
import { loadDefinitions, putDefinitions } from '../../domain/ticketProperties/definitions.js';
import { setTicketProperties } from '../../domain/ticketProperties/setTicketProperties.js';
import { requireAdmin, requireUser } from '../auth.js';

export async function ticketPropertyRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const user = requireUser(ctx);

  app.patch(
    '/api/conversations/:id/properties',
    {
      schema: {
        tags: ['inbox: conversations'],
        summary:
          'Set ticket properties: priority (low | normal | high | urgent), category (null or blank clears), custom properties by key (null or blank removes). Only given fields change. An undefined key → unknown_ticket_property, a value outside a select\'s options → invalid_ticket_property_value (400, nothing changed). Announced to the inbox as conversation.properties_changed, never to the visitor; answers { conversation }',
        params: ConversationIdParams,
        body: SetTicketPropertiesSchema,
      },
      preHandler: user,
    },
    async (request) => ({ conversation: await setTicketProperties(ctx, request.user!, request.params.id, request.body) }),
  );

  const tags = ['admin: ticket properties'];

  app.get('/api/admin/ticket-properties', { schema: { tags, summary: "The workspace's custom ticket properties, in display order; answers { definitions }" }, preHandler: user }, async (request) => ({
    definitions: await loadDefinitions(ctx.storage.db, request.user!.workspace_id),
  }));

  app.put(
    '/api/admin/ticket-properties',
    {
      schema: {
        tags,
        summary:
          'Replace the custom ticket properties (admins). Each has a key, a label and a type: text, or select with its options. Repeated keys or options, a select without options or a text with some → invalid_ticket_property_definitions (400, nothing changed); answers { definitions }',
        body: PutTicketPropertyDefinitionsSchema,
      },
      preHandler: requireAdmin(ctx),
    },
    async (request) => ({ definitions: await putDefinitions(ctx, request.user!, request.body.definitions as TicketPropertyDefinition[]) }),
  );
}
