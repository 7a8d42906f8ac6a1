/**
 * TypeBox schemas of W10 consent (shapes only; `validateConsent` of @parley/chatflow checks the
 * meaning: texts, https links).
 */
import Type from 'typebox';
import { CONSENT_KINDS, COOKIE_CONSENT_TIMINGS, DATA_PROCESSING_MODES } from './consent.js';

const strict = { additionalProperties: false } as const;
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((value) => Type.Literal(value)));
/** Generous bound so a huge body fails here; the engine's limit gives the precise sentence. */
const ConsentText = Type.String({ maxLength: 8000 });
const HttpsUrl = Type.Union([Type.String({ maxLength: 8000, description: 'https only' }), Type.Null()]);

export const ChatflowConsentSchema = Type.Object(
  {
    cookie: Type.Optional(
      Type.Object({ enabled: Type.Boolean(), when: literals(COOKIE_CONSENT_TIMINGS), text: ConsentText }, { ...strict, description: 'cookie banner; skipped for identified visitors' }),
    ),
    dataProcessing: Type.Optional(
      Type.Object(
        { mode: literals(DATA_PROCESSING_MODES), text: ConsentText },
        { ...strict, description: 'explicit: the visitor clicks "I agree" before sending; legitimateInterest: the text is shown; off' },
      ),
    ),
    communications: Type.Optional(
      Type.Object(
        { enabled: Type.Boolean(), text: ConsentText, subscriptionTypeId: Type.Union([Id, Type.Null()]) },
        { ...strict, description: 'optional checkbox bound to a subscription type' },
      ),
    ),
    privacyPolicyUrl: Type.Optional(HttpsUrl),
    termsUrl: Type.Optional(HttpsUrl),
  },
  { ...strict, description: 'W10 consent; each part replaced whole when present' },
);

export const RecordConsentSchema = Type.Object({ chatflowId: Id, kind: literals(CONSENT_KINDS), granted: Type.Boolean() }, strict);

export const CreateSubscriptionTypeSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 2000 })) },
  strict,
);
export const UpdateSubscriptionTypeSchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), description: Type.Optional(Type.String({ maxLength: 2000 })) },
  strict,
);
