/**
 * What the visitor reads above the composer about the team's availability (W7) and their place
 * in line, and how an ended chat explains itself (R4). Pure functions, so the rules can be tested
 * without a browser:
 *
 * - while the open conversation waits in line (`queue`), its position and estimated wait replace
 *   any other notice (in particular the at-capacity waiting message);
 * - once an agent has joined the open conversation there is no notice: "we're away" or "all busy"
 *   would be wrong for a visitor who is already being helped (at capacity is often reached
 *   precisely because agents are chatting);
 * - otherwise (no conversation yet, or a closed one: the next message starts a new one) the
 *   notice follows the chatflow's availability state as resolved by the server.
 *
 * The notice never blocks writing: the server decides where a message goes.
 */
import type { CloseReason, VisitorConversation, WidgetAvailability, WidgetAvailabilityState } from '@parley/protocol';
import { formatMinutes } from '../format';
import { t, type StringKey } from '../i18n';

export interface Notice {
  /** Which notice this is (exposed as `data-state` for styling and tests). */
  kind: WidgetAvailabilityState | 'queue';
  lines: string[];
}

/** Texts are in the active language (../i18n); times through `formatReturn`. */
export interface NoticeInput {
  availability: WidgetAvailability | null;
  conversation: VisitorConversation | null;
  now: number;
  /** Formats `returnsAt` for the visitor (format.ts `formatReturnTime`). */
  formatReturn(epochMs: number, now: number): string;
}

const REPLY_TIME = {
  minutes: 'repliesInMinutes',
  hour: 'repliesInAnHour',
  day: 'repliesInADay',
} as const satisfies Record<string, StringKey>;

/** Admin-written text; blank counts as none. */
const text = (value: string | null): string | null => (value && value.trim() ? value : null);

function notice(kind: Notice['kind'], lines: Array<string | null>): Notice | null {
  const present = lines.filter((line): line is string => line !== null);
  return present.length > 0 ? { kind, lines: present } : null;
}

/** Estimated wait in whole minutes, rounded up, never below one (nobody waits "0 minutes"). */
export function waitMinutes(estimatedWaitSeconds: number): number {
  return Math.max(1, Math.ceil(estimatedWaitSeconds / 60));
}

export function availabilityNotice({ availability, conversation, now, formatReturn }: NoticeInput): Notice | null {
  if (conversation?.status === 'open') {
    const { queue } = conversation;
    if (queue) {
      return notice('queue', [
        Number.isInteger(queue.position) && queue.position >= 1 ? t('queuePosition', { position: queue.position }) : null,
        Number.isFinite(queue.estimatedWaitSeconds)
          ? t('queueWait', { duration: formatMinutes(waitMinutes(queue.estimatedWaitSeconds)) })
          : null,
      ]);
    }
    if (conversation.assignee) return null;
  }
  if (!availability) return null;
  switch (availability.state) {
    case 'available':
      return notice('available', [availability.typicalReplyTime ? t(REPLY_TIME[availability.typicalReplyTime]) : null]);
    case 'offline': {
      // A return time already past means our state is stale (a change is on its way); say nothing wrong.
      const { returnsAt } = availability;
      if (returnsAt !== null && returnsAt > now) return notice('offline', [t('backAt', { when: formatReturn(returnsAt, now) })]);
      return notice('offline', [text(availability.message)]);
    }
    case 'away':
    case 'at_capacity':
      return notice(availability.state, [text(availability.message)]);
  }
}

/** The first line of the ended notice (W13); the reason matters only for the inactivity timeout. */
export function endedText(closeReason: CloseReason | null): string {
  return t(closeReason === 'inactive' ? 'endedInactive' : 'ended');
}

const STATES: readonly string[] = ['available', 'away', 'offline', 'at_capacity'] satisfies WidgetAvailabilityState[];
const REPLY_TIMES: readonly string[] = Object.keys(REPLY_TIME);

/**
 * Checks an availability that came over the bridge from the host page (which anything on that
 * page could imitate): returns a well-formed copy, or null for something that is not one.
 */
export function readAvailability(value: unknown): WidgetAvailability | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (typeof raw.state !== 'string' || !STATES.includes(raw.state)) return null;
  return {
    state: raw.state as WidgetAvailabilityState,
    hideLauncher: raw.hideLauncher === true,
    message: typeof raw.message === 'string' ? raw.message : null,
    typicalReplyTime:
      typeof raw.typicalReplyTime === 'string' && REPLY_TIMES.includes(raw.typicalReplyTime)
        ? (raw.typicalReplyTime as WidgetAvailability['typicalReplyTime'])
        : null,
    returnsAt: typeof raw.returnsAt === 'number' && Number.isFinite(raw.returnsAt) ? raw.returnsAt : null,
  };
}
