/**
 * I1, my own profile: rename, change password, sign out of all other sessions. Ending sessions
 * publishes the same signal as sign-out, so open sockets of the ended sessions (on every node)
 * re-check and close with 4401 while this session's sockets stay.
 */
import { ChangePasswordSchema, UpdateProfileSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { changeOwnPassword, renameSelf, revokeOtherSessions } from '../../domain/users/profile.js';
import { publishSessionEnded } from '../../realtime/sessionSignals.js';
import { SESSION_COOKIE } from '../sameOrigin.js';
import { requireUser } from '../auth.js';

const tags = ['inbox: profile'];

export async function profileRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  /** The sessions are already gone; a lost signal is caught by the periodic socket re-check. */
  async function signalSessionsEnded(request: FastifyRequest): Promise<void> {
    const user = request.user!;
    await publishSessionEnded(ctx.pubsub, { workspaceId: user.workspace_id, userId: user.id }).catch((error: unknown) =>
      request.log.error({ err: error }, 'session-ended signal failed'),
    );
  }

  app.patch(
    '/api/me',
    { schema: { tags, summary: 'Change my name (1–80 characters, trimmed); answers { user }', body: UpdateProfileSchema }, preHandler: requireUser(ctx) },
    async (request) => ({ user: await renameSelf(ctx, request.user!, request.body.name) }),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password: wrong current password → wrong_current_password (403), weak new one → weak_password (400); on success every other session of mine ends (204)',
        body: ChangePasswordSchema,
      },
      preHandler: requireUser(ctx),
      // Guessing the current password through a borrowed session is throttled like sign-in.
      config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, request.user!, request.cookies[SESSION_COOKIE]!, request.body.currentPassword, request.body.newPassword);
      await signalSessionsEnded(request);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/me/sessions/revoke-others',
    { schema: { tags, summary: 'Sign out of all other sessions (this one stays); answers { ended }' }, preHandler: requireUser(ctx) },
    async (request) => {
      const ended = await revokeOtherSessions(ctx, request.user!, request.cookies[SESSION_COOKIE]!);
      if (ended > 0) await signalSessionsEnded(request);
      return { ended };
    },
  );
}
