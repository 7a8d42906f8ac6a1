/**
 * Sites (A2 Install): everyone signed in may read them (with their chatflows, the snippet and when
 * the widget last loaded there); admins and users granted `chatflows:edit` may change them.
 */
import { ChatflowOrderSchema, IdParams, SiteSchema, UpdateSiteSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { reorderChatflows } from '../../domain/chatflows/reorderChatflows.js';
import type { AppContext } from '../../domain/context.js';
import { createSite } from '../../domain/sites/createSite.js';
import { listAdminSites } from '../../domain/sites/queries.js';
import { updateSite } from '../../domain/sites/updateSite.js';
import { requireChatflowEditor, requireUser } from '../auth.js';

const tags = ['admin: sites'];

export async function siteRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const editor = requireChatflowEditor(ctx);

  app.get(
    '/api/admin/sites',
    {
      schema: { tags, summary: "Sites of my workspace: snippet, when the widget last loaded there, requireIdentityVerification, their chatflows by priority, and (admins only) each site's identity-hash secret" },
      preHandler: requireUser(ctx),
    },
    async (request) => ({ sites: await listAdminSites(ctx, request.user!.workspace_id, { withSecret: request.user!.role === 'admin' }) }),
  );

  app.post(
    '/api/admin/sites',
    { schema: { tags, summary: 'Add a site (with one unpublished chatflow to edit)', body: SiteSchema }, preHandler: editor },
    async (request, reply) => reply.status(201).send({ site: await createSite(ctx, request.user!.workspace_id, request.body) }),
  );

  app.patch(
    '/api/admin/sites/:id',
    { schema: { tags, summary: "Rename a site or change its allowed origins (bare http(s) origins; empty = any)", params: IdParams, body: UpdateSiteSchema }, preHandler: editor },
    async (request) => ({ site: await updateSite(ctx, request.user!.workspace_id, request.params.id, request.body) }),
  );

  app.put(
    '/api/admin/sites/:id/chatflow-order',
    { schema: { tags, summary: "Set the order of a site's chatflows (every chatflow of the site once, first shown first)", params: IdParams, body: ChatflowOrderSchema }, preHandler: editor },
    async (request) => ({ chatflows: await reorderChatflows(ctx, request.user!.workspace_id, request.params.id, request.body.chatflowIds) }),
  );
}
