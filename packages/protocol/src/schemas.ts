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
    properties: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ maxLength: 500 }), { maxProperties: 50 })),
  },
  strict,
);
export const AvailabilitySchema = Type.Object({ availability: Type.Union([Type.Literal('online'), Type.Literal('away')]) }, strict);

// HTTP bodies
/** A password being set; the server also refuses the most common passwords (weak_password). */
const NewPassword = Type.String({ minLength: 10, maxLength: 1024, description: 'at least 10 characters, not a common password' });
export const LoginSchema = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  strict,
);
export const CreateUserSchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' }),
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameMaxLength }),
    role: Type.Union([Type.Literal('admin'), Type.Literal('agent')]),
    password: Type.Optional(NewPassword),
  },
  strict,
);
export const AcceptInviteSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200 }), password: NewPassword },
  strict,
);
export const PostMessageSchema = Type.Object({ clientMessageId: ClientMessageId, body: Body }, strict);
export const AssignBodySchema = Type.Object({ userId: Type.Union([Id, Type.Null()]) }, strict);
export const WidgetSessionSchema = Type.Object(
  { siteKey: Type.String({ minLength: 1, maxLength: 100 }), visitorToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  strict,
);
export const WidgetMessageSchema = Type.Object({ clientMessageId: ClientMessageId, body: Body }, strict);
/**
 * `:id` in a path: a positive integer in plain decimal ("1", never "01", "1.0", "1e0" or "0x1");
 * the server refuses any other spelling with validation_failed before converting it.
 */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'positive integer, plain decimal digits' }) });
export const ConversationIdParams = IdParams;
export const ViewQuerySchema = Type.Object({
  view: Type.Union([Type.Literal('unassigned'), Type.Literal('mine'), Type.Literal('all'), Type.Literal('closed')]),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const SiteKeyQuerySchema = Type.Object({ siteKey: Type.String({ minLength: 1, maxLength: 100 }) });

// Routing, teams and availability (R1–R4, W7, A3, A7)
const Name = Type.String({ minLength: 1, maxLength: LIMITS.nameMaxLength });
const Tag = Type.String({ minLength: 1, maxLength: 64 });
const ShortText = Type.String({ maxLength: 2000 });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });
const Literals = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const TextOperator = Literals(['is', 'is_not', 'contains', 'starts_with', 'ends_with'] as const);

export const OfferRefSchema = Type.Object({ offerId: Id }, strict);
export const OwnerSchema = Type.Object({ userId: Type.Union([Id, Type.Null()]) }, strict);
export const UpdateUserSchema = Type.Object(
  {
    name: Type.Optional(Name),
    role: Type.Optional(Literals(['admin', 'agent'] as const)),
    skills: Type.Optional(Type.Array(Tag, { maxItems: 50 })),
    maxChats: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export const TeamSchema = Type.Object({ name: Name, memberIds: Type.Array(Id, { maxItems: 1000 }) }, strict);

export const RuleConditionSchema = Type.Union([
  Type.Object({ field: Type.Literal('page_url'), operator: TextOperator, value: ShortText }, strict),
  Type.Object({ field: Type.Literal('language'), operator: TextOperator, value: ShortText }, strict),
  Type.Object({ field: Type.Literal('property'), name: Tag, operator: TextOperator, value: ShortText }, strict),
]);
export const RoutingTargetSchema = Type.Union([
  Type.Object({ kind: Type.Literal('user'), userId: Id }, strict),
  Type.Object({ kind: Type.Literal('team'), teamId: Id }, strict),
]);
export const ChatflowRoutingSchema = Type.Object(
  {
    mode: Literals(['round_robin', 'specific_user', 'team', 'custom_rules', 'skills', 'contact_owner'] as const),
    userId: Type.Union([Id, Type.Null()]),
    teamId: Type.Union([Id, Type.Null()]),
    skills: Type.Array(Tag, { maxItems: 20 }),
    rules: Type.Array(
      Type.Object({ conditions: Type.Array(RuleConditionSchema, { minItems: 1, maxItems: 20 }), target: RoutingTargetSchema }, strict),
      { maxItems: 50 },
    ),
    acceptTimeoutSeconds: Type.Integer({ minimum: 10, maximum: 3600 }),
    inactivityTimeoutMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
    fallbackMessage: ShortText,
    ownerUserIds: Type.Array(Id, { maxItems: 100 }),
  },
  strict,
);
export const OfficeHoursSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    ranges: Type.Array(
      Type.Object({ day: Literals(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const), start: Time, end: Time }, strict),
      { maxItems: 70 },
    ),
    holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 366 }),
  },
  strict,
);
export const ChatflowAvailabilitySchema = Type.Object(
  {
    mode: Literals(['users', 'office_hours', 'always'] as const),
    officeHours: OfficeHoursSchema,
    typicalReplyTime: Literals(['none', 'minutes', 'hour', 'day'] as const),
    awayMessage: ShortText,
    offlineBehavior: Literals(['return_time', 'away_message', 'hide_launcher', 'nothing'] as const),
    atCapacityBehavior: Literals(['waiting_message', 'hide_launcher', 'nothing'] as const),
    waitingMessage: ShortText,
  },
  strict,
);
export const ChatflowWidgetSettingsSchema = Type.Object(
  {
    accentColor: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
    headingName: Name,
    headingAvatarUrl: Type.Union([Type.String({ maxLength: 2048 }), Type.Null()]),
    welcomeMessage: ShortText,
  },
  strict,
);
export const UpdateChatflowSchema = Type.Object(
  {
    settings: Type.Optional(ChatflowWidgetSettingsSchema),
    routing: Type.Optional(ChatflowRoutingSchema),
    availability: Type.Optional(ChatflowAvailabilitySchema),
  },
  strict,
);
