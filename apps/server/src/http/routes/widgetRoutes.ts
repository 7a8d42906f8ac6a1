/**
 * Routes for the widget (W1, W12, W13). Visitors authenticate with a bearer visitor token, never
 * cookies, so these routes may answer any origin (CORS `*`) without CSRF exposure. The socket
 * offers the same commands; these exist for clients without WebSockets and for the API.
 */
import { ConversationIdParams, WidgetAvailabilityQuerySchema, WidgetConfigQuerySchema, WidgetMessageSchema, WidgetSessionSchema } from '@parley/protocol/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { firstPublishedChatflow } from '../../domain/chatflows/queries.js';
import { closeConversation } from '../../domain/conversations/closeConversation.js';
import { visitorConversationFor } from '../../domain/branding/agentAlias.js';
import { latestVisitorConversation } from '../../domain/conversations/queries.js';
import { sendVisitorMessage } from '../../domain/conversations/sendVisitorMessage.js';
import type { AppContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { isOriginAllowed } from '../../domain/sites/origins.js';
import { findSiteByKey } from '../../domain/sites/queries.js';
import { noteWidgetSeen } from '../../domain/sites/widgetSeen.js';
import { startVisitorSession } from '../../domain/visitors/visitorSessions.js';
import { configForChatflow, configForPageView } from '../../domain/widget/widgetConfig.js';
import type { SiteRow } from '../../storage/schema.js';
import { optionalVisitor, requireVisitor } from '../auth.js';
import type { AvailabilityStreams } from '../../realtime/availabilityStreams.js';

const tags = ['widget'];
const bearer = [{ visitorToken: [] }];

export async function widgetRoutes(base: FastifyInstance, ctx: AppContext, availability: AvailabilityStreams): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireVisitor(ctx);
  const publicOrigin = new URL(ctx.config.publicUrl).origin;

  /** The site of a widget request, refused when the page's origin is not one the site allows. */
  async function siteFor(request: FastifyRequest, siteKey: string): Promise<SiteRow> {
    const site = await findSiteByKey(ctx, siteKey);
    if (!isOriginAllowed(site, request.headers.origin, publicOrigin)) throw new DomainError('origin_not_allowed');
    return site;
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/widget/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  app.options('/api/widget/*', { schema: { hide: true } }, async (_request, reply) => reply.status(204).send());

  app.get(
    '/api/widget/config',
    {
      schema: {
        tags,
        summary:
          'The widget config for one page view: the first published chatflow by priority whose targeting matches url, device and visitor (bearer token optional), or config: null. With chatflowId: that chatflow while it is published (public)',
        querystring: WidgetConfigQuerySchema,
      },
    },
    async (request) => {
      const { siteKey, url, device, chatflowId } = request.query;
      const site = await siteFor(request, siteKey);
      // A page outside Parley loaded the widget: the Install page says the snippet works.
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== publicOrigin) noteWidgetSeen(ctx, site.id, url ?? origin);
      const found = await optionalVisitor(ctx, request);
      const visitor = found && found.site_id === site.id ? found : null;
      const config = chatflowId !== undefined ? await configForChatflow(ctx, site, chatflowId, visitor) : await configForPageView(ctx, site, { url, device, visitor });
      return { config };
    },
  );

  app.get(
    '/api/widget/availability',
    {
      schema: {
        tags,
        summary:
          "Server-sent events: the chatflow's availability (W7) now and on every change, and a config event when the chatflow is edited, unpublished or deleted (public)",
        querystring: WidgetAvailabilityQuerySchema,
      },
    },
    async (request, reply) => {
      const site = await siteFor(request, request.query.siteKey);
      const chatflowId = request.query.chatflowId;
      // Any chatflow of the site, published or not: a loader that shows one that was just
      // unpublished must still hear about it. Older loaders name none: the first published one.
      const chatflow =
        chatflowId !== undefined
          ? await ctx.storage.db.selectFrom('chatflows').select('id').where('id', '=', chatflowId).where('site_id', '=', site.id).executeTakeFirst()
          : await firstPublishedChatflow(ctx.storage.db, site.id);
      if (!chatflow) throw new DomainError('not_found', chatflowId !== undefined ? 'no such chatflow on this site' : 'the site has no published chatflow');
      if (!availability.reserve(request.ip)) throw new DomainError('rate_limited', 'too many open availability streams from this address');
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'access-control-allow-origin': '*',
        // Proxies must not buffer the stream.
        'x-accel-buffering': 'no',
      });
      await availability.add(site.workspace_id, chatflow.id, reply.raw, request.ip);
    },
  );

  app.post(
    '/api/widget/session',
    {
      schema: { tags, summary: 'Start or resume an anonymous visitor session; returns the visitor token', body: WidgetSessionSchema },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { visitor, visitorToken } = await startVisitorSession(ctx, { ...request.body, userAgent: request.headers['user-agent'] });
      return { visitorId: visitor.id, visitorToken };
    },
  );

  app.get('/api/widget/conversation', { schema: { tags, summary: "The visitor's latest conversation and thread", security: bearer }, preHandler }, async (request) =>
    latestVisitorConversation(ctx.storage.db, request.visitor!.id),
  );

  app.post(
    '/api/widget/messages',
    { schema: { tags, summary: 'Send a message (starts a conversation when none is open)', body: WidgetMessageSchema, security: bearer }, preHandler },
    async (request, reply) => {
      const result = await sendVisitorMessage(ctx, request.visitor!, request.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.post(
    '/api/widget/conversations/:id/end',
    { schema: { tags, summary: 'End the chat (final)', params: ConversationIdParams, security: bearer }, preHandler },
    async (request) => ({
      conversation: await visitorConversationFor(ctx.storage.db, await closeConversation(ctx, { kind: 'visitor', visitor: request.visitor! }, request.params.id)),
    }),
  );
}
