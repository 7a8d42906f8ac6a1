/**
 * Sign-in, sign-out, the current user and invitations (I1), availability (I2).
 */
import type { MeResponse } from '@parley/protocol';
import { AcceptInviteSchema, AvailabilitySchema, LoginSchema } from '@parley/protocol/schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../domain/context.js';
import { createSession, signIn, signOut } from '../../domain/auth/sessions.js';
import { acceptInvite } from '../../domain/users/createUser.js';
import { loadUserSummary } from '../../domain/users/presenters.js';
import { setAvailability } from '../../domain/users/setAvailability.js';
import { loadWorkspaceSummary } from '../../domain/workspaces/setup.js';
import { SESSION_COOKIE } from '../sameOrigin.js';
import { publishSessionEnded } from '../../realtime/sessionSignals.js';
import type { UserRow } from '../../storage/schema.js';
import { requireUser, sessionCookieOptions } from '../auth.js';

const tags = ['inbox: auth'];

export async function authRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const maxAge = ctx.config.sessionDays * 24 * 60 * 60;

  async function me(user: UserRow): Promise<MeResponse> {
    const workspace = await loadWorkspaceSummary(ctx.storage.db, user.workspace_id);
    return { user: await loadUserSummary(ctx.storage.db, user.id, ctx.clock()), workspace };
  }
  function startSession(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx, maxAge));
  }

  app.post(
    '/api/auth/login',
    {
      schema: { tags, summary: 'Sign in with email and password; sets the session cookie', body: LoginSchema },
      config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, user } = await signIn(ctx, request.body.email, request.body.password);
      startSession(reply, token);
      return me(user);
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out (ends this session)' } }, async (request, reply) => {
    const ended = await signOut(ctx, request.cookies[SESSION_COOKIE]);
    // Open inbox sockets of this session, on every node, re-check and close (4401). If the signal
    // is lost, the periodic re-check closes them; the sign-out itself has already happened.
    if (ended) await publishSessionEnded(ctx.pubsub, ended).catch((error: unknown) => request.log.error({ err: error }, 'sign-out signal failed'));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/accept-invite',
    {
      schema: { tags, summary: 'Accept an invitation: set a password and sign in', body: AcceptInviteSchema },
      config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const user = await acceptInvite(ctx, request.body.token, request.body.password);
      startSession(reply, await createSession(ctx, user.id));
      return me(user);
    },
  );

  app.get('/api/me', { schema: { tags, summary: 'The signed-in user and workspace' }, preHandler: requireUser(ctx) }, async (request) =>
    me(request.user!),
  );

  app.put(
    '/api/me/availability',
    { schema: { tags, summary: 'Set my availability (online / away)', body: AvailabilitySchema }, preHandler: requireUser(ctx) },
    async (request) => ({ user: await setAvailability(ctx, request.user!.id, request.body.availability) }),
  );
}
