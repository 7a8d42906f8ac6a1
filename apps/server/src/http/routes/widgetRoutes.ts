/**
 * Routes for the widget (W1, W12, W13). Visitors authenticate with a bearer visitor token, never
 * cookies, so these routes may answer any origin (CORS `*`) without CSRF exposure. The socket
 * offers the same commands; these exist for clients without WebSockets and for the API.
 */
import { ConversationIdParams, SiteKeyQuerySchema, WidgetMessageSchema, WidgetSessionSchema } from '@parley/protocol/schemas';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { closeConversation } from '../../domain/conversations/closeConversation.js';
import { toVisitorConversation } from '../../domain/conversations/presenters.js';
import { latestVisitorConversation } from '../../domain/conversations/queries.js';
import { sendVisitorMessage } from '../../domain/conversations/sendVisitorMessage.js';
import type { AppContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { findSiteForWidget, isOriginAllowed, toWidgetConfig } from '../../domain/sites/queries.js';
import { startVisitorSession } from '../../domain/visitors/visitorSessions.js';
import { requireVisitor } from '../auth.js';
import { widgetAvailability } from '../../domain/availability/widgetAvailability.js';
import type { AvailabilityStreams } from '../../realtime/availabilityStreams.js';

const tags = ['widget'];
const bearer = [{ visitorToken: [] }];

export async function widgetRoutes(base: FastifyInstance, ctx: AppContext, availability: AvailabilityStreams): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireVisitor(ctx);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/widget/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-max-age', '600');
  });
  app.options('/api/widget/*', { schema: { hide: true } }, async (_request, reply) => reply.status(204).send());

  app.get('/api/widget/config', { schema: { tags, summary: "The site's widget settings (public)", querystring: SiteKeyQuerySchema } }, async (request) => {
    const { site, chatflow } = await findSiteForWidget(ctx, request.query.siteKey);
    if (!isOriginAllowed(site, request.headers.origin, new URL(ctx.config.publicUrl).origin)) throw new DomainError('origin_not_allowed');
    return { config: toWidgetConfig(site, chatflow, await widgetAvailability(ctx.storage.db, chatflow, ctx.clock())) };
  });

  app.get(
    '/api/widget/availability',
    { schema: { tags, summary: "Server-sent events: the chatflow's availability (W7) now and on every change (public)", querystring: SiteKeyQuerySchema } },
    async (request, reply) => {
      const { site, chatflow } = await findSiteForWidget(ctx, request.query.siteKey);
      if (!isOriginAllowed(site, request.headers.origin, new URL(ctx.config.publicUrl).origin)) throw new DomainError('origin_not_allowed');
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
      conversation: toVisitorConversation(await closeConversation(ctx, { kind: 'visitor', visitor: request.visitor! }, request.params.id)),
    }),
  );
}
