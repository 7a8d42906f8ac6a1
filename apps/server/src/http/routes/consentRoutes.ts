/**
 * W10 consent: admins manage subscription types; a visitor records a consent answer (the text is
 * the chatflow's, taken on the server); agents read a contact's consents under the contact rules.
 */
import { CreateSubscriptionTypeSchema, IdParams, RecordConsentSchema, UpdateSubscriptionTypeSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { consentsOfContact, consentsOfConversation, recordConsent } from '../../domain/consents/consentRecords.js';
import { createSubscriptionType, listSubscriptionTypes, updateSubscriptionType } from '../../domain/consents/subscriptionTypes.js';
import { loadReadableContact } from '../../domain/contacts/contactPolicies.js';
import { requireAdmin, requireUser, requireVisitor } from '../auth.js';

export async function consentRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireAdmin(ctx);
  const user = requireUser(ctx);
  const tags = ['admin: subscription types'];

  app.get('/api/admin/subscription-types', { schema: { tags, summary: 'The workspace\'s subscription types by name; answers { subscriptionTypes } (admins)' }, preHandler: admin }, async (request) => ({
    subscriptionTypes: await listSubscriptionTypes(ctx.storage.db, request.user!.workspace_id),
  }));

  app.post(
    '/api/admin/subscription-types',
    { schema: { tags, summary: 'Create a subscription type (name unique in the workspace, else subscription_type_taken 409); answers { subscriptionType } (201, admins)', body: CreateSubscriptionTypeSchema }, preHandler: admin },
    async (request, reply) => reply.status(201).send({ subscriptionType: await createSubscriptionType(ctx, request.user!.workspace_id, request.body) }),
  );

  app.patch(
    '/api/admin/subscription-types/:id',
    { schema: { tags, summary: 'Rename or describe a subscription type; answers { subscriptionType } (admins)', params: IdParams, body: UpdateSubscriptionTypeSchema }, preHandler: admin },
    async (request) => ({ subscriptionType: await updateSubscriptionType(ctx, request.user!.workspace_id, request.params.id, request.body) }),
  );

  app.get(
    '/api/contacts/:id/consents',
    { schema: { tags: ['inbox: contacts'], summary: 'W10: the contact\'s consent answers, oldest first, with the exact text, language and time; answers { consents }', params: IdParams }, preHandler: user },
    async (request) => {
      await loadReadableContact(ctx.storage.db, request.user!, request.params.id);
      return { consents: await consentsOfContact(ctx.storage.db, request.params.id) };
    },
  );

  app.get(
    '/api/conversations/:id/consents',
    {
      schema: { tags: ['inbox: contacts'], summary: "W10 sidebar: the consent answers of the conversation's visitor (or of its contact's visitors), oldest first; for whoever may open the conversation; answers { consents }", params: IdParams },
      preHandler: user,
    },
    async (request) => ({ consents: await consentsOfConversation(ctx.storage.db, request.user!, request.params.id) }),
  );

  app.post(
    '/api/widget/consents',
    {
      schema: {
        tags: ['widget'],
        summary: 'W10: record the visitor\'s consent answer for the chatflow shown (cookie, dataProcessing, communications); the stored text and language are the chatflow\'s; answers { consent } (201)',
        body: RecordConsentSchema,
        security: [{ visitorToken: [] }],
      },
      preHandler: requireVisitor(ctx),
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => reply.status(201).send({ consent: await recordConsent(ctx, request.visitor!, request.body) }),
  );
}
