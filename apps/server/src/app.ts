/**
 * buildServer(config) assembles one Parley node: storage, pub/sub, the event bus with its
 * listeners, HTTP routes and the realtime gateway. It returns an app that is not yet listening,
 * so tests listen on port 0 and production listens on PORT.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import { LIMITS } from '@parley/protocol';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { Config } from './config/config.js';
import type { AppContext } from './domain/context.js';
import { EventBus } from './events/eventBus.js';
import { feedPublisher } from './events/listeners/feedPublisher.js';
import { registerErrorHandling } from './http/errors.js';
import { ParleyLogController, requestLogger } from './http/requestLogging.js';
import { registerSecurityHeaders } from './http/securityHeaders.js';
import { sameOriginWrites } from './http/auth.js';
import { useTypeBoxValidation } from './http/validation.js';
import { authRoutes } from './http/routes/authRoutes.js';
import { conversationRoutes } from './http/routes/conversationRoutes.js';
import { healthRoutes } from './http/routes/healthRoutes.js';
import { staticRoutes } from './http/routes/staticRoutes.js';
import { userRoutes } from './http/routes/userRoutes.js';
import { consentRoutes } from './http/routes/consentRoutes.js';
import { widgetRoutes } from './http/routes/widgetRoutes.js';
import { metricsRoutes } from './http/routes/metricsRoutes.js';
import { createMetrics } from './operations/metrics.js';
import { openPubSub } from './pubsub/index.js';
import { Gateway, registerRealtime, websocketOptions } from './realtime/gateway.js';
import { openStorage } from './storage/database.js';
import { randomUUID } from 'node:crypto';
import { createMailer } from './operations/mailer.js';
import { DeadlineRunner } from './scheduling/deadlineRunner.js';
import { deadlineHandlers } from './scheduling/deadlineHandlers.js';
import { routingWakeups } from './scheduling/routingWakeups.js';
import { AvailabilityStreams } from './realtime/availabilityStreams.js';
import { routingRoutes } from './http/routes/routingRoutes.js';
import { adminRoutes } from './http/routes/adminRoutes.js';
import { chatflowRoutes } from './http/routes/chatflowRoutes.js';
import { siteRoutes } from './http/routes/siteRoutes.js';
import { uploadRoutes } from './http/routes/uploadRoutes.js';
import { searchRoutes } from './http/routes/searchRoutes.js';
import { profileRoutes } from './http/routes/profileRoutes.js';
import { passwordResetRoutes } from './http/routes/passwordResetRoutes.js';
import { avatarRoutes } from './http/routes/avatarRoutes.js';
import { userDeletionRoutes } from './http/routes/userDeletionRoutes.js';
import { macroRoutes } from './http/routes/macroRoutes.js';
import { contactRoutes } from './http/routes/contactRoutes.js';
import { leadRoutes } from './http/routes/leadRoutes.js';
import { identifyRoutes } from './http/routes/identifyRoutes.js';
import { flowRoutes } from './http/routes/flowRoutes.js';
import { attachmentRoutes } from './http/routes/attachmentRoutes.js';
import { ticketPropertyRoutes } from './http/routes/ticketPropertyRoutes.js';
import { notificationRoutes } from './http/routes/notificationRoutes.js';

export interface ParleyServer {
  app: FastifyInstance;
  ctx: AppContext;
  gateway: Gateway;
  /** Fires due deadlines; tests call tick() after moving their clock. */
  deadlines: DeadlineRunner;
  /** Drains sockets, stops HTTP, closes pub/sub and storage. */
  close(): Promise<void>;
}

export interface BuildOptions {
  clock?: () => number;
  logger?: Logger;
  /** How often this node looks for due deadlines (ms). Default 1000. */
  deadlinePollMs?: number;
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<ParleyServer> {
  const log = options.logger ?? pino({ level: config.logLevel });
  const storage = await openStorage(config);
  const pubsub = await openPubSub(config);
  const bus = new EventBus(log);
  const mailer = createMailer({ url: config.smtpUrl, from: config.smtpFrom }, log);
  const ctx: AppContext = { config, storage, pubsub, bus, log, clock: options.clock ?? Date.now, nodeId: randomUUID(), mailer };
  bus.register(feedPublisher(pubsub));
  const deadlines = new DeadlineRunner(ctx, deadlineHandlers(ctx), options.deadlinePollMs);
  bus.register(routingWakeups(deadlines));

  const gateway = new Gateway(ctx);
  const availability = new AvailabilityStreams(ctx);
  const metrics = createMetrics(() => gateway.countByPrincipal());
  bus.register(metrics.listener);
  // Typed as the default instance so route modules need not carry the pino logger type around.
  const app = Fastify({ loggerInstance: requestLogger(log), logController: new ParleyLogController(), bodyLimit: LIMITS.httpBodyMaxBytes, trustProxy: config.trustProxy }) as unknown as FastifyInstance;
  let shuttingDown = false;

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: websocketOptions });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Parley API', version: '0.1.0', description: 'Live chat: widget, inbox and admin routes. Realtime protocol: docs/realtime.md.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'parley_session' },
          visitorToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  useTypeBoxValidation(app);
  registerErrorHandling(app);
  registerSecurityHeaders(app, ctx);
  app.addHook('preHandler', sameOriginWrites(ctx));

  await healthRoutes(app, ctx, () => shuttingDown);
  await metricsRoutes(app, ctx, metrics);
  await authRoutes(app, ctx);
  await userRoutes(app, ctx);
  await conversationRoutes(app, ctx);
  await widgetRoutes(app, ctx, availability);
  await routingRoutes(app, ctx);
  await adminRoutes(app, ctx);
  await chatflowRoutes(app, ctx);
  await siteRoutes(app, ctx);
  await uploadRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await profileRoutes(app, ctx);
  await passwordResetRoutes(app, ctx);
  await avatarRoutes(app, ctx);
  await userDeletionRoutes(app, ctx);
  await macroRoutes(app, ctx);
  await contactRoutes(app, ctx);
  await leadRoutes(app, ctx);
  await identifyRoutes(app, ctx);
  await flowRoutes(app, ctx);
  await attachmentRoutes(app, ctx);
  await ticketPropertyRoutes(app, ctx);
  await notificationRoutes(app, ctx);
  await consentRoutes(app, ctx);
  await registerRealtime(app, gateway);
  await staticRoutes(app, ctx, async () => {
    const site = await storage.db.selectFrom('sites').select('site_key').orderBy('id').executeTakeFirst();
    return site?.site_key ?? null;
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  deadlines.start();
  gateway.presence.start();

  return {
    app,
    ctx,
    gateway,
    deadlines,
    async close() {
      shuttingDown = true;
      availability.close();
      await gateway.close();
      await deadlines.stop();
      await app.close();
      await pubsub.close();
      await storage.close();
      mailer.close();
    },
  };
}
