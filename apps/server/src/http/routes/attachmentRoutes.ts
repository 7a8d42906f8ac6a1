/**
 * Files in the chat (W12, I6).
 *
 * - `POST /api/widget/attachments` — a visitor sends a file (bearer visitor token, like the other
 *   widget routes); it goes to the open conversation or starts one.
 * - `POST /api/conversations/:id/attachments` — a user sends a file, or with `internal` a file in
 *   a note; the conversation's write rule applies (I3).
 * - `GET /api/attachments/:key` — the file, for the conversation's visitor (bearer token) or a
 *   user who may read the conversation (session cookie).
 *
 * Uploads are the raw bytes as the body, with the name and client message id in the query; the
 * type is sniffed from the bytes. Answers are the same `{ message, duplicate }` as text messages,
 * and the message reaches both sides live through the feed.
 */
import { AgentAttachmentQuerySchema, AttachmentKeyParams, ConversationIdParams, WidgetAttachmentQuerySchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isInlineImage } from '../../domain/attachments/attachmentType.js';
import { downloadAttachment, type Downloader } from '../../domain/attachments/downloadAttachment.js';
import { contentDisposition } from '../../domain/attachments/fileName.js';
import { sendAgentAttachment, sendVisitorAttachment } from '../../domain/attachments/sendAttachment.js';
import type { AppContext } from '../../domain/context.js';
import { requireUser, requireVisitor } from '../auth.js';
import { acceptRawImageBodies, rawBody } from '../rawImageBody.js';

const REFUSALS =
  'The type is sniffed from the bytes: PNG, JPEG, GIF, WebP, PDF, plain UTF-8 text, ZIP, Office Open XML and OpenDocument files are kept; ' +
  'anything else → attachment_type_not_allowed, an empty body → file_empty, more than PARLEY_ATTACHMENT_MAX_BYTES (default 10 MiB) → 413 file_too_large. ' +
  'Nothing is stored on a refusal. The name is cleaned (last path part, no control characters, an extension that fits the type) and becomes the message body.';
const consumes = ['application/octet-stream', '*/*'];

export async function attachmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Its own scope, so the raw-bytes parser applies to the uploads only, not to the JSON API.
  await app.register(async (base) => {
    const scope = base.withTypeProvider<TypeBoxTypeProvider>();
    acceptRawImageBodies(scope, ctx.config.attachmentMaxBytes);

    scope.post(
      '/api/widget/attachments',
      {
        schema: {
          tags: ['widget'],
          summary: 'Send a file (raw bytes as the body); starts a conversation when none is open',
          description: REFUSALS,
          querystring: WidgetAttachmentQuerySchema,
          consumes,
          security: [{ visitorToken: [] }],
        },
        preHandler: requireVisitor(ctx),
      },
      async (request, reply) => {
        const { name, clientMessageId, chatflowId } = request.query;
        const result = await sendVisitorAttachment(ctx, request.visitor!, { name, clientMessageId, chatflowId, bytes: rawBody(request) });
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );

    scope.post(
      '/api/conversations/:id/attachments',
      {
        schema: {
          tags: ['inbox: conversations'],
          summary: 'Send a file (raw bytes as the body), or with internal=true a file in an internal note',
          description: `${REFUSALS} Needs the same access as replying.`,
          params: ConversationIdParams,
          querystring: AgentAttachmentQuerySchema,
          consumes,
        },
        preHandler: requireUser(ctx),
      },
      async (request, reply) => {
        const { name, clientMessageId, internal } = request.query;
        const result = await sendAgentAttachment(ctx, request.user!, request.params.id, { name, clientMessageId, internal, bytes: rawBody(request) });
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
  });

  const visitorAuth = requireVisitor(ctx);
  const userAuth = requireUser(ctx);
  /**
   * The widget sends its visitor token; the inbox relies on its session cookie (a proxy's Basic
   * credentials in front of the inbox are not a visitor token).
   */
  async function downloader(request: FastifyRequest): Promise<Downloader> {
    if (request.headers.authorization?.startsWith('Bearer ')) {
      await visitorAuth(request);
      return { kind: 'visitor', visitor: request.visitor! };
    }
    await userAuth(request);
    return { kind: 'user', user: request.user! };
  }

  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/attachments/:key',
    {
      schema: {
        tags: ['files'],
        summary: "A file sent in a conversation: for its visitor (bearer visitor token) or a user who may read it (session)",
        description:
          'Served with the sniffed type, nosniff, a content security policy that allows nothing, and Content-Disposition inline for images ' +
          '(PNG, JPEG, GIF, WebP), attachment for everything else. not_found for unknown keys, other visitors\' files and files in internal notes.',
        params: AttachmentKeyParams,
        security: [{ visitorToken: [] }, { session: [] }],
      },
    },
    async (request, reply) => {
      const file = await downloadAttachment(ctx, await downloader(request), request.params.key);
      const inline = isInlineImage(file.contentType);
      return reply
        .header('content-type', file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType)
        .header('content-length', String(file.bytes.length))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        // Private: it answered to a credential. Keys never change content, so an hour is safe.
        .header('cache-control', 'private, max-age=3600')
        .header('cross-origin-resource-policy', 'same-origin')
        .send(file.bytes);
    },
  );
}
