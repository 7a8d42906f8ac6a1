/**
 * JSON Schemas (TypeBox) for everything clients send. The server validates HTTP bodies and
 * realtime command data with them, and the OpenAPI document is generated from them. Length
 * limits on message bodies are checked by the server after schema validation, so an over-long
 * message gets the specific `message_too_long` code.
 */
import Type from 'typebox';
import { LIMITS } from './limits.js';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const ClientMessageId = Type.String({ minLength: 1, maxLength: LIMITS.clientMessageIdMaxLength });
/** Generous bound so a huge frame fails validation, not the database; the real cap is LIMITS. */
const Body = Type.String({ maxLength: LIMITS.messageMaxLength * 4 });
const ContextField = Type.String({ maxLength: LIMITS.contextFieldMaxLength * 4 });
const strict = { additionalProperties: false } as const;

export const ResumeSchema = Type.Object(
  {
    visitorToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    lastEventId: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
  },
  strict,
);
export const SendMessageSchema = Type.Object(
  { clientMessageId: ClientMessageId, body: Body, conversationId: Type.Optional(Id) },
  strict,
);
export const TypingSchema = Type.Object({ conversationId: Id, typing: Type.Boolean() }, strict);
export const ConversationRefSchema = Type.Object({ conversationId: Id }, strict);
export const AssignSchema = Type.Object({ conversationId: Id, userId: Type.Union([Id, Type.Null()]) }, strict);
export const ContextUpdateSchema = Type.Object(
  {
    pageUrl: Type.Optional(ContextField),
    pageTitle: Type.Optional(ContextField),
    referrer: Type.Optional(ContextField),
    language: Type.Optional(Type.String({ maxLength: 64 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
  },
  strict,
);
export const AvailabilitySchema = Type.Object({ availability: Type.Union([Type.Literal('online'), Type.Literal('away')]) }, strict);

// HTTP bodies
export const LoginSchema = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  strict,
);
export const CreateUserSchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMaxLength }),
    role: Type.Union([Type.Literal('admin'), Type.Literal('agent')]),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 1024 })),
  },
  strict,
);
export const AcceptInviteSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 8, maxLength: 1024 }) },
  strict,
);
export const PostMessageSchema = Type.Object({ clientMessageId: ClientMessageId, body: Body }, strict);
export const AssignBodySchema = Type.Object({ userId: Type.Union([Id, Type.Null()]) }, strict);
export const WidgetSessionSchema = Type.Object(
  { siteKey: Type.String({ minLength: 1, maxLength: 100 }), visitorToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  strict,
);
export const WidgetMessageSchema = Type.Object({ clientMessageId: ClientMessageId, body: Body }, strict);
export const ConversationIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
export const ViewQuerySchema = Type.Object({
  view: Type.Union([Type.Literal('unassigned'), Type.Literal('mine'), Type.Literal('all'), Type.Literal('closed')]),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const SiteKeyQuerySchema = Type.Object({ siteKey: Type.String({ minLength: 1, maxLength: 100 }) });
