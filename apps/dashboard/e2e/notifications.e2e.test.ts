/**
 * Notifications (I8) in Chromium against a real server, with the browser's notification
 * permission granted through the browser itself (context.grantPermissions). An init script wraps
 * the real window.Notification so the test can read what the inbox showed (the real constructor
 * still runs) and counts the chime's oscillators. Covered: a notification for each kind (a new
 * chat in Unassigned, a chat assigned to me, a visitor's message in my chat), none for the chat I
 * am reading, one alert from the focused one of two tabs, a kind turned off on the Notifications
 * page gives none (and no sound), the unread count in the tab title and the side nav, the sign-in
 * banner while the permission is undecided (Enable asks the browser; Not now is remembered), no
 * alert while a chat is still with its chatflow's bot and one at its hand-off (W8), axe
 * on the page, and 390 px without sideways scrolling. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { httpAs, login } from '../../server/test/helpers/clients.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
/** A second admin who hands chats to the admin signed in to the browser. */
let boss: ReturnType<typeof httpAs>;

/** Records every notification the page constructs, then lets the real one show. */
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  window.__oscillators = 0;
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      window.__notifications.push({ title, body: options && options.body, tag: options && options.tag });
      super(title, options);
    }
  };
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__oscillators++;
    return createOscillator.call(this);
  };
`;

interface Shown {
  title: string;
  body: string;
  tag: string;
}

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const created = await admin('POST', '/api/admin/users', { email: 'boss@example.com', name: 'Boss', role: 'admin', password: 'boss-password-1' });
  assert.equal(created.status, 201);
  boss = httpAs(cluster.url, (await login(cluster.url, 'boss@example.com', 'boss-password-1')).cookie);
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await cluster?.close();
});

async function grantedContext(width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 860 } });
  await context.grantPermissions(['notifications'], { origin: cluster.url });
  await context.addInitScript(RECORD_NOTIFICATIONS);
  return context;
}

const shown = (page: Page): Promise<Shown[]> => page.evaluate(() => (window as unknown as { __notifications: Shown[] }).__notifications);
const oscillators = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);

/** The open conversation's messages (list rows show previews of the same words). */
const thread = (page: Page) => page.getByRole('log', { name: 'Messages' });

async function waitForNotification(page: Page, title: string): Promise<Shown> {
  let found: Shown | undefined;
  await eventually(async () => {
    found = (await shown(page)).find((n) => n.title === title);
    assert.ok(found, `no notification "${title}" among ${JSON.stringify(await shown(page))}`);
  }, 8000);
  return found!;
}

async function visitorSays(visitor: WritingVisitor, body: string): Promise<void> {
  const sent = await visitor.http('POST', '/api/widget/messages', { clientMessageId: `m-${Date.now()}-${Math.random()}`, body });
  assert.equal(sent.status, 201);
}

async function assign(conversationId: number, userId: number): Promise<void> {
  assert.equal((await boss('POST', `/api/conversations/${conversationId}/assign`, { userId })).status, 200);
}

/** Signs the admin in and switches Available off: no chat offers, so new chats stay in Unassigned. */
async function signInAway(page: Page): Promise<{ id: number }> {
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const available = page.getByRole('switch', { name: 'Available' });
  if ((await available.getAttribute('aria-checked')) === 'true') await available.click();
  await eventually(async () => assert.equal(await available.getAttribute('aria-checked'), 'false'));
  const me = (await (await page.request.get(`${cluster.url}/api/me`)).json()) as { user: { id: number } };
  return me.user;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  await eventually(async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  });
}

test('a notification for each kind, none for the chat I am reading, and the unread count in the title and nav', { timeout: 90_000 }, async () => {
  const context = await grantedContext(1280);
  const agent = await context.newPage();
  const me = await signInAway(agent);
  assert.equal(await agent.evaluate(() => Notification.permission), 'granted');
  // Granted already: no banner asking for it.
  assert.equal(await agent.getByRole('button', { name: 'Enable notifications' }).count(), 0);
  await agent.getByRole('region', { name: 'Unassigned' }).waitFor();

  // (a) A new chat in Unassigned: its first words are the notification's text, with a chime.
  const visitor = await visitorWrites(cluster, 'Where is my parcel?');
  const name = `Visitor ${visitor.visitorId}`;
  const created = await waitForNotification(agent, `New chat: ${name}`);
  assert.equal(created.body, 'Where is my parcel?');
  assert.ok((await oscillators(agent)) > 0, 'the chime played');
  // Unread in the tab title and next to Unassigned.
  await eventually(async () => assert.match(await agent.title(), /^\(1\) Unassigned · Parley inbox$/));
  await agent.getByRole('link', { name: /^Unassigned/ }).getByText('unread').waitFor();
  assert.match(await agent.getByRole('link', { name: /^Unassigned/ }).innerText(), /1\s*unread/);

  // (b) A colleague hands it to me.
  await assign(visitor.conversationId, me.id);
  await waitForNotification(agent, `Assigned to you: ${name}`);

  // (c) The visitor writes again in my chat.
  await visitorSays(visitor, 'It was due on Monday.');
  const message = await waitForNotification(agent, `New message from ${name}`);
  assert.equal(message.body, 'It was due on Monday.');
  await eventually(async () => assert.match(await agent.title(), /^\(1\) /), 5000);
  await agent.getByRole('link', { name: /^Mine/ }).getByText('unread').waitFor();

  // Reading the chat marks it read: the count leaves the title; its messages no longer notify.
  await agent.getByRole('link', { name: /^Mine/ }).click();
  await agent.getByRole('region', { name: 'Mine' }).getByRole('link', { name }).click();
  await thread(agent).getByText('It was due on Monday.').waitFor();
  await eventually(async () => assert.match(await agent.title(), /^[^(]/), 8000);
  assert.equal(await agent.evaluate(() => document.hasFocus()), true, 'the page has focus');
  const before = (await shown(agent)).length;
  await visitorSays(visitor, 'Any news?');
  await thread(agent).getByText('Any news?').waitFor();
  await agent.waitForTimeout(800);
  assert.equal((await shown(agent)).length, before, 'nothing for the conversation on screen');
  await context.close();
});

test('two tabs of mine: one notification and one chime, from the tab with focus', { timeout: 60_000 }, async () => {
  const context = await grantedContext(1280);
  const first = await context.newPage();
  await signInAway(first);
  const second = await context.newPage();
  await second.goto(`${cluster.url}/inbox/`);
  await second.getByRole('region', { name: 'Unassigned' }).waitFor();
  // Playwright tells every page it has focus; let the browser's real focus (the newest tab) decide.
  for (const page of [first, second]) await (await context.newCDPSession(page)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
  assert.deepEqual(await Promise.all([first, second].map((page) => page.evaluate(() => document.hasFocus()))), [false, true]);

  const visitor = await visitorWrites(cluster, 'Two tabs, one ding');
  const title = `New chat: Visitor ${visitor.visitorId}`;
  await waitForNotification(second, title);
  await first.waitForTimeout(800);
  assert.deepEqual((await shown(first)).filter((n) => n.title === title), [], 'the tab without focus stays quiet');
  assert.equal(await oscillators(first), 0);
  assert.equal(await oscillators(second), 2, 'one chime (two notes)');
  await context.close();
});

test('a kind turned off on the Notifications page gives no notification and no sound; axe; 390 px', { timeout: 90_000 }, async () => {
  const context = await grantedContext(1280);
  const agent = await context.newPage();
  const me = await signInAway(agent);

  await agent.getByRole('link', { name: 'Notifications' }).click();
  await agent.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(agent), []);
  const newChats = agent.getByRole('group', { name: 'New conversation in Unassigned' });
  await newChats.getByRole('checkbox', { name: 'Browser notification' }).uncheck();
  await newChats.getByRole('checkbox', { name: 'Sound' }).uncheck();
  await agent.getByRole('checkbox', { name: 'Every new conversation' }).check();
  await agent.getByRole('button', { name: 'Save notification settings' }).click();
  await agent.getByRole('status').getByText('Notification settings saved.').waitFor();
  const stored = (await (await agent.request.get(`${cluster.url}/api/me/notifications`)).json()) as { preferences: { browser: Record<string, boolean>; sound: Record<string, boolean>; email: Record<string, boolean> } };
  assert.equal(stored.preferences.browser.newConversation, false);
  assert.equal(stored.preferences.sound.newConversation, false);
  assert.equal(stored.preferences.email.newConversation, true);
  assert.equal(stored.preferences.browser.assignedToMe, true);

  // Kept after a reload.
  await agent.reload();
  await agent.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
  await eventually(async () => assert.equal(await newChats.getByRole('checkbox', { name: 'Browser notification' }).isChecked(), false));
  assert.equal(await agent.getByRole('checkbox', { name: 'Every new conversation' }).isChecked(), true);

  const before = await oscillators(agent);
  const visitor = await visitorWrites(cluster, 'Quiet please');
  const name = `Visitor ${visitor.visitorId}`;
  // The kinds still on go on alerting: by the time this one shows, the new chat's turn is long past.
  await assign(visitor.conversationId, me.id);
  await waitForNotification(agent, `Assigned to you: ${name}`);
  assert.deepEqual((await shown(agent)).filter((n) => n.title === `New chat: ${name}`), [], 'no notification for the kind turned off');
  assert.equal(await oscillators(agent), before + 2, 'one chime (two notes), for the assignment only');

  await agent.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(agent);
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // Put back for the other tests.
  const restore = { ...stored.preferences, browser: { ...stored.preferences.browser, newConversation: true }, sound: { ...stored.preferences.sound, newConversation: true } };
  assert.equal((await agent.request.put(`${cluster.url}/api/me/notifications`, { data: restore })).status(), 200);
  await context.close();
});

test('the sign-in banner asks while the permission is undecided: Enable asks the browser, Not now is remembered', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  assert.equal(await page.evaluate(() => Notification.permission), 'default');
  const banner = page.getByRole('region', { name: 'Browser notifications' });
  await banner.waitFor();
  await noSidewaysScroll(page);
  assert.deepEqual(await seriousA11yViolations(page), []);

  // The person allows it when the browser asks.
  await context.grantPermissions(['notifications'], { origin: cluster.url });
  await banner.getByRole('button', { name: 'Enable notifications' }).click();
  await banner.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => Notification.permission), 'granted');
  await context.close();

  const later = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const other = await later.newPage();
  await signIn(other, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const again = other.getByRole('region', { name: 'Browser notifications' });
  await again.getByRole('button', { name: 'Not now' }).click();
  await again.waitFor({ state: 'detached' });
  await other.reload();
  await other.getByRole('navigation', { name: 'Inbox' }).waitFor();
  await other.waitForTimeout(300);
  assert.equal(await again.count(), 0, 'dismissed for good in this browser');
  await later.close();
});

test('a chat whose flow still asks alerts nobody; its hand-off alerts as a new chat with the visitor\'s first words', { timeout: 60_000 }, async () => {
  const site = (await boss('GET', '/api/admin/sites')).body.sites[0] as { chatflows: Array<{ id: number; flow: unknown }> };
  const chatflow = site.chatflows[0]!;
  const asking = [
    {
      id: 'topic',
      type: 'question',
      text: 'Is this about an order?',
      answers: [
        { label: 'Yes', cards: [{ id: 'hand-off', type: 'liveChat', onlineMessage: 'Finding someone.', offlineMessage: 'Nobody is here.', waitSeconds: 60, offline: [] }] },
        { label: 'No', cards: [{ id: 'bye', type: 'message', text: 'See our guides.' }] },
      ],
    },
  ];
  assert.equal((await boss('PATCH', `/api/admin/chatflows/${chatflow.id}`, { flow: asking })).status, 200);
  const context = await grantedContext(1280);
  try {
    const agent = await context.newPage();
    await signInAway(agent);
    await agent.getByRole('region', { name: 'Unassigned' }).waitFor();
    const visitor = await visitorWrites(cluster, 'My order never came');
    const title = `New chat: Visitor ${visitor.visitorId}`;
    // The chat reaches the list (with its bot badge) but nobody is alerted while the bot asks.
    await agent.getByRole('region', { name: 'Unassigned' }).getByText('With bot').waitFor();
    await agent.waitForTimeout(800);
    assert.deepEqual((await shown(agent)).filter((n) => n.title === title), []);
    const answered = await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 0 });
    assert.deepEqual(answered.body, { applied: true });
    const handedOff = await waitForNotification(agent, title);
    assert.equal(handedOff.body, 'My order never came');
  } finally {
    await context.close();
    await boss('PATCH', `/api/admin/chatflows/${chatflow.id}`, { flow: chatflow.flow });
  }
});
