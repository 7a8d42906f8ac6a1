/**
 * W9 email capture and login-only mode: the settings the server refuses, who may start a chat,
 * and when the widget's email prompt is due.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMAIL_CAPTURE_LIMITS, emailPromptDueAt, startRefusal, validateSettings, type TimedLine } from '@parley/chatflow';

const paths = (value: object): string[] => validateSettings(value, true).map((p) => p.path);

test('accepts every mode, the minute range edges and a prompt up to its limit', () => {
  for (const emailCapture of ['never', 'noReply', 'beforeFirstMessage']) assert.deepEqual(paths({ emailCapture }), [], emailCapture);
  for (const loginOnly of ['off', 'startIdentifiedOnly', 'hideFromAnonymous']) assert.deepEqual(paths({ loginOnly }), [], loginOnly);
  assert.deepEqual(paths({ emailCaptureMinutes: EMAIL_CAPTURE_LIMITS.minutesMin }), []);
  assert.deepEqual(paths({ emailCaptureMinutes: EMAIL_CAPTURE_LIMITS.minutesMax }), []);
  assert.deepEqual(paths({ emailCapturePrompt: 'p'.repeat(EMAIL_CAPTURE_LIMITS.promptMaxLength) }), []);
  assert.deepEqual(paths({ emailCapturePrompt: 'Sähköposti <b>ei html</b> 😀' }), []);
});

test('refuses unknown modes, minutes out of range or not whole, and empty or long prompts', () => {
  const bad: Array<[object, string]> = [
    [{ emailCapture: 'always' }, 'settings.emailCapture'],
    [{ emailCapture: null }, 'settings.emailCapture'],
    [{ emailCapture: 'NEVER' }, 'settings.emailCapture'],
    [{ loginOnly: 'on' }, 'settings.loginOnly'],
    [{ loginOnly: true }, 'settings.loginOnly'],
    [{ emailCaptureMinutes: 0 }, 'settings.emailCaptureMinutes'],
    [{ emailCaptureMinutes: EMAIL_CAPTURE_LIMITS.minutesMax + 1 }, 'settings.emailCaptureMinutes'],
    [{ emailCaptureMinutes: 2.5 }, 'settings.emailCaptureMinutes'],
    [{ emailCaptureMinutes: '5' }, 'settings.emailCaptureMinutes'],
    [{ emailCapturePrompt: '   ' }, 'settings.emailCapturePrompt'],
    [{ emailCapturePrompt: 'p'.repeat(EMAIL_CAPTURE_LIMITS.promptMaxLength + 1) }, 'settings.emailCapturePrompt'],
    [{ emailCapturePrompt: 42 }, 'settings.emailCapturePrompt'],
  ];
  for (const [value, path] of bad) assert.deepEqual(paths(value), [path], JSON.stringify(value));
});

test('a complete settings object needs the new fields too', () => {
  const problems = validateSettings({ emailCapture: 'never' }, false).map((p) => p.path);
  assert.ok(problems.includes('settings.emailCaptureMinutes'));
  assert.ok(problems.includes('settings.loginOnly'));
  assert.ok(!problems.includes('settings.emailCapture'));
});

test('startRefusal: login-only comes before the email, and off/never let everyone start', () => {
  const anonymous = { identified: false, hasEmail: false };
  assert.equal(startRefusal({ emailCapture: 'never', loginOnly: 'off' }, anonymous), null);
  assert.equal(startRefusal({ emailCapture: 'noReply', loginOnly: 'off' }, anonymous), null);
  assert.equal(startRefusal({ emailCapture: 'never', loginOnly: 'startIdentifiedOnly' }, anonymous), 'identification_required');
  assert.equal(startRefusal({ emailCapture: 'never', loginOnly: 'hideFromAnonymous' }, anonymous), 'identification_required');
  assert.equal(startRefusal({ emailCapture: 'beforeFirstMessage', loginOnly: 'startIdentifiedOnly' }, anonymous), 'identification_required');
  assert.equal(startRefusal({ emailCapture: 'beforeFirstMessage', loginOnly: 'off' }, anonymous), 'email_required');
  assert.equal(startRefusal({ emailCapture: 'beforeFirstMessage', loginOnly: 'off' }, { identified: false, hasEmail: true }), null);
  assert.equal(startRefusal({ emailCapture: 'beforeFirstMessage', loginOnly: 'startIdentifiedOnly' }, { identified: true, hasEmail: false }), 'email_required');
  assert.equal(startRefusal({ emailCapture: 'beforeFirstMessage', loginOnly: 'startIdentifiedOnly' }, { identified: true, hasEmail: true }), null);
});

test('emailPromptDueAt: N minutes after the first visitor message, never once a user replied', () => {
  const t0 = 1_700_000_000_000;
  const lines = (...l: Array<[TimedLine['author'], number]>): TimedLine[] => l.map(([author, createdAt]) => ({ author, createdAt }));
  assert.equal(emailPromptDueAt(5, []), null);
  assert.equal(emailPromptDueAt(5, lines(['other', t0])), null, 'a welcome line alone is no message from the visitor');
  assert.equal(emailPromptDueAt(5, lines(['other', t0], ['visitor', t0 + 1000], ['visitor', t0 + 90_000])), t0 + 1000 + 5 * 60_000);
  assert.equal(emailPromptDueAt(1, lines(['visitor', t0], ['other', t0 + 10])), t0 + 60_000, 'bot lines are not replies');
  assert.equal(emailPromptDueAt(5, lines(['visitor', t0], ['user', t0 + 120_000])), null);
  assert.equal(emailPromptDueAt(5, lines(['user', t0 - 10], ['visitor', t0])), t0 + 5 * 60_000, 'a user line before the visitor wrote is no reply');
});
