/**
 * The loader's pure parts without a browser: trigger math and arming (W4), the 24-hour minimize
 * (W5) and the History API watch (W6). The browser's globals the loader touches (`document`,
 * `addEventListener`, `history`, `location`, `localStorage`, scroll metrics) are stood in for by
 * plain EventTargets and objects. Run with `node --import tsx --test apps/widget/test/loader.test.ts`.
 */
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { MINIMIZE_HOLD_MS } from '@parley/chatflow';
import type { ChatflowTriggers } from '@parley/protocol';
import { watchUrl } from '../src/loader/history';
import { minimizedKey, minimizeHeld, parseMinimizedAt, rememberMinimize } from '../src/loader/minimize';
import { armTriggers, leavesTowardsTop, scrolledPercent } from '../src/loader/triggers';

const g = globalThis as unknown as Record<string, unknown>;

/** A page: the window and the document as event targets, with scroll metrics and a URL. */
function fakePage() {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { documentElement: { scrollHeight: 4000 } });
  const stored = new Map<string, string>();
  Object.assign(g, {
    document: doc,
    addEventListener: win.addEventListener.bind(win),
    removeEventListener: win.removeEventListener.bind(win),
    scrollY: 0,
    innerHeight: 1000,
    localStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, String(value)),
      removeItem: (key: string) => void stored.delete(key),
    },
  });
  return {
    win,
    doc,
    stored,
    scrollTo(y: number) {
      g.scrollY = y;
      win.dispatchEvent(new Event('scroll'));
    },
    mouseOut(clientY: number, relatedTarget: object | null = null) {
      doc.dispatchEvent(Object.assign(new Event('mouseout'), { clientY, relatedTarget }));
    },
  };
}

const triggers = (patch: Partial<ChatflowTriggers>): ChatflowTriggers => ({
  exitIntent: false,
  secondsOnPage: null,
  scrollPercent: null,
  ...patch,
});

let page: ReturnType<typeof fakePage>;
beforeEach(() => {
  page = fakePage();
});

test('scrolledPercent: the bottom of the viewport against the page height', () => {
  assert.equal(scrolledPercent(0, 1000, 4000), 25);
  assert.equal(scrolledPercent(1000, 1000, 4000), 50);
  assert.equal(scrolledPercent(3000, 1000, 4000), 100);
  assert.equal(scrolledPercent(0, 1000, 1000), 100, 'a page that fits the window');
});

test('leavesTowardsTop: out of the document through the top edge only', () => {
  assert.equal(leavesTowardsTop({ clientY: 0, relatedTarget: null }), true);
  assert.equal(leavesTowardsTop({ clientY: -8, relatedTarget: null }), true);
  assert.equal(leavesTowardsTop({ clientY: 1, relatedTarget: null }), false, 'out through a side or the bottom');
  assert.equal(leavesTowardsTop({ clientY: -8, relatedTarget: {} as EventTarget }), false, 'onto another element');
});

test('seconds on page: fires once after the time, not before', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let fired = 0;
  armTriggers(triggers({ secondsOnPage: 5 }), true, () => fired++);
  t.mock.timers.tick(4999);
  assert.equal(fired, 0);
  t.mock.timers.tick(1);
  assert.equal(fired, 1);
  t.mock.timers.tick(60_000);
  assert.equal(fired, 1);
});

test('percent scrolled: fires when the viewport bottom reaches the percentage, on scrolling only', () => {
  let fired = 0;
  // 25 % is in view on arrival; that alone does not count.
  armTriggers(triggers({ scrollPercent: 25 }), true, () => fired++);
  assert.equal(fired, 0);
  const other = armTriggers(triggers({ scrollPercent: 60 }), true, () => fired += 10);
  page.scrollTo(1000); // 50 %
  assert.equal(fired, 1, 'the 25 % trigger');
  page.scrollTo(1399); // 59.975 %
  assert.equal(fired, 1);
  page.scrollTo(1400); // 60 %
  assert.equal(fired, 11);
  page.scrollTo(3000);
  assert.equal(fired, 11, 'each fires once');
  other();
});

test('exit intent: desktop only, through the top edge only', () => {
  let desktop = 0;
  let mobile = 0;
  armTriggers(triggers({ exitIntent: true }), true, () => desktop++);
  armTriggers(triggers({ exitIntent: true }), false, () => mobile++);
  page.mouseOut(300);
  page.mouseOut(0, {});
  assert.equal(desktop, 0);
  page.mouseOut(-2);
  assert.equal(desktop, 1);
  page.mouseOut(-2);
  assert.equal(desktop, 1);
  assert.equal(mobile, 0);
});

test('the first trigger wins and disarms the others; disarm cancels everything', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let fired = 0;
  armTriggers(triggers({ exitIntent: true, secondsOnPage: 10, scrollPercent: 50 }), true, () => fired++);
  page.scrollTo(2000);
  assert.equal(fired, 1);
  page.mouseOut(-1);
  t.mock.timers.tick(10_000);
  assert.equal(fired, 1);

  const disarm = armTriggers(triggers({ exitIntent: true, secondsOnPage: 10, scrollPercent: 50 }), true, () => fired++);
  disarm();
  page.scrollTo(3000);
  page.mouseOut(-1);
  t.mock.timers.tick(10_000);
  assert.equal(fired, 1);
});

test('minimize: one key per site, kept as epoch ms; garbage reads as never', () => {
  assert.equal(minimizedKey('site-1'), 'parley:site-1:minimizedAt');
  assert.equal(parseMinimizedAt(null), null);
  assert.equal(parseMinimizedAt(''), null);
  assert.equal(parseMinimizedAt('yesterday'), null);
  assert.equal(parseMinimizedAt('0'), null);
  assert.equal(parseMinimizedAt('1767225600000'), 1767225600000);
});

test('minimize holds for 24 hours on the same site and not after, nor on another site', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_767_225_600_000 });
  assert.equal(minimizeHeld('a'), false, 'never minimized');
  rememberMinimize('a');
  assert.equal(page.stored.get('parley:a:minimizedAt'), '1767225600000');
  assert.equal(minimizeHeld('a'), true);
  assert.equal(minimizeHeld('b'), false);
  t.mock.timers.tick(MINIMIZE_HOLD_MS - 1);
  assert.equal(minimizeHeld('a'), true);
  t.mock.timers.tick(1);
  assert.equal(minimizeHeld('a'), false);
  // A new minimize starts a new day.
  rememberMinimize('a');
  assert.equal(minimizeHeld('a'), true);
});

test('minimize with storage blocked: nothing held, nothing thrown', () => {
  g.localStorage = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('SecurityError');
    },
  };
  rememberMinimize('a');
  assert.equal(minimizeHeld('a'), false);
});

/** A History API stand-in that records the page's own calls. */
function fakeHistory() {
  const location = { href: 'https://shop.example/about' };
  const calls: unknown[][] = [];
  const history = {
    pushState(this: unknown, data: unknown, unused: string, url?: string) {
      calls.push(['push', this, data, url]);
      if (url) location.href = new URL(url, location.href).href;
      return 'pushed';
    },
    replaceState(this: unknown, data: unknown, unused: string, url?: string) {
      calls.push(['replace', this, data, url]);
      if (url) location.href = new URL(url, location.href).href;
      return 'replaced';
    },
  };
  Object.assign(g, { history, location });
  return { history, location, calls };
}

test('history: pushState and replaceState still do their work, with their this and return value', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { history, calls, location } = fakeHistory();
  let changes = 0;
  watchUrl(() => changes++);
  const state = { page: 2 };
  assert.equal(history.pushState(state, '', '/privacy'), 'pushed');
  assert.equal(history.replaceState(null, '', '/privacy#top'), 'replaced');
  assert.deepEqual(calls, [
    ['push', history, state, '/privacy'],
    ['replace', history, null, '/privacy#top'],
  ]);
  assert.equal(location.href, 'https://shop.example/privacy#top');
  assert.equal(changes, 0, 'debounced');
  t.mock.timers.tick(100);
  assert.equal(changes, 1, 'one change for the burst');
});

test('history: only a real URL change counts; popstate and hashchange count too', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { history, location } = fakeHistory();
  let changes = 0;
  watchUrl(() => changes++);
  history.replaceState({ scroll: 10 }, '');
  t.mock.timers.tick(200);
  assert.equal(changes, 0, 'state only, same URL');
  history.pushState(null, '', '/pricing?plan=pro');
  t.mock.timers.tick(99);
  assert.equal(changes, 0);
  t.mock.timers.tick(1);
  assert.equal(changes, 1);
  // Back button: the browser changes the URL, then fires popstate.
  location.href = 'https://shop.example/about';
  page.win.dispatchEvent(new Event('popstate'));
  t.mock.timers.tick(100);
  assert.equal(changes, 2);
  location.href = 'https://shop.example/about#team';
  page.win.dispatchEvent(new Event('hashchange'));
  t.mock.timers.tick(100);
  assert.equal(changes, 3);
});
