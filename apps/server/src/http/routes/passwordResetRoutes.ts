/**
 * I1, password reset by email. Asking answers 202 at once and the same way whatever the address
 * (no account enumeration: the lookup and the mail happen after the answer, so its timing says
 * nothing either). Confirming ends every session of the user; their open sockets close on the
 * same signal as sign-out.
 */
import { PasswordResetConfirmSchema, PasswordResetRequestSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { confirmPasswordReset, requestPasswordReset } from '../../domain/users/passwordReset.js';
import { publishSessionEnded } from '../../realtime/sessionSignals.js';

const tags = ['inbox: auth'];

export async function passwordResetRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = { max: ctx.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password reset link by email; always 202 { accepted: true }, whether or not the address has an account',
        body: PasswordResetRequestSchema,
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      const log = request.log;
      void requestPasswordReset(ctx, request.body.email).catch((error: unknown) => log.error({ err: error }, 'password reset email failed'));
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary:
          'Set a new password from a reset link (204); an unknown, used or expired token → reset_token_invalid (400), a weak password → weak_password (400). Every session of the user ends; sign in again.',
        body: PasswordResetConfirmSchema,
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      const ended = await confirmPasswordReset(ctx, request.body.token, request.body.password);
      await publishSessionEnded(ctx.pubsub, ended).catch((error: unknown) => request.log.error({ err: error }, 'session-ended signal failed'));
      return reply.status(204).send();
    },
  );
}
