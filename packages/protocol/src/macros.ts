/**
 * A6 macros: canned replies inserted with `/shortcut`. Shared macros (ownerUserId null) are
 * managed by admins and seen by everyone; personal ones only by their owner. Variables such as
 * `{{contact.first_name}}` are expanded by the inbox at insert time, never by the server.
 */
export const MACRO_SHORTCUT_PATTERN = '^[a-z0-9_-]{1,32}$';
export const MACRO_SHORTCUT_MAX_LENGTH = 32;
export const MACRO_TITLE_MAX_LENGTH = 80;
export const MACRO_BODY_MAX_LENGTH = 5000;

/**
 * The variables a macro body may use; anything else is left as typed so the agent notices.
 * `contact.*` come from the conversation's contact (I7) when the visitor is one, else from what
 * the visitor told the site (its name and `email`/`phone`/`organization` properties).
 */
export const MACRO_VARIABLES = [
  'contact.name',
  'contact.first_name',
  'contact.last_name',
  'contact.email',
  'contact.phone',
  'contact.organization',
  'agent.name',
  'agent.first_name',
] as const;
export type MacroVariable = (typeof MACRO_VARIABLES)[number];

export interface Macro {
  id: number;
  shortcut: string;
  title: string;
  body: string;
  /** Null = shared with the workspace. */
  ownerUserId: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface MacrosResponse { macros: Macro[] }
export interface MacroResponse { macro: Macro }

export interface CreateMacroRequest {
  shortcut: string;
  title: string;
  body: string;
  /** true = shared (admins only); default personal. */
  shared?: boolean;
}

/** The scope of a macro never changes; delete and create again instead. */
export interface UpdateMacroRequest {
  shortcut?: string;
  title?: string;
  body?: string;
}
