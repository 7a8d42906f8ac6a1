/**
 * Leads and deals (I7, Pipedrive): created from a conversation without closing it (a timestamped
 * internal line goes in the thread), listed per kind. Whoever may open the conversation may create
 * one; lists show those whose conversation the user may open.
 */
import { CreateLeadSchema, IdParams, LeadListQuerySchema, UpdateLeadSchema } from '@parley/protocol/schemas';
import type { LeadKind } from '@parley/protocol';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { createLead } from '../../domain/leads/createLead.js';
import { listLeads } from '../../domain/leads/leadQueries.js';
import { updateLead } from '../../domain/leads/updateLead.js';
import { requireUser } from '../auth.js';

const tags = ['inbox: leads and deals'];

export async function leadRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  for (const kind of ['lead', 'deal'] as const satisfies readonly LeadKind[]) {
    app.post(
      `/api/conversations/:id/${kind}s`,
      {
        schema: {
          tags,
          summary: `Create a ${kind} from this conversation (open or closed; it stays so): title, organization (default: the contact's), value + currency, expected close date, note, status. Adds an internal "${kind === 'lead' ? 'Lead' : 'Deal'} created: <title>" line. Answers { lead } (201)`,
          params: IdParams,
          body: CreateLeadSchema,
        },
        preHandler,
      },
      async (request, reply) => reply.status(201).send({ lead: await createLead(ctx, request.user!, request.params.id, kind, request.body) }),
    );

    app.get(
      `/api/${kind}s`,
      { schema: { tags, summary: `${kind === 'lead' ? 'Leads' : 'Deals'}, newest first, optionally by status; those whose conversation I may open. Answers { leads }`, querystring: LeadListQuerySchema }, preHandler },
      async (request) => ({ leads: await listLeads(ctx, request.user!, kind, request.query) }),
    );

    app.patch(
      `/api/${kind}s/:id`,
      { schema: { tags, summary: `Edit a ${kind} (status open/won/lost, title, value, …); whoever may open its conversation. Answers { lead }`, params: IdParams, body: UpdateLeadSchema }, preHandler },
      async (request) => ({ lead: await updateLead(ctx, request.user!, kind, request.params.id, request.body) }),
    );
  }
}
