/**
 * Contacts (issue 10) for signed-in users: list and search, one contact with its conversations,
 * timeline and leads, edit, and the A10 data rights (export, delete: admins), the sidebar read of
 * a conversation's contact (I7), and the workspace retention policy (admins). The domain applies
 * the contact read rule (domain/contacts/contactPolicies.ts) to every call.
 */
import { ContactQuerySchema, CreateConversationContactSchema, IdParams, RetentionSchema, UpdateContactSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { contactFromConversation } from '../../domain/contacts/contactFromConversation.js';
import { deleteContact } from '../../domain/contacts/deleteContact.js';
import { exportContact } from '../../domain/contacts/exportContact.js';
import { getContactDetail, getConversationContact, listContacts } from '../../domain/contacts/contactQueries.js';
import { getRetention, setRetention } from '../../domain/contacts/retention.js';
import { updateContact } from '../../domain/contacts/updateContact.js';
import { requireAdmin, requireUser } from '../auth.js';

const tags = ['inbox: contacts'];
const READ_RULE = 'admins: every contact; agents: a contact with no conversation, or one with a conversation they may open (I3)';

export async function contactRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  app.get(
    '/api/contacts',
    { schema: { tags, summary: `Contacts, newest first; query matches every space-separated piece in the name, email or phone (case-insensitive). ${READ_RULE}. Answers { contacts }`, querystring: ContactQuerySchema }, preHandler },
    async (request) => ({ contacts: await listContacts(ctx, request.user!, request.query.query, request.query.limit) }),
  );

  app.get(
    '/api/contacts/:id',
    { schema: { tags, summary: `One contact: { contact, conversations (those I may open), events (timeline, newest first), leads }. ${READ_RULE}; else forbidden`, params: IdParams }, preHandler },
    async (request) => getContactDetail(ctx, request.user!, request.params.id),
  );

  app.patch(
    '/api/contacts/:id',
    {
      schema: { tags, summary: `Edit a contact (I7; also when its chats are closed): fields sent change, null clears. Another contact's email → contact_email_taken (409). ${READ_RULE}. Answers { contact }`, params: IdParams, body: UpdateContactSchema },
      preHandler,
    },
    async (request) => ({ contact: await updateContact(ctx, request.user!, request.params.id, request.body) }),
  );

  app.delete(
    '/api/contacts/:id',
    { schema: { tags, summary: 'A10 erasure (admins): the contact, their conversations, messages, attachments, timeline, leads/deals and the identifying data of their visitors (204)', params: IdParams }, preHandler },
    async (request, reply) => {
      await deleteContact(ctx, request.user!, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/contacts/:id/export',
    { schema: { tags, summary: 'A10 export (admins): { exportedAt, contact, conversations: [{ conversation, messages }], events, leads, consents } as a JSON download', params: IdParams }, preHandler },
    async (request, reply) => {
      const data = await exportContact(ctx, request.user!, request.params.id);
      return reply.header('content-disposition', `attachment; filename="contact-${request.params.id}.json"`).send(data);
    },
  );

  app.get(
    '/api/conversations/:id/contact',
    {
      schema: { tags, summary: "The I7 sidebar: the conversation's contact (null until the visitor is one), the contact's conversations I may open, its timeline and leads; for whoever may open the conversation", params: IdParams },
      preHandler,
    },
    async (request) => getConversationContact(ctx, request.user!, request.params.id),
  );

  app.post(
    '/api/conversations/:id/contact',
    {
      schema: {
        tags,
        summary:
          "I7: make the conversation's visitor a contact from the inbox: links the contact with this email (any case) or makes one (names only for a new one). A visitor that is a contact already → contact_already_linked (409); a contact I may not read → contact_email_taken (409). For whoever may open the conversation. Answers { contact } (201)",
        params: IdParams,
        body: CreateConversationContactSchema,
      },
      preHandler,
    },
    async (request, reply) => reply.status(201).send({ contact: await contactFromConversation(ctx, request.user!, request.params.id, request.body) }),
  );

  app.get('/api/admin/retention', { schema: { tags, summary: 'A10 retention policy: { retentionDays } (null = keep forever)' }, preHandler: requireAdmin(ctx) }, async (request) =>
    getRetention(ctx, request.user!.workspace_id),
  );

  app.put(
    '/api/admin/retention',
    {
      schema: { tags, summary: 'Set the A10 retention policy (admins): closed conversations older than retentionDays days are deleted by a daily durable deadline; null keeps them. Answers { retentionDays }', body: RetentionSchema },
      preHandler: requireAdmin(ctx),
    },
    async (request) => setRetention(ctx, request.user!.workspace_id, request.body.retentionDays),
  );
}
