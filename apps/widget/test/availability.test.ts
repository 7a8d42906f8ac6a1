/**
 * The availability notice (W7), the place in line, the ended text (R4) and the loader's launcher
 * rule, without a browser: run with `node --import tsx --test apps/widget/test/*.test.ts`.
 */
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { AgentPublic, CloseReason, QueueStatus, VisitorConversation, WidgetAvailability } from '@parley/protocol';
import { formatReturnTime } from '../src/frame/format';
import { setStrings } from '../src/frame/i18n';
import en from '../src/frame/i18n/en';
import fi from '../src/frame/i18n/fi';
import { availabilityNotice, endedText, readAvailability, waitMinutes, type Notice } from '../src/frame/state/availability';
import { launcherShown } from '../src/loader/launcherRule';

// The notice speaks the chatflow's language; these tests read the English table unless they say.
beforeEach(() => setStrings('en', en));

const NOW = Date.UTC(2025, 5, 2, 12, 0); // Monday 2 June 2025, 12:00 UTC
const HOUR = 60 * 60 * 1000;

const availability = (patch: Partial<WidgetAvailability>): WidgetAvailability => ({
  state: 'available',
  hideLauncher: false,
  message: null,
  typicalReplyTime: null,
  returnsAt: null,
  ...patch,
});

const agent: AgentPublic = { id: 7, name: 'Alice', avatarUrl: null };

const conversation = (patch: {
  status?: 'open' | 'closed';
  queue?: QueueStatus | null;
  assignee?: AgentPublic | null;
  closeReason?: CloseReason | null;
}): VisitorConversation => ({
  id: 1,
  status: patch.status ?? 'open',
  assignee: patch.assignee ?? null,
  version: 1,
  lastSeq: 1,
  createdAt: 1,
  closedAt: patch.status === 'closed' ? 2 : null,
  closeReason: patch.closeReason ?? null,
  queue: patch.queue ?? null,
  visitorReadSeq: 0,
  agentReadSeq: 0,
});

/** Marks the formatted time so the tests see that returnsAt went through the formatter. */
const formatReturn = (epochMs: number): string => `<${epochMs}>`;

function lines(a: WidgetAvailability | null, c: VisitorConversation | null = null): string[] {
  return availabilityNotice({ availability: a, conversation: c, now: NOW, formatReturn })?.lines ?? [];
}

function kind(a: WidgetAvailability | null, c: VisitorConversation | null = null): Notice['kind'] | null {
  return availabilityNotice({ availability: a, conversation: c, now: NOW, formatReturn })?.kind ?? null;
}

test('available: the typical reply time, or nothing', () => {
  assert.deepEqual(lines(availability({ typicalReplyTime: 'minutes' })), ['Typically replies in a few minutes']);
  assert.deepEqual(lines(availability({ typicalReplyTime: 'hour' })), ['Typically replies in an hour']);
  assert.deepEqual(lines(availability({ typicalReplyTime: 'day' })), ['Typically replies in a day']);
  assert.equal(availabilityNotice({ availability: availability({}), conversation: null, now: NOW, formatReturn }), null);
  // A stray message on an available state is not an away message.
  assert.deepEqual(lines(availability({ message: 'Back soon' })), []);
});

test('away and at capacity show their message; a blank message is none', () => {
  assert.deepEqual(lines(availability({ state: 'away', message: 'We are away right now.' })), ['We are away right now.']);
  assert.equal(kind(availability({ state: 'away', message: 'x' })), 'away');
  assert.deepEqual(lines(availability({ state: 'at_capacity', message: 'All agents are busy.' })), ['All agents are busy.']);
  assert.equal(kind(availability({ state: 'at_capacity', message: 'x' })), 'at_capacity');
  assert.equal(kind(availability({ state: 'away', message: '  ' })), null);
  assert.equal(kind(availability({ state: 'at_capacity', message: null })), null);
});

test('offline: the return time when known and ahead, else the message', () => {
  const returnsAt = NOW + 3 * HOUR;
  assert.deepEqual(lines(availability({ state: 'offline', returnsAt, message: 'Away' })), [`We're back <${returnsAt}>`]);
  assert.deepEqual(lines(availability({ state: 'offline', message: 'Closed for today' })), ['Closed for today']);
  assert.deepEqual(lines(availability({ state: 'offline', returnsAt: NOW - HOUR, message: 'Closed' })), ['Closed']);
  assert.equal(kind(availability({ state: 'offline' })), null);
  assert.equal(kind(null), null);
});

test('the queue replaces the waiting message and rounds the wait up to whole minutes', () => {
  const waiting = availability({ state: 'at_capacity', message: 'All agents are busy.' });
  const queued = conversation({ queue: { position: 3, estimatedWaitSeconds: 130 } });
  assert.deepEqual(lines(waiting, queued), ['You are number 3 in line', 'Estimated wait: about 3 minutes']);
  assert.equal(kind(waiting, queued), 'queue');
  assert.deepEqual(lines(waiting, conversation({ queue: { position: 1, estimatedWaitSeconds: 0 } })), [
    'You are number 1 in line',
    'Estimated wait: about 1 minute',
  ]);
  assert.deepEqual(lines(null, conversation({ queue: { position: 2, estimatedWaitSeconds: 120 } })), [
    'You are number 2 in line',
    'Estimated wait: about 2 minutes',
  ]);
  // Left the queue without an agent yet (e.g. missed): back to the availability notice.
  assert.deepEqual(lines(waiting, conversation({ queue: null })), ['All agents are busy.']);
});

test('the notice is in the chatflow language, plural forms from Intl', () => {
  setStrings('fi', fi);
  const queued = conversation({ queue: { position: 3, estimatedWaitSeconds: 130 } });
  assert.deepEqual(lines(null, queued), ['Olet jonossa sijalla 3', 'Arvioitu odotusaika: noin 3 minuuttia']);
  assert.deepEqual(lines(null, conversation({ queue: { position: 1, estimatedWaitSeconds: 30 } }))[1], 'Arvioitu odotusaika: noin 1 minuutti');
  assert.deepEqual(lines(availability({ typicalReplyTime: 'hour' })), ['Vastaa yleensä tunnin sisällä']);
  const returnsAt = NOW + 3 * HOUR;
  assert.deepEqual(lines(availability({ state: 'offline', returnsAt })), [`Palaamme <${returnsAt}>`]);
  assert.equal(endedText('inactive'), 'Tämä keskustelu päättyi, koska siinä ei ollut toimintaa vähään aikaan.');
});

test('waitMinutes rounds up and never says less than a minute', () => {
  assert.equal(waitMinutes(0), 1);
  assert.equal(waitMinutes(1), 1);
  assert.equal(waitMinutes(60), 1);
  assert.equal(waitMinutes(61), 2);
  assert.equal(waitMinutes(599), 10);
});

test('no notice once an agent has joined the open conversation', () => {
  const busy = availability({ state: 'at_capacity', message: 'All agents are busy.' });
  assert.equal(kind(busy, conversation({ assignee: agent })), null);
  assert.equal(kind(availability({ typicalReplyTime: 'minutes' }), conversation({ assignee: agent })), null);
});

test('a closed conversation shows the availability for the next one', () => {
  const away = availability({ state: 'away', message: 'Away' });
  assert.deepEqual(lines(away, conversation({ status: 'closed', assignee: agent, closeReason: 'agent_closed' })), ['Away']);
  assert.deepEqual(
    lines(away, conversation({ status: 'closed', queue: { position: 1, estimatedWaitSeconds: 60 } })),
    ['Away'],
    'a stale queue on a closed conversation is not shown',
  );
});

test('the ended text names inactivity only for the inactivity timeout', () => {
  assert.equal(endedText('inactive'), 'This chat ended because there was no activity for a while.');
  assert.equal(endedText('visitor_ended'), 'This chat has ended.');
  assert.equal(endedText('agent_closed'), 'This chat has ended.');
  assert.equal(endedText(null), 'This chat has ended.');
});

test('readAvailability keeps well-formed states and drops the rest', () => {
  const good = availability({ state: 'offline', hideLauncher: true, message: 'm', returnsAt: NOW });
  assert.deepEqual(readAvailability(good), good);
  assert.equal(readAvailability(null), null);
  assert.equal(readAvailability('offline'), null);
  assert.equal(readAvailability({ state: 'sleeping' }), null);
  assert.deepEqual(readAvailability({ state: 'available', hideLauncher: 'yes', message: 5, typicalReplyTime: 'week', returnsAt: Infinity }), {
    state: 'available',
    hideLauncher: false,
    message: null,
    typicalReplyTime: null,
    returnsAt: null,
  });
  assert.equal(readAvailability({ state: 'available', typicalReplyTime: 'hour' })?.typicalReplyTime, 'hour');
});

test('formatReturnTime: weekday and time in the given zone, with the date when a week or more ahead', () => {
  // Normalise the narrow no-break space some ICU versions put before AM/PM.
  const plain = (s: string) => s.replace(/\s/g, ' ');
  const tuesdayMorning = Date.UTC(2025, 5, 3, 9, 0);
  assert.equal(plain(formatReturnTime(tuesdayMorning, NOW, 'en-US', 'UTC')), 'Tuesday 9:00 AM');
  assert.equal(plain(formatReturnTime(tuesdayMorning, NOW, 'en-US', 'Europe/Helsinki')), 'Tuesday 12:00 PM');
  assert.equal(plain(formatReturnTime(tuesdayMorning, NOW, 'fi-FI', 'UTC')), 'tiistaina 9.00');
  const nextMonday = Date.UTC(2025, 5, 9, 9, 0);
  assert.equal(plain(formatReturnTime(nextMonday, NOW, 'en-US', 'UTC')), 'Monday, June 9 at 9:00 AM');
});

test('launcher: hidden while the window is open; hideLauncher applies until the chat was opened on this page', () => {
  assert.equal(launcherShown(false, false, false), true);
  assert.equal(launcherShown(false, false, true), false);
  assert.equal(launcherShown(false, true, true), true, 'minimized after opening: stays reachable');
  assert.equal(launcherShown(true, true, false), false);
  assert.equal(launcherShown(true, true, true), false);
});
