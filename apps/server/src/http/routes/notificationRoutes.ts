/**
 * I8, my notification choices: which kinds make a browser notification and a sound in the inbox,
 * and which are emailed while I am away or offline. Only ever my own.
 */
import { NotificationPreferencesSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { loadPreferences, savePreferences } from '../../domain/notifications/preferences.js';
import { requireUser } from '../auth.js';

const tags = ['inbox: profile'];

export async function notificationRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireUser(ctx);

  app.get(
    '/api/me/notifications',
    { schema: { tags, summary: 'My notification choices (defaults until I save some); answers { preferences }' }, preHandler },
    async (request) => ({ preferences: await loadPreferences(ctx.storage.db, request.user!.id) }),
  );

  app.put(
    '/api/me/notifications',
    {
      schema: {
        tags,
        summary: 'Replace my notification choices: browser and sound per kind (newConversation, assignedToMe, newMessage), email for newConversation and assignedWhileAway (sent only while I am away or offline); answers { preferences }',
        body: NotificationPreferencesSchema,
      },
      preHandler,
    },
    async (request) => ({ preferences: await savePreferences(ctx, request.user!, request.body) }),
  );
}
