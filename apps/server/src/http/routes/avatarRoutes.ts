/**
 * I1: my avatar. `POST /api/me/avatar` takes the raw image bytes (sniffed, size-limited, stored
 * like branding images and served at `/files/<key>`); `DELETE /api/me/avatar` removes it. Any
 * signed-in user, for themselves only.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { removeOwnAvatar, setOwnAvatar } from '../../domain/users/avatar.js';
import { requireUser } from '../auth.js';
import { acceptRawImageBodies, rawBody } from '../rawImageBody.js';

const tags = ['inbox: profile'];

export async function avatarRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Its own scope, so the raw-bytes parser applies to this route only, not to the JSON API.
  await app.register(async (scope) => {
    acceptRawImageBodies(scope, ctx.config.brandingImageMaxBytes);
    scope.post(
      '/api/me/avatar',
      {
        schema: {
          tags,
          summary: 'Set my avatar (raw image bytes as the body); answers { user }',
          description:
            'The type is sniffed from the bytes: PNG, JPEG, GIF and WebP are kept; anything else → unsupported_file_type, an empty body → file_empty, ' +
            'more than PARLEY_BRANDING_IMAGE_MAX_BYTES → 413 file_too_large. Nothing changes on a refusal.',
          consumes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/octet-stream'],
        },
        preHandler: requireUser(ctx),
      },
      async (request) => {
        return { user: await setOwnAvatar(ctx, request.user!, rawBody(request)) };
      },
    );
  });

  app.delete('/api/me/avatar', { schema: { tags, summary: 'Remove my avatar; answers { user }' }, preHandler: requireUser(ctx) }, async (request) => ({
    user: await removeOwnAvatar(ctx, request.user!),
  }));
}
