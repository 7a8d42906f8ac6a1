/**
 * What a business builds (A2, W2–W6, W16): a chatflow's language, look, display behaviour,
 * triggers and targeting. The engine that decides with these (`@parley/chatflow`) is pure and
 * shared by the server, the widget and the admin preview, so "would this show?" has one answer.
 */

/** Languages of the widget and of a chatflow's default texts (W16). */
export const CHATFLOW_LANGUAGES = ['en', 'fi', 'sv', 'it', 'pl', 'de', 'fr', 'es'] as const;
export type ChatflowLanguage = (typeof CHATFLOW_LANGUAGES)[number];

/** How a URL rule compares the page URL with its value (W6). */
export const URL_OPERATORS = ['is', 'isNot', 'contains', 'startsWith', 'endsWith', 'wildcard'] as const;
export type UrlOperator = (typeof URL_OPERATORS)[number];

export type Device = 'desktop' | 'mobile';
export type VisitorKind = 'known' | 'unknown';

/**
 * One targeting rule. URL values that start with `/` are compared with the page's path; other
 * values with the URL without its query and fragment (`https://shop.example/pricing`). Query
 * parameters are matched by `query` rules only. Comparisons ignore case and a trailing slash.
 */
export type TargetingRule =
  | { field: 'url'; op: UrlOperator; value: string }
  | { field: 'query'; name: string; value: string }
  | { field: 'device'; value: Device }
  | VisitorCriterion
  | ContactCriterion;

/**
 * Visitor-information criteria, one type shared by targeting rules (W6) and custom routing rules
 * (R1) and matched by one function of the engine (`criterionMatches`).
 *
 * `visitor`: known = the visitor is linked to a contact (captured email or identify), unknown =
 * not (yet).
 */
export type VisitorCriterion = { field: 'visitor'; value: VisitorKind };

/** How a contact criterion compares; text comparisons ignore case. `isSet`/`isNotSet` take an empty value. */
export const CONTACT_OPERATORS = ['is', 'isNot', 'contains', 'isSet', 'isNotSet'] as const;
export type ContactOperator = (typeof CONTACT_OPERATORS)[number];

/**
 * Built-in contact fields a criterion can read. `emailDomain` is the part of the email after
 * `@` (`acme.example`); `owner` is the contact owner's user id (as text, `is`/`isNot`/set only).
 */
export const CONTACT_ATTRIBUTES = ['email', 'emailDomain', 'firstName', 'lastName', 'phone', 'organization', 'owner'] as const;
export type ContactAttribute = (typeof CONTACT_ATTRIBUTES)[number];

/**
 * A contact criterion: a built-in field (`contact`) or a custom property by its key
 * (`contactProperty`, e.g. `plan` is `enterprise`). A visitor without a contact has no value for
 * any of them: `is`, `contains` and `isSet` do not match it, `isNot` and `isNotSet` do.
 */
export type ContactCriterion =
  | { field: 'contact'; attribute: ContactAttribute; op: ContactOperator; value: string }
  | { field: 'contactProperty'; name: string; op: ContactOperator; value: string };

/** What criteria read about the visitor's contact. Server-side only: never sent to the widget. */
export interface ContactFacts {
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  organization: string | null;
  ownerId: number | null;
  properties: Record<string, string>;
}

/**
 * Where a chatflow shows: AND inside a group, OR between groups; any matching exclusion hides
 * it whatever the groups say. No groups = every page (exclusions still apply).
 */
export interface ChatflowTargeting {
  groups: TargetingRule[][];
  exclusions: TargetingRule[];
}

/**
 * W3 on a desktop: `prompt` shows the welcome message as a bubble above the launcher,
 * `launcher` only the launcher, `promptThenOpen` the bubble and then opens the chat when a
 * trigger fires (or the visitor clicks, whichever comes first).
 */
export type DesktopDisplay = 'prompt' | 'launcher' | 'promptThenOpen';
/** W3 on a phone: the bubble or the launcher only. */
export type MobileDisplay = 'prompt' | 'launcher';

/**
 * W4: when the display behaviour happens. With `prompt`, the bubble waits for the first trigger;
 * with `promptThenOpen`, the chat opens on the first trigger. No trigger set = at once (prompt)
 * or never by itself (promptThenOpen). The launcher is always there.
 */
export interface ChatflowTriggers {
  /** The pointer leaves the window towards the top (desktop only). */
  exitIntent: boolean;
  /** Seconds on the page (5 or more recommended); null = off. */
  secondsOnPage: number | null;
  /** Percent of the page scrolled, 1–100; null = off. */
  scrollPercent: number | null;
}

export interface ChatflowDisplay {
  desktop: DesktopDisplay;
  mobile: MobileDisplay;
  triggers: ChatflowTriggers;
}

/**
 * W2 chat heading: `branding` = the name and image below; `users` = the listed users' names and
 * avatars; `owner` = the visitor's contact owner (branding when there is none).
 */
export type HeadingMode = 'branding' | 'users' | 'owner';

/** W9: when the widget asks for the visitor's email: never, after N minutes without a reply, or before the first message. */
export const EMAIL_CAPTURE_MODES = ['never', 'noReply', 'beforeFirstMessage'] as const;
export type EmailCaptureMode = (typeof EMAIL_CAPTURE_MODES)[number];
/** Login-only mode (W15): who may start a chat, or see the widget at all. */
export const LOGIN_ONLY_MODES = ['off', 'startIdentifiedOnly', 'hideFromAnonymous'] as const;
export type LoginOnlyMode = (typeof LOGIN_ONLY_MODES)[number];

/** A person (or the brand) shown in the widget's heading. */
export interface HeadingPerson {
  name: string;
  avatarUrl: string | null;
}

/** The heading as the widget draws it, resolved by the server for this visitor. */
export interface WidgetHeading {
  title: string;
  people: HeadingPerson[];
}

/** The few loader strings (launcher, prompt), sent in the config in the chatflow's language. */
export interface LoaderStrings {
  openChat: string;
  closeChat: string;
  dismissPrompt: string;
  /** Accessible name of the unread badge, `{count}` replaced. */
  unread: string;
  /** W17: the flashing page title after "(count) ", and the preview bubble's text for a message without text. */
  newMessage: string;
}

/**
 * Why the widget shows a chatflow or none for one page view (W6, W19): which chatflows were
 * considered in priority order and what decided each.
 */
export type TargetingOutcome =
  /** No groups: every page. */
  | { shown: true; reason: 'everyPage' }
  /** Group `groupIndex` matched; `rules` are its rules. */
  | { shown: true; reason: 'groupMatched'; groupIndex: number; rules: TargetingRule[] }
  | { shown: false; reason: 'excluded'; rule: TargetingRule }
  /** No group matched; `failedRules` holds the first rule that failed in each group. */
  | { shown: false; reason: 'noGroupMatched'; failedRules: TargetingRule[] };

/** What the visitor's page view looks like to targeting. */
export interface VisitorSituation {
  /** Absolute page URL (`https://shop.example/pricing?plan=pro`). */
  url: string;
  device: Device;
  /** Linked to a contact. */
  known: boolean;
  /** The linked contact's fields for contact criteria; absent or null = no contact. */
  contact?: ContactFacts | null;
}
