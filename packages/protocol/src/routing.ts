/**
 * Routing and availability models (R1–R4, W7, I2, I4): how a chatflow picks a user, when its
 * widget counts as available, and the offers and queue positions that come out of it.
 */
import type { ContactCriterion, VisitorCriterion } from './chatflows.js';
import type { ConversationSummary } from './models.js';

// ---------------------------------------------------------------- teams

export interface Team {
  id: number;
  name: string;
  memberIds: number[];
}

// ---------------------------------------------------------------- assignment (R1)

export type AssignmentMode = 'round_robin' | 'specific_user' | 'team' | 'custom_rules' | 'skills' | 'contact_owner';

export type TextOperator = 'is' | 'is_not' | 'contains' | 'starts_with' | 'ends_with';

/** One condition of a custom routing rule; a rule matches when all of its conditions do. */
export type RuleCondition =
  | { field: 'page_url'; operator: TextOperator; value: string }
  /** The browser language (BCP 47, e.g. "fi-FI"); `starts_with` "fi" matches every Finnish variant. */
  | { field: 'language'; operator: TextOperator; value: string }
  /** A visitor property set by the site (e.g. `plan` = `pro`). */
  | { field: 'property'; name: string; operator: TextOperator; value: string }
  /** W8: the visitor picked the answer labelled `value` at the flow's question card `cardId`. */
  | { field: 'answer'; cardId: string; value: string }
  /** Known (linked to a contact) or unknown, and the contact's fields and properties: the same criteria as targeting. */
  | VisitorCriterion
  | ContactCriterion;

export type RoutingTarget = { kind: 'user'; userId: number } | { kind: 'team'; teamId: number };

export interface RoutingRule {
  conditions: RuleCondition[];
  target: RoutingTarget;
}

export interface ChatflowRouting {
  mode: AssignmentMode;
  /** `specific_user`. */
  userId: number | null;
  /** `team`. */
  teamId: number | null;
  /** `skills`: a user must hold every one of them. */
  skills: string[];
  /** `custom_rules`: the first matching rule wins; no match → the fallback message. */
  rules: RoutingRule[];
  /** Seconds an offered user has to accept before the next user is tried (R3). */
  acceptTimeoutSeconds: number;
  /** Minutes without a message from either side before the chat closes as `inactive` (R4). */
  inactivityTimeoutMinutes: number;
  /** What the visitor reads when nobody accepted (R3). Plain text. */
  fallbackMessage: string;
  /** Who gets the missed-chat email; empty = every admin of the workspace. */
  ownerUserIds: number[];
}

// ---------------------------------------------------------------- availability (W7)

export type AvailabilityMode = 'users' | 'office_hours' | 'always';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * One opening on a weekday, local time in the schedule's zone, `HH:MM`. `end` may be `24:00`;
 * an `end` at or before `start` runs past midnight into the next day.
 */
export interface OfficeHoursRange {
  day: Weekday;
  start: string;
  end: string;
}

export interface OfficeHours {
  /** IANA zone, e.g. "Europe/Helsinki". */
  timeZone: string;
  ranges: OfficeHoursRange[];
  /** Closed all day on these local dates, `YYYY-MM-DD`. */
  holidays: string[];
}

export type TypicalReplyTime = 'none' | 'minutes' | 'hour' | 'day';
export type OfflineBehavior = 'return_time' | 'away_message' | 'hide_launcher' | 'nothing';
export type AtCapacityBehavior = 'waiting_message' | 'hide_launcher' | 'nothing';

export interface ChatflowAvailability {
  mode: AvailabilityMode;
  officeHours: OfficeHours;
  typicalReplyTime: TypicalReplyTime;
  /** Shown when nobody is available inside office hours, and offline with `away_message`. */
  awayMessage: string;
  offlineBehavior: OfflineBehavior;
  atCapacityBehavior: AtCapacityBehavior;
  /** Shown while every reachable user is at capacity, with the visitor's queue position. */
  waitingMessage: string;
}

export type WidgetAvailabilityState = 'available' | 'away' | 'offline' | 'at_capacity';

/** What the widget shows, resolved on the server from the state and the chatflow's behaviours. */
export interface WidgetAvailability {
  state: WidgetAvailabilityState;
  hideLauncher: boolean;
  /** Away or waiting message to show above the composer; null = none. */
  message: string | null;
  /** Only when available. */
  typicalReplyTime: Exclude<TypicalReplyTime, 'none'> | null;
  /** Offline with `return_time`: when office hours next open (epoch ms). */
  returnsAt: number | null;
}

// ---------------------------------------------------------------- conversations in routing

/**
 * Where a conversation stands in routing: `bot` (its chatflow's flow of cards runs; not routed
 * before the live-chat card, W8), `routing` (being placed), `offered` (a user has a
 * pending offer), `queued` (everyone reachable is at capacity), `missed` (nobody accepted; it
 * waits in Unassigned), `assigned`.
 */
export type RoutingState = 'bot' | 'routing' | 'offered' | 'queued' | 'missed' | 'assigned';

export interface QueueStatus {
  /** 1 = next to be offered. */
  position: number;
  estimatedWaitSeconds: number;
}

// ---------------------------------------------------------------- offers (R3, I4)

export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'expired' | 'cancelled';

export interface Offer {
  id: number;
  conversationId: number;
  userId: number;
  status: OfferStatus;
  createdAt: number;
  expiresAt: number;
  resolvedAt: number | null;
}

/** A pending offer as the offered user's banner shows it (event `offer.created`, `GET /api/offers`). */
export interface OfferEntry {
  offer: Offer;
  conversation: ConversationSummary;
  /**
   * The visitor's latest message, cut to `LIMITS.offerPreviewMaxLength` characters (with "…"), so
   * the agent sees what the chat is about before accepting; null when the visitor wrote nothing
   * yet. Visitor text: shown as text, never as HTML.
   */
  preview: string | null;
}

export interface OfferRef {
  offerId: number;
}

/** Why a user's availability changed without them: shown to them in the inbox. */
export type AwayReason = 'manual' | 'missed_offers' | 'disconnected';
