/**
 * TypeBox schemas of the contact, lead/deal, retention and widget identity routes (issue 10);
 * exported from the schemas entry. Bounds here only stop huge bodies; the server checks the exact
 * limits of CONTACT_LIMITS (in characters) and answers validation_failed with the field named.
 */
import Type from 'typebox';
import { CONTACT_LIMITS, CURRENCY_PATTERN, DATE_PATTERN, DEAL_VALUE_PATTERN } from './contacts.js';

const L = CONTACT_LIMITS;
const strict = { additionalProperties: false } as const;
const text = (max: number, description?: string) => Type.String({ maxLength: max * 4, ...(description ? { description } : {}) });
const nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const ContactPropertiesSchema = Type.Record(Type.String({ minLength: 1, maxLength: L.propertyKeyMaxLength * 4 }), Type.String({ maxLength: L.propertyValueMaxLength * 4 }), {
  maxProperties: L.propertiesMaxCount,
  description: `at most ${L.propertiesMaxCount} keys of 1–${L.propertyKeyMaxLength} characters, values up to ${L.propertyValueMaxLength}`,
});

const dealValue = Type.String({ pattern: DEAL_VALUE_PATTERN, description: 'decimal string, e.g. "1250.50"' });
const currency = Type.String({ pattern: CURRENCY_PATTERN, description: 'ISO 4217, e.g. EUR' });
const date = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });

export const ContactQuerySchema = Type.Object(
  {
    query: Type.Optional(text(L.queryMaxLength, 'substring of the name, email or phone; empty or missing lists the newest')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: L.listMaxRows })),
  },
  strict,
);

/** PATCH /api/contacts/:id: fields sent change (null clears); fields left out stay. */
export const UpdateContactSchema = Type.Object(
  {
    firstName: Type.Optional(nullable(text(L.nameMaxLength))),
    lastName: Type.Optional(nullable(text(L.nameMaxLength))),
    email: Type.Optional(nullable(text(L.emailMaxLength, 'unique per workspace, case-insensitive'))),
    phone: Type.Optional(nullable(text(L.phoneMaxLength))),
    organizationName: Type.Optional(nullable(text(L.organizationMaxLength))),
    organizationAddress: Type.Optional(nullable(text(L.addressMaxLength))),
    ownerId: Type.Optional(nullable(Id)),
    note: Type.Optional(nullable(text(L.noteMaxLength))),
    dealValue: Type.Optional(nullable(dealValue)),
    currency: Type.Optional(nullable(currency)),
    expectedCloseDate: Type.Optional(nullable(date)),
    properties: Type.Optional(ContactPropertiesSchema),
  },
  { ...strict, minProperties: 1 },
);

/** POST /api/conversations/:id/contact: the visitor becomes (or is linked to) the contact with this email. */
export const CreateConversationContactSchema = Type.Object(
  {
    email: text(L.emailMaxLength, 'links the contact with this email (any case) or makes one'),
    firstName: Type.Optional(nullable(text(L.nameMaxLength, 'used only for a new contact'))),
    lastName: Type.Optional(nullable(text(L.nameMaxLength, 'used only for a new contact'))),
  },
  strict,
);

/** POST /api/conversations/:id/leads and /deals. */
export const CreateLeadSchema = Type.Object(
  {
    title: text(L.titleMaxLength, `1–${L.titleMaxLength} characters`),
    organization: Type.Optional(nullable(text(L.organizationMaxLength, "default: the contact's organization"))),
    value: Type.Optional(nullable(dealValue)),
    currency: Type.Optional(nullable(currency)),
    expectedCloseDate: Type.Optional(nullable(date)),
    note: Type.Optional(nullable(text(L.noteMaxLength))),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')])),
  },
  strict,
);

/** PATCH /api/leads/:id and /api/deals/:id: fields sent change. */
export const UpdateLeadSchema = Type.Object(
  {
    title: Type.Optional(text(L.titleMaxLength)),
    organization: Type.Optional(nullable(text(L.organizationMaxLength))),
    value: Type.Optional(nullable(dealValue)),
    currency: Type.Optional(nullable(currency)),
    expectedCloseDate: Type.Optional(nullable(date)),
    note: Type.Optional(nullable(text(L.noteMaxLength))),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')])),
  },
  { ...strict, minProperties: 1 },
);

export const LeadListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: L.listMaxRows })),
  },
  strict,
);

export const RetentionSchema = Type.Object(
  { retentionDays: nullable(Type.Integer({ minimum: 1, maximum: L.retentionMaxDays, description: 'null keeps closed conversations forever' })) },
  strict,
);

export const IdentityVerificationSchema = Type.Object({ requireIdentityVerification: Type.Boolean() }, strict);

/** POST /api/widget/identify — `hash` = hex HMAC-SHA256(site secret, id), made by the site's backend. */
export const IdentifySchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: L.externalIdMaxLength * 4, description: "the site's own user id" }),
    email: Type.Optional(text(L.emailMaxLength)),
    name: Type.Optional(text(L.nameMaxLength)),
    hash: Type.Optional(Type.String({ maxLength: 128, description: 'hex HMAC-SHA256(site secret, id)' })),
  },
  strict,
);

/** POST /api/widget/email — W9 email capture. */
export const CaptureEmailSchema = Type.Object({ email: text(L.emailMaxLength), name: Type.Optional(text(L.nameMaxLength)) }, strict);

export const SetPropertiesSchema = Type.Object({ properties: ContactPropertiesSchema }, strict);

export const TrackEventSchema = Type.Object(
  {
    event: Type.String({ minLength: 1, maxLength: L.eventNameMaxLength * 4 }),
    properties: Type.Optional(
      Type.Record(Type.String({ minLength: 1, maxLength: L.propertyKeyMaxLength * 4 }), Type.String({ maxLength: L.propertyValueMaxLength * 4 }), { maxProperties: L.eventPropertiesMaxCount }),
    ),
    url: Type.Optional(Type.String({ maxLength: 2048 * 4 })),
  },
  strict,
);
