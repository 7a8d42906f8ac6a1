/**
 * JSON Schemas (TypeBox) for everything clients send. The server validates HTTP bodies and
 * realtime command data with them, and the OpenAPI document is generated from them. Length
 * limits on message bodies are checked by the server after schema validation, so an over-long
 * message gets the specific `message_too_long` code.
 */
import Type from 'typebox';
import { CHATFLOW_LANGUAGES, CONTACT_ATTRIBUTES, CONTACT_OPERATORS, EMAIL_CAPTURE_MODES, LOGIN_ONLY_MODES, URL_OPERATORS } from './chatflows.js';
import { LIMITS } from './limits.js';
import { PERMISSIONS } from './models.js';
import { ChatflowTicketDefaultsSchema } from './ticketPropertySchemas.js';
import { ChatflowConsentSchema } from './consentSchemas.js';
import { ChatflowFlowBodySchema, ChatflowFlowSchema } from './flowSchemas.js';
import { CARD_ID_PATTERN } from './flow.js';

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
  {
    clientMessageId: ClientMessageId,
    body: Body,
    conversationId: Type.Optional(Id),
    /** Visitors: the chatflow the widget shows; a new conversation starts in it when it is published. */
    chatflowId: Type.Optional(Id),
    /** Agents: store as an internal note (users only, never sent to the visitor). Visitors: ignored. */
    internal: Type.Optional(Type.Boolean()),
  },
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
export const PostMessageSchema = Type.Object({ clientMessageId: ClientMessageId, body: Body, internal: Type.Optional(Type.Boolean()) }, strict);
export const AssignBodySchema = Type.Object({ userId: Type.Union([Id, Type.Null()]) }, strict);
export const WidgetSessionSchema = Type.Object(
  { siteKey: Type.String({ minLength: 1, maxLength: 100 }), visitorToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  strict,
);
export const WidgetMessageSchema = Type.Object(
  {
    clientMessageId: ClientMessageId,
    body: Body,
    /** The chatflow the widget shows (WidgetConfig.chatflowId); a new conversation starts in it when it is published. */
    chatflowId: Type.Optional(Id),
  },
  strict,
);
/**
 * `:id` in a path: a positive integer in plain decimal ("1", never "01", "1.0", "1e0" or "0x1");
 * the server refuses any other spelling with validation_failed before converting it.
 */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'positive integer, plain decimal digits' }) });
export const ConversationIdParams = IdParams;
export const ViewQuerySchema = Type.Object({
  view: Type.Union([Type.Literal('unassigned'), Type.Literal('mine'), Type.Literal('all'), Type.Literal('closed'), Type.Literal('snoozed')]),
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
    /** Replaces the user's extra grants (A3). */
    permissions: Type.Optional(Type.Array(Literals(PERMISSIONS), { maxItems: PERMISSIONS.length, uniqueItems: true })),
  },
  strict,
);
export const TeamSchema = Type.Object({ name: Name, memberIds: Type.Array(Id, { maxItems: 1000 }) }, strict);

export const RuleConditionSchema = Type.Union([
  Type.Object({ field: Type.Literal('page_url'), operator: TextOperator, value: ShortText }, strict),
  Type.Object({ field: Type.Literal('language'), operator: TextOperator, value: ShortText }, strict),
  Type.Object({ field: Type.Literal('property'), name: Tag, operator: TextOperator, value: ShortText }, strict),
  Type.Object({ field: Type.Literal('answer'), cardId: Type.String({ pattern: CARD_ID_PATTERN }), value: ShortText }, strict),
  // Visitor-information criteria shared with targeting (checked further by @parley/chatflow).
  Type.Object({ field: Type.Literal('visitor'), value: Literals(['known', 'unknown'] as const) }, strict),
  Type.Object({ field: Type.Literal('contact'), attribute: Literals(CONTACT_ATTRIBUTES), op: Literals(CONTACT_OPERATORS), value: ShortText }, strict),
  Type.Object({ field: Type.Literal('contactProperty'), name: Tag, op: Literals(CONTACT_OPERATORS), value: ShortText }, strict),
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
// Chatflows and sites (A2, W2–W6, W16). The schemas check shapes; the meaning of targeting rules
// and settings (operators, empty values, limits, colours) is checked by `validateTargeting` and
// `validateSettings` of @parley/chatflow on the server, so the admin preview and the server agree.
const ChatflowLanguageSchema = Literals(CHATFLOW_LANGUAGES);
const DeviceSchema = Literals(['desktop', 'mobile'] as const);
/**
 * One targeting rule: `{ field: 'url', op, value }`, `{ field: 'query', name, value }`,
 * `{ field: 'device', value: 'desktop' | 'mobile' }`, `{ field: 'visitor', value: 'known' | 'unknown' }`,
 * `{ field: 'contact', attribute, op, value }` or `{ field: 'contactProperty', name, op, value }`.
 * Which keys each field needs is checked with a message naming the rule's path.
 */
export const TargetingRuleSchema = Type.Object(
  {
    field: Literals(['url', 'query', 'device', 'visitor', 'contact', 'contactProperty'] as const),
    op: Type.Optional(Type.String({ maxLength: 32, description: `${URL_OPERATORS.join(' | ')} (url); ${CONTACT_OPERATORS.join(' | ')} (contact criteria)` })),
    attribute: Type.Optional(Type.String({ maxLength: 32, description: CONTACT_ATTRIBUTES.join(' | ') })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    value: Type.String({ maxLength: 2000 }),
  },
  strict,
);
export const ChatflowTargetingSchema = Type.Object(
  {
    groups: Type.Array(Type.Array(TargetingRuleSchema, { maxItems: 50 }), { maxItems: 50, description: 'AND inside a group, OR between groups; none = every page' }),
    exclusions: Type.Array(TargetingRuleSchema, { maxItems: 50, description: 'any match hides the chatflow' }),
  },
  strict,
);
const TriggersSchema = Type.Object(
  {
    exitIntent: Type.Boolean(),
    secondsOnPage: Type.Union([Type.Integer({ minimum: 0, maximum: 86400 }), Type.Null()]),
    scrollPercent: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]),
  },
  strict,
);
export const ChatflowDisplaySchema = Type.Object(
  { desktop: Literals(['prompt', 'launcher', 'promptThenOpen'] as const), mobile: Literals(['prompt', 'launcher'] as const), triggers: TriggersSchema },
  strict,
);
/** Every field optional: a create or update merges the given fields into the stored settings (`display` replaced as a whole). */
export const ChatflowWidgetSettingsSchema = Type.Object(
  {
    accentColor: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    headingMode: Type.Optional(Literals(['branding', 'users', 'owner'] as const)),
    headingName: Type.Optional(Type.String({ maxLength: LIMITS.nameMaxLength })),
    headingAvatarUrl: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Null()])),
    headingUserIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
    brandAsAgentAlias: Type.Optional(Type.Boolean()),
    welcomeMessage: Type.Optional(ShortText),
    display: Type.Optional(ChatflowDisplaySchema),
    unreadSound: Type.Optional(Type.Boolean()),
    unreadTitleFlash: Type.Optional(Type.Boolean()),
    emailCapture: Type.Optional(Literals(EMAIL_CAPTURE_MODES)),
    emailCaptureMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
    emailCapturePrompt: Type.Optional(ShortText),
    loginOnly: Type.Optional(Literals(LOGIN_ONLY_MODES)),
  },
  strict,
);
const chatflowFields = {
  published: Type.Optional(Type.Boolean()),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  language: Type.Optional(ChatflowLanguageSchema),
  settings: Type.Optional(ChatflowWidgetSettingsSchema),
  targeting: Type.Optional(ChatflowTargetingSchema),
  routing: Type.Optional(ChatflowRoutingSchema),
  availability: Type.Optional(ChatflowAvailabilitySchema),
  ticketDefaults: Type.Optional(ChatflowTicketDefaultsSchema),
  consent: Type.Optional(ChatflowConsentSchema),
  flow: Type.Optional(ChatflowFlowBodySchema),
};
export const UpdateChatflowSchema = Type.Object({ name: Type.Optional(Name), ...chatflowFields }, strict);
export const CreateChatflowSchema = Type.Object({ siteId: Id, name: Name, ...chatflowFields }, strict);
/** The same bodies as the OpenAPI document shows them: `flow` with its four card shapes. */
const documentedFlow = { flow: Type.Optional(ChatflowFlowSchema) };
export const UpdateChatflowDocumentedSchema = Type.Object({ name: Type.Optional(Name), ...chatflowFields, ...documentedFlow }, strict);
export const CreateChatflowDocumentedSchema = Type.Object({ siteId: Id, name: Name, ...chatflowFields, ...documentedFlow }, strict);
export const ChatflowOrderSchema = Type.Object({ chatflowIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }) }, strict);
export const ChatflowListQuerySchema = Type.Object({ siteId: Type.Optional(Id) });

/** A bare origin: scheme, host and optional port, no path (`https://shop.example`, `http://localhost:8080`). */
const Origin = Type.String({ minLength: 8, maxLength: 300, pattern: '^[hH][tT][tT][pP][sS]?://[^/?#\\s@]+/?$', description: 'http(s) origin without path' });
export const SiteSchema = Type.Object(
  { name: Name, allowedOrigins: Type.Array(Origin, { maxItems: 50, description: 'empty = any origin' }) },
  strict,
);
export const UpdateSiteSchema = Type.Object({ name: Type.Optional(Name), allowedOrigins: Type.Optional(Type.Array(Origin, { maxItems: 50 })) }, strict);

/** `GET /api/widget/config`: the page view targeting decides on, or a chatflow the frame asks for. */
export const WidgetConfigQuerySchema = Type.Object({
  siteKey: Type.String({ minLength: 1, maxLength: 100 }),
  url: Type.Optional(Type.String({ maxLength: 2000 })),
  device: Type.Optional(DeviceSchema),
  chatflowId: Type.Optional(Id),
});
/** `GET /api/widget/availability`: without `chatflowId` (older loaders), the site's first published chatflow. */
export const WidgetAvailabilityQuerySchema = Type.Object({
  siteKey: Type.String({ minLength: 1, maxLength: 100 }),
  chatflowId: Type.Optional(Id),
});
export * from './searchSchemas.js';
export * from './profileSchemas.js';
export * from './snoozeSchemas.js';
export * from './passwordResetSchemas.js';
export * from './macroSchemas.js';
export * from './attachmentSchemas.js';
export * from './ticketPropertySchemas.js';
export * from './readReceiptSchemas.js';
export * from './contactSchemas.js';
export * from './flowRunSchemas.js';
export * from './notificationSchemas.js';
export * from './inboxListSchemas.js';
export * from './flowSchemas.js';
export * from './consentSchemas.js';
