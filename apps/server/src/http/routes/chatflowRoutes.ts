/**
 * Chatflows (A2): everyone signed in may read them; admins and users granted `chatflows:edit`
 * may change them (A3). Validation of targeting and settings is the engine's, in the domain.
 */
import { ChatflowListQuerySchema, CreateChatflowDocumentedSchema, CreateChatflowSchema, IdParams, UpdateChatflowDocumentedSchema, UpdateChatflowSchema } from '@parley/protocol/schemas';
import type { CreateChatflowRequest, UpdateChatflowRequest } from '@parley/protocol';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createChatflow } from '../../domain/chatflows/createChatflow.js';
import { deleteChatflow } from '../../domain/chatflows/deleteChatflow.js';
import { duplicateChatflow } from '../../domain/chatflows/duplicateChatflow.js';
import { toChatflow } from '../../domain/chatflows/presenters.js';
import { listChatflows, loadLiveChatflow } from '../../domain/chatflows/queries.js';
import { updateChatflow } from '../../domain/chatflows/updateChatflow.js';
import type { AppContext } from '../../domain/context.js';
import { requireChatflowEditor, requireUser } from '../auth.js';
import { documentBodyAs } from '../documentedBody.js';

const tags = ['admin: chatflows'];

/**
 * The schema checks a targeting rule's shape loosely (which keys each field needs is the
 * engine's `validateTargeting`, with better messages) and a flow only by its length (the engine's
 * `validateFlow` names the card); the domain command runs those checks before anything reads
 * them, so the body may be typed as the contract here.
 */
function asChatflowInput<T>(body: unknown): T {
  return body as T;
}

export async function chatflowRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const reader = requireUser(ctx);
  const editor = requireChatflowEditor(ctx);

  app.get(
    '/api/admin/chatflows',
    { schema: { tags, summary: 'Chatflows of my workspace (or of one site), by site and priority', querystring: ChatflowListQuerySchema }, preHandler: reader },
    async (request) => ({ chatflows: await listChatflows(ctx.storage.db, request.user!.workspace_id, request.query.siteId) }),
  );

  app.post(
    '/api/admin/chatflows',
    {
      schema: { tags, summary: 'Create a chatflow on a site (unpublished, last in priority, in English and with the default flow unless given); an invalid flow is refused with invalid_flow naming the card', body: CreateChatflowSchema },
      config: documentBodyAs(CreateChatflowDocumentedSchema),
      preHandler: editor,
    },
    async (request, reply) => reply.status(201).send({ chatflow: await createChatflow(ctx, request.user!.workspace_id, asChatflowInput<CreateChatflowRequest>(request.body)) }),
  );

  app.get('/api/admin/chatflows/:id', { schema: { tags, summary: 'One chatflow', params: IdParams }, preHandler: reader }, async (request) => ({
    chatflow: toChatflow(await loadLiveChatflow(ctx.storage.db, request.user!.workspace_id, request.params.id)),
  }));

  app.patch(
    '/api/admin/chatflows/:id',
    {
      schema: {
        tags,
        summary: 'Change a chatflow: name, published, priority, language, settings (merged field by field), targeting, routing, availability, flow (ids kept, missing ones assigned; invalid_flow names the card)',
        params: IdParams,
        body: UpdateChatflowSchema,
      },
      config: documentBodyAs(UpdateChatflowDocumentedSchema),
      preHandler: editor,
    },
    async (request) => ({ chatflow: await updateChatflow(ctx, request.user!.workspace_id, request.params.id, asChatflowInput<UpdateChatflowRequest>(request.body)) }),
  );

  app.delete('/api/admin/chatflows/:id', { schema: { tags, summary: 'Delete a chatflow (its conversations keep it)', params: IdParams }, preHandler: editor }, async (request, reply) => {
    await deleteChatflow(ctx, request.user!.workspace_id, request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/admin/chatflows/:id/duplicate',
    { schema: { tags, summary: 'Copy a chatflow (unpublished, named "… (copy)", last in priority, its flow\'s cards with new ids)', params: IdParams }, preHandler: editor },
    async (request, reply) => reply.status(201).send({ chatflow: await duplicateChatflow(ctx, request.user!.workspace_id, request.params.id) }),
  );
}
