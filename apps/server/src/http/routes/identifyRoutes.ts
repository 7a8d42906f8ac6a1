/**
 * W15 identified visitors and the JavaScript API's server side: identify (with identity
 * verification), setProperties, track, W9 email capture and the verified visitor's history, all
 * with the visitor token like the other widget routes; and the admin side: rotating a site's
 * secret and requiring verification on a site. The visitor calls count against the visitor's
 * context-update allowance (domain/limits), so a page calling them in a loop gets rate_limited.
 */
import { CaptureEmailSchema, IdParams, IdentifySchema, IdentityVerificationSchema, SetPropertiesSchema, TrackEventSchema } from '@parley/protocol/schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../domain/context.js';
import { captureEmail } from '../../domain/contacts/linkContact.js';
import { visitorHistory } from '../../domain/identity/history.js';
import { identifyVisitor } from '../../domain/identity/identify.js';
import { rotateSiteSecret, setIdentityVerification } from '../../domain/identity/siteIdentity.js';
import { setVisitorProperties, trackEvent } from '../../domain/identity/visitorActivity.js';
import { requireAdmin, requireVisitor } from '../auth.js';

const tags = ['widget'];
const bearer = [{ visitorToken: [] }];

export async function identifyRoutes(base: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const preHandler = requireVisitor(ctx);

  app.post(
    '/api/widget/identify',
    {
      schema: {
        tags,
        summary:
          "Parley.identify: hash = hex HMAC-SHA256(site secret, id). Valid → { status: 'verified' }: linked to the contact with that external id, history on every device; on a second device also { visitorId, visitorToken } of the contact's first visitor on the site, to continue its conversations. No hash (site not requiring it) → { status: 'unverified' }: name/email kept on the visitor only. Refused with nothing changed: identity_hash_invalid, identity_verification_required, identity_conflict (the email is another contact's)",
        body: IdentifySchema,
        security: bearer,
      },
      preHandler,
    },
    async (request) => identifyVisitor(ctx, request.visitor!, request.body),
  );

  app.post(
    '/api/widget/email',
    {
      schema: { tags, summary: "W9 email capture: the visitor becomes a contact (linked to the existing one with that email, any case; its conversations follow). Reveals nothing of the contact (204)", body: CaptureEmailSchema, security: bearer },
      preHandler,
    },
    async (request, reply) => {
      await captureEmail(ctx, request.visitor!, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/widget/properties',
    { schema: { tags, summary: "Parley.setProperties: merged into the visitor's properties (and a verified visitor's contact); at most 50 in all (204)", body: SetPropertiesSchema, security: bearer }, preHandler },
    async (request, reply) => {
      await setVisitorProperties(ctx, request.visitor!, request.body.properties);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/widget/events',
    { schema: { tags, summary: "Parley.track(event, props): an event on the visitor's (and its contact's) timeline (204)", body: TrackEventSchema, security: bearer }, preHandler },
    async (request, reply) => {
      await trackEvent(ctx, request.visitor!, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/widget/history',
    { schema: { tags, summary: "The visitor's conversations with their messages, newest first; a verified visitor gets its contact's conversations from every device on this site", security: bearer }, preHandler },
    async (request) => visitorHistory(ctx, request.visitor!),
  );

  app.post(
    '/api/admin/sites/:id/secret/rotate',
    { schema: { tags: ['admin: sites'], summary: 'Replace the site secret (admins); hashes made with the old one stop verifying at once. Answers { site } with the new secret', params: IdParams }, preHandler: requireAdmin(ctx) },
    async (request) => ({ site: await rotateSiteSecret(ctx, request.user!.workspace_id, request.params.id) }),
  );

  app.put(
    '/api/admin/sites/:id/identity-verification',
    {
      schema: { tags: ['admin: sites'], summary: 'Require (or stop requiring) a valid identity hash for identify() on this site (admins). Answers { site }', params: IdParams, body: IdentityVerificationSchema },
      preHandler: requireAdmin(ctx),
    },
    async (request) => ({ site: await setIdentityVerification(ctx, request.user!.workspace_id, request.params.id, request.body.requireIdentityVerification) }),
  );
}
