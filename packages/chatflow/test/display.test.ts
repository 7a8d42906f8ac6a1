/**
 * W3–W5 as the loader decides them: every row of the display table in docs/chatflows.md, with
 * and without triggers, the 24-hour minimize and the phone/desktop width boundary.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatflowDisplay, ChatflowTriggers, Device, DesktopDisplay, MobileDisplay } from '@parley/protocol';
import { DEFAULT_DISPLAY, MINIMIZE_HOLD_MS, deviceForWidth, displayPlan, minimizeHolds, type DisplayPlan } from '@parley/chatflow';

const NONE: ChatflowTriggers = { exitIntent: false, secondsOnPage: null, scrollPercent: null };
const SECONDS: ChatflowTriggers = { ...NONE, secondsOnPage: 10 };
const ZERO_SECONDS: ChatflowTriggers = { ...NONE, secondsOnPage: 0 };
const SCROLL: ChatflowTriggers = { ...NONE, scrollPercent: 50 };
const EXIT: ChatflowTriggers = { ...NONE, exitIntent: true };
const ALL: ChatflowTriggers = { exitIntent: true, secondsOnPage: 5, scrollPercent: 25 };

const display = (desktop: DesktopDisplay, mobile: MobileDisplay, triggers: ChatflowTriggers): ChatflowDisplay => ({ desktop, mobile, triggers });
const plan = (prompt: DisplayPlan['prompt'], openOnTrigger: boolean): DisplayPlan => ({ prompt, openOnTrigger });

type Row = [device: Device, mode: DesktopDisplay | MobileDisplay, triggers: ChatflowTriggers, label: string, expected: DisplayPlan];

const rows: Row[] = [
  // desktop prompt: the bubble when the first trigger fires, at once without triggers; never opens
  ['desktop', 'prompt', NONE, 'no triggers', plan('atOnce', false)],
  ['desktop', 'prompt', SECONDS, 'seconds', plan('onTrigger', false)],
  ['desktop', 'prompt', ZERO_SECONDS, '0 seconds', plan('onTrigger', false)],
  ['desktop', 'prompt', SCROLL, 'scroll', plan('onTrigger', false)],
  ['desktop', 'prompt', EXIT, 'exit intent', plan('onTrigger', false)],
  ['desktop', 'prompt', ALL, 'all triggers', plan('onTrigger', false)],
  // desktop launcher: nothing by itself, triggers or not
  ['desktop', 'launcher', NONE, 'no triggers', plan('never', false)],
  ['desktop', 'launcher', ALL, 'all triggers', plan('never', false)],
  // desktop promptThenOpen: the bubble at once, the chat opens on the first trigger
  ['desktop', 'promptThenOpen', NONE, 'no triggers', plan('atOnce', false)],
  ['desktop', 'promptThenOpen', SECONDS, 'seconds', plan('atOnce', true)],
  ['desktop', 'promptThenOpen', SCROLL, 'scroll', plan('atOnce', true)],
  ['desktop', 'promptThenOpen', EXIT, 'exit intent', plan('atOnce', true)],
  ['desktop', 'promptThenOpen', ALL, 'all triggers', plan('atOnce', true)],
  // mobile prompt: as desktop prompt, but exit intent never fires on a phone
  ['mobile', 'prompt', NONE, 'no triggers', plan('atOnce', false)],
  ['mobile', 'prompt', SECONDS, 'seconds', plan('onTrigger', false)],
  ['mobile', 'prompt', SCROLL, 'scroll', plan('onTrigger', false)],
  ['mobile', 'prompt', EXIT, 'exit intent only', plan('atOnce', false)],
  ['mobile', 'prompt', ALL, 'all triggers', plan('onTrigger', false)],
  // mobile launcher
  ['mobile', 'launcher', NONE, 'no triggers', plan('never', false)],
  ['mobile', 'launcher', ALL, 'all triggers', plan('never', false)],
];

for (const [device, mode, triggers, label, expected] of rows) {
  test(`${device} ${mode} with ${label} → prompt ${expected.prompt}, opens by itself: ${expected.openOnTrigger}`, () => {
    // The other device's setting must not matter: set it to the opposite of what is tested.
    const d = device === 'desktop' ? display(mode as DesktopDisplay, mode === 'launcher' ? 'prompt' : 'launcher', triggers) : display(mode === 'launcher' ? 'promptThenOpen' : 'launcher', mode as MobileDisplay, triggers);
    assert.deepEqual(displayPlan(d, device), expected);
  });
}

test('the chat never opens by itself on a phone, even with a stored promptThenOpen', () => {
  const stored = { desktop: 'promptThenOpen', mobile: 'promptThenOpen', triggers: ALL } as unknown as ChatflowDisplay;
  assert.deepEqual(displayPlan(stored, 'mobile'), plan('onTrigger', false));
});

test('the default display: the bubble at once on desktops, the launcher only on phones', () => {
  assert.deepEqual(DEFAULT_DISPLAY, { desktop: 'prompt', mobile: 'launcher', triggers: NONE });
  assert.deepEqual(displayPlan(DEFAULT_DISPLAY, 'desktop'), plan('atOnce', false));
  assert.deepEqual(displayPlan(DEFAULT_DISPLAY, 'mobile'), plan('never', false));
});

test('a minimize holds for 24 hours and not from then on', () => {
  const t0 = Date.UTC(2025, 5, 2, 12, 0);
  assert.equal(MINIMIZE_HOLD_MS, 24 * 60 * 60 * 1000);
  const rows: [minimizedAt: number | null, now: number, holds: boolean][] = [
    [null, t0, false],
    [t0, t0, true],
    [t0, t0 + 1, true],
    [t0, t0 + 23 * 60 * 60 * 1000, true],
    [t0, t0 + MINIMIZE_HOLD_MS - 1, true],
    [t0, t0 + MINIMIZE_HOLD_MS, false],
    [t0, t0 + MINIMIZE_HOLD_MS + 1, false],
    [t0, t0 + 7 * MINIMIZE_HOLD_MS, false],
    [0, 0, true],
    [0, MINIMIZE_HOLD_MS, false],
    [t0 + 60_000, t0, true], // the clock was set back a minute: still a fresh minimize
  ];
  for (const [minimizedAt, now, holds] of rows) assert.equal(minimizeHolds(minimizedAt, now), holds, `${minimizedAt} at ${now}`);
});

test('phones are narrower than 768 px', () => {
  const rows: [number, Device][] = [
    [0, 'mobile'],
    [320, 'mobile'],
    [390, 'mobile'],
    [767, 'mobile'],
    [767.5, 'mobile'],
    [768, 'desktop'],
    [769, 'desktop'],
    [1024, 'desktop'],
    [1920, 'desktop'],
  ];
  for (const [width, device] of rows) assert.equal(deviceForWidth(width), device, `${width} px`);
});
