/**
 * W10 consent: what a chatflow asks a visitor to agree to, and the record of each answer. Every
 * record keeps the exact text the visitor was shown and its language, so what was agreed to can be
 * shown later whatever the chatflow says by then.
 */
import type { ChatflowLanguage } from './chatflows.js';

export const CONSENT_KINDS = ['cookie', 'dataProcessing', 'communications'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** When the cookie banner shows: as the chat opens, or when the pointer leaves towards the top. */
export const COOKIE_CONSENT_TIMINGS = ['beforeChat', 'exitIntent'] as const;
export type CookieConsentTiming = (typeof COOKIE_CONSENT_TIMINGS)[number];

/**
 * `explicit`: the visitor clicks "I agree" before the first message (the server refuses the start
 * with `consent_required` until then); `legitimateInterest`: the text is shown, no click; `off`.
 */
export const DATA_PROCESSING_MODES = ['explicit', 'legitimateInterest', 'off'] as const;
export type DataProcessingMode = (typeof DATA_PROCESSING_MODES)[number];

export interface ChatflowConsent {
  /** Skipped for identified visitors (their site has its own agreement with them). */
  cookie: { enabled: boolean; when: CookieConsentTiming; text: string };
  dataProcessing: { mode: DataProcessingMode; text: string };
  /** An optional checkbox; a ticked box subscribes the visitor to `subscriptionTypeId`. */
  communications: { enabled: boolean; text: string; subscriptionTypeId: number | null };
  /** https only; shown as links before the first message. */
  privacyPolicyUrl: string | null;
  termsUrl: string | null;
}

/** What a PATCH sends: each part replaced whole when present. */
export type ChatflowConsentPatch = Partial<ChatflowConsent>;

/** The consent part of the widget config: what the frame shows (texts in the chatflow's language). */
export type WidgetConsent = ChatflowConsent & {
  /** The cookie banner shows: enabled, the visitor is not identified and has not answered it yet. */
  cookieApplies: boolean;
  /** The visitor already agreed to data processing in this chatflow (explicit mode needs no second click there). */
  dataProcessingGranted: boolean;
};

/** A kind of communication visitors may subscribe to (a newsletter, product news). Admins manage them. */
export interface SubscriptionType {
  id: number;
  name: string;
  description: string;
  createdAt: number;
}

export interface CreateSubscriptionTypeRequest {
  name: string;
  description?: string;
}
export type UpdateSubscriptionTypeRequest = Partial<CreateSubscriptionTypeRequest>;

/** One answer a visitor gave, as stored. */
export interface ConsentRecord {
  id: number;
  kind: ConsentKind;
  granted: boolean;
  /** Exactly what the visitor was shown. */
  text: string;
  language: ChatflowLanguage;
  subscriptionType: { id: number; name: string } | null;
  visitorId: number;
  contactId: number | null;
  conversationId: number | null;
  createdAt: number;
}

/** `POST /api/widget/consents`: the server takes the text from the chatflow, never from the visitor. */
export interface RecordConsentRequest {
  chatflowId: number;
  kind: ConsentKind;
  granted: boolean;
}
