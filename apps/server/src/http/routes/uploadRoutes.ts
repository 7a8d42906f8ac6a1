/**
 * Uploads (W2 branding images). `POST /api/admin/uploads` takes the raw bytes — whatever type
 * the client claims, the server sniffs it — and `GET /files/:key` serves them to anyone: the
 * widget shows them to visitors on every site. Served files can never run as a page: the sniffed
 * type, nosniff and a policy that allows nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { loadFile, storeBrandingImage } from '../../domain/branding/uploads.js';
import { DomainError } from '../../domain/errors.js';
import { requireChatflowEditor } from '../auth.js';
import { acceptRawImageBodies, rawBody } from '../rawImageBody.js';

const tags = ['admin'];
/** Keys are 24 random bytes in base64url; anything else cannot be a stored file. */
const KEY = /^[A-Za-z0-9_-]{32}$/;

const uploadResponse = {
  type: 'object',
  description: 'Where the stored image is served; put `url` into a chatflow\'s `settings.headingAvatarUrl`.',
  properties: {
    file: {
      type: 'object',
      properties: {
        url: { type: 'string', description: '`<public URL>/files/<key>`' },
        contentType: { type: 'string', enum: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] },
        size: { type: 'integer', description: 'bytes' },
      },
      required: ['url', 'contentType', 'size'],
    },
  },
  required: ['file'],
} as const;

export async function uploadRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Its own scope, so the raw-bytes parser applies to this route only, not to the JSON API.
  await app.register(async (scope) => {
    acceptRawImageBodies(scope, ctx.config.brandingImageMaxBytes);

    scope.post(
      '/api/admin/uploads',
      {
        schema: {
          tags,
          summary: 'Upload a branding image (raw bytes as the body)',
          description:
            'The body is the image itself (any content type; image/* or application/octet-stream is usual). The type is sniffed from the bytes: ' +
            'PNG, JPEG, GIF and WebP are kept, anything else (SVG included) is refused with `unsupported_file_type`, an empty body with `file_empty`, ' +
            'more than PARLEY_BRANDING_IMAGE_MAX_BYTES (default 1 MiB) with 413 `file_too_large`. Nothing is stored on a refusal. ' +
            'Admins and users granted `chatflows:edit`.',
          consumes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/octet-stream'],
          response: { 201: uploadResponse },
        },
        preHandler: requireChatflowEditor(ctx),
      },
      async (request, reply) => {
        const file = await storeBrandingImage(ctx, request.user!, rawBody(request));
        return reply.status(201).send({ file });
      },
    );
  });

  app.get<{ Params: { key: string } }>(
    '/files/:key',
    {
      schema: {
        tags: ['files'],
        summary: 'An uploaded file (public: the widget shows branding images to visitors)',
        description: 'Served with the sniffed image type, nosniff, a content security policy that allows nothing, and cached for a year (keys never change content). 404 for unknown keys.',
        params: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'] },
      },
    },
    async (request, reply) => {
      const key = request.params.key;
      const file = KEY.test(key) ? await loadFile(ctx.storage.db, key) : null;
      if (!file) throw new DomainError('not_found');
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.bytes.length))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-security-policy', "default-src 'none'")
        // Host pages that isolate themselves (COEP) may still show the image.
        .header('cross-origin-resource-policy', 'cross-origin')
        .send(file.bytes);
    },
  );
}
