/**
 * I8 notifications: what each user chooses to be told about, and how. The inbox reads these for
 * browser notifications and sound; the server reads the email choices when it mails someone who
 * is away or offline.
 */

/** What happens in the inbox that may deserve a notification. */
export const NOTIFICATION_KINDS = ['newConversation', 'assignedToMe', 'newMessage'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What may be emailed: a new chat and a chat assigned to me only while I am away or have no inbox
 * open; a missed chat (nobody accepted it in time, R3) whenever it happens, to the chatflow's
 * owners or else the admins.
 */
export const EMAIL_NOTIFICATION_KINDS = ['newConversation', 'assignedWhileAway', 'missedChat'] as const;
export type EmailNotificationKind = (typeof EMAIL_NOTIFICATION_KINDS)[number];

export interface NotificationPreferences {
  /** A browser (desktop) notification per kind. */
  browser: Record<NotificationKind, boolean>;
  /** The chime per kind. */
  sound: Record<NotificationKind, boolean>;
  /** Email per kind (see EMAIL_NOTIFICATION_KINDS for when each is sent). */
  email: Record<EmailNotificationKind, boolean>;
}

/**
 * Someone who never chose: everything in the inbox, an email when a chat is handed to them while
 * they are away (someone is waiting on them personally) and the missed-chat email they would get
 * anyway as an owner or admin. Every new chat by email is opt-in: in a busy workspace it would be
 * a flood.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  browser: { newConversation: true, assignedToMe: true, newMessage: true },
  sound: { newConversation: true, assignedToMe: true, newMessage: true },
  email: { newConversation: false, assignedWhileAway: true, missedChat: true },
};

export interface NotificationPreferencesResponse {
  preferences: NotificationPreferences;
}
