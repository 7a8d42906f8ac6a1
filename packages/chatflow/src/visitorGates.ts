/**
 * W9 email capture and login-only mode: what a chatflow asks of a visitor before (or while) they
 * chat. The server refuses a start with `startRefusal`; the widget shows the email prompt when
 * `emailPromptDue` says so. Both are pure, so the two sides cannot disagree.
 */
import type { ChatflowWidgetSettings, EmailCaptureMode, LoginOnlyMode } from '@parley/protocol';

export type VisitorGateSettings = Pick<ChatflowWidgetSettings, 'emailCapture' | 'emailCaptureMinutes' | 'loginOnly'>;

/** A new chatflow asks for nothing: both options change what visitors can do, so an admin turns them on. */
export const DEFAULT_VISITOR_GATES: VisitorGateSettings = { emailCapture: 'never', emailCaptureMinutes: 5, loginOnly: 'off' };

export const EMAIL_CAPTURE_LIMITS = { minutesMin: 1, minutesMax: 1440, promptMaxLength: 500 } as const;

export interface VisitorStanding {
  /** Verified by a valid identity hash, or identified at all where the site does not require verification. */
  identified: boolean;
  /** The visitor gave an email (or is linked to a contact). */
  hasEmail: boolean;
}

/** Why this visitor may not start a conversation, or null when they may. */
export function startRefusal(
  gates: { emailCapture: EmailCaptureMode; loginOnly: LoginOnlyMode },
  visitor: VisitorStanding,
): 'identification_required' | 'email_required' | null {
  if (gates.loginOnly !== 'off' && !visitor.identified) return 'identification_required';
  if (gates.emailCapture === 'beforeFirstMessage' && !visitor.hasEmail) return 'email_required';
  return null;
}

/** A line of the visitor's thread, as far as the prompt's timing cares. */
export interface TimedLine {
  author: 'visitor' | 'user' | 'other';
  createdAt: number;
}

/**
 * `noReply`: the prompt is due once `minutes` have passed since the visitor's first message with
 * no message from a user after it. Answers the time it becomes due (maybe in the past), or null
 * when it never will for these lines. Message times come from the server, so a reload gives the
 * same answer.
 */
export function emailPromptDueAt(minutes: number, lines: readonly TimedLine[]): number | null {
  const first = lines.find((line) => line.author === 'visitor');
  if (!first) return null;
  if (lines.some((line) => line.author === 'user' && line.createdAt >= first.createdAt)) return null;
  return first.createdAt + minutes * 60_000;
}
