/**
 * The inbox on a phone (390 × 844), a tablet and a desktop, in a real browser against a real node
 * (SQLite is enough: nothing here is storage specific).
 *
 * Phone: the list, the thread and the visitor's details are separate screens. Tapping a
 * conversation opens its thread full screen (messages at least half the screen, the reply box in
 * view); the agent replies; "Back to conversations" and the browser's Back both return to the
 * list (and Forward goes to the thread again); "Details" opens the visitor's screen, whose own
 * Back (and the browser's) returns to the thread. The navigation is behind "Menu". axe finds
 * nothing serious on any screen, and no inbox page scrolls sideways or hides overflow.
 * Tablet: the list stays beside the thread; the details replace the thread. Desktop: list, thread
 * and details side by side, no Back or Details buttons.
 *
 * Colleagues' messages carry their avatar (or initials), once per run of consecutive messages.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium; nothing skips.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { createUserAs, connectAgent, httpAs, login, type AgentClient } from '../../server/test/helpers/clients.js';
import { IMAGES } from '../../server/test/helpers/brandingImages.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually, signIn } from '../../../e2e/browser.js';
import { newPage, signedInPage, startInboxBench, type InboxBench } from './inboxTestKit.js';
import { assertAccessible, step, WAIT_MS } from './siteTestKit.js';

const PHONE = { width: 390, height: 844 };
const VISITOR_TEXT = 'My parcel never arrived, can someone check?';
const REPLY = 'Checking the tracking for you now';

let bench: InboxBench;
let cluster: TestCluster;
let admin: AgentClient;
let visitor: WritingVisitor;
let phone: Page;
let visitorName = '';
let carlaAvatar = '';
let chatflowId = 0;
let siteId = 0;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  visitor = await visitorWrites(cluster, VISITOR_TEXT);
  visitorName = `Visitor ${visitor.visitorId}`;

  // Two colleagues answer: Carla (with an avatar) twice in a row, then Nils (none), then Carla.
  const carla = await createUserAs(admin, { email: 'carla@example.com', name: 'Carla Lindgren', role: 'admin' });
  const nils = await createUserAs(admin, { email: 'nils@example.com', name: 'Nils Andersson', role: 'admin' });
  const carlaCookie = (await login(cluster.url, carla.email, carla.password)).cookie;
  const uploaded = await fetch(`${cluster.url}/api/me/avatar`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', cookie: carlaCookie },
    body: IMAGES['image/png'],
  });
  assert.equal(uploaded.status, 200);
  // Stored URLs start with the configured public URL, a placeholder in tests (the port is only
  // known once listening): point it at the address the browser uses, as a deployment's is.
  const stored = new URL(((await uploaded.json()) as { user: { avatarUrl: string } }).user.avatarUrl);
  carlaAvatar = `${cluster.url}${stored.pathname}`;
  await cluster.nodes[0]!.server.ctx.storage.db.updateTable('users').set({ avatar_url: carlaAvatar }).where('id', '=', carla.id).execute();

  const nilsCookie = (await login(cluster.url, nils.email, nils.password)).cookie;
  const say = async (cookie: string, body: string) => {
    const sent = await httpAs(cluster.url, cookie)('POST', `/api/conversations/${visitor.conversationId}/messages`, {
      clientMessageId: `m-${body.length}-${Math.random()}`,
      body,
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
  };
  await say(carlaCookie, 'Hi, Carla here');
  await say(carlaCookie, 'One moment please');
  await say(nilsCookie, 'Nils here, I can help too');
  await say(carlaCookie, 'Found it');

  const sites = await admin.http('GET', '/api/admin/sites');
  siteId = sites.body.sites[0].id;
  chatflowId = sites.body.sites[0].chatflows[0].id;
  phone = await newPage(bench.browser, { viewport: PHONE, waitMs: WAIT_MS });
}, { timeout: 30_000 });

after(async () => {
  admin?.close();
  await bench?.close();
});

/**
 * Nothing scrolls sideways: not the document, not any box of its own (a table in a scroll box
 * counts too), and the inbox's main area, which clips, hides nothing too wide.
 */
async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
  await eventually(async () => {
    const wide = await page.evaluate(() => {
      const found: string[] = [];
      const root = document.scrollingElement!;
      if (root.scrollWidth > window.innerWidth) found.push(`the document (${root.scrollWidth} px)`);
      for (const box of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (box.getClientRects().length === 0 || ['TEXTAREA', 'INPUT', 'SELECT'].includes(box.tagName)) continue;
        const overflow = getComputedStyle(box).overflowX;
        const scrolls = overflow === 'auto' || overflow === 'scroll' || box.classList.contains('inbox-main');
        if (scrolls && box.scrollWidth > box.clientWidth + 1) found.push(`${box.tagName.toLowerCase()}.${box.className.split(' ').join('.')} (${box.scrollWidth} px in ${box.clientWidth})`);
      }
      return found;
    });
    assert.deepEqual(wide, [], `${what} scrolls sideways in a ${page.viewportSize()?.width} px viewport`);
  });
}

function listRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'All' });
}

function messages(page: Page): Locator {
  return page.getByRole('log', { name: 'Messages' });
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

/** The thread screen in front: the list and the details hidden. */
async function assertThreadScreen(page: Page): Promise<void> {
  await messages(page).getByText(VISITOR_TEXT).waitFor();
  assert.equal(await listRegion(page).isVisible(), false, 'the list is hidden behind the thread');
  assert.equal(await page.getByRole('region', { name: 'Visitor', exact: true }).isVisible(), false, 'the details are a screen of their own');
  assert.equal(await page.getByRole('navigation', { name: 'Inbox' }).isVisible(), false, 'the thread takes the whole screen');
}

async function assertListScreen(page: Page): Promise<void> {
  await listRegion(page).getByRole('link', { name: new RegExp(visitorName) }).waitFor();
  assert.equal(await messages(page).isVisible(), false, 'no thread beside the list on a phone');
  assert.match(new URL(page.url()).pathname, /^\/inbox\/all$/);
}

step('phone: the conversation list is a screen of its own, the navigation behind Menu', async (t) => {
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.goto(`${cluster.url}/inbox/all`);
  await assertListScreen(phone);
  assert.equal(await phone.getByRole('link', { name: 'Users' }).isVisible(), false, 'the settings links wait behind Menu');
  await assertNoSidewaysScroll(phone, 'the list');
  await assertAccessible(t, 'the list at 390 px', phone);

  const menu = phone.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await phone.getByRole('link', { name: 'Users' }).waitFor();
  await phone.getByRole('switch', { name: /Available/ }).waitFor();
  await assertNoSidewaysScroll(phone, 'the open menu');
  await assertAccessible(t, 'the open menu at 390 px', phone);
  await phone.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await focusedText(phone), 'Menu', 'Escape returns to the Menu button');
  assert.equal(await phone.getByRole('link', { name: 'Users' }).isVisible(), false);
});

step('phone: tapping a conversation opens its thread full screen, messages at least half of it, the reply box in view', async (t) => {
  await listRegion(phone).getByRole('link', { name: new RegExp(visitorName) }).click();
  await assertThreadScreen(phone);
  assert.match(new URL(phone.url()).pathname, new RegExp(`^/inbox/conversations/${visitor.conversationId}$`));
  await phone.getByRole('button', { name: 'Back to conversations' }).waitFor();
  await phone.getByRole('heading', { level: 2, name: visitorName }).waitFor();
  await eventually(async () => assert.equal(await focusedText(phone), visitorName, 'focus moves to the thread, not the page'));

  const log = await messages(phone).boundingBox();
  assert.ok(log && log.height >= PHONE.height / 2, `the messages take ${log?.height} px of ${PHONE.height}`);
  const reply = await phone.getByRole('textbox', { name: 'Reply' }).boundingBox();
  assert.ok(reply && reply.y >= 0 && reply.y + reply.height <= PHONE.height, 'the reply box is on screen');
  const send = await phone.getByRole('button', { name: 'Send' }).boundingBox();
  assert.ok(send && send.y + send.height <= PHONE.height && send.x + send.width <= PHONE.width, 'Send is on screen');
  await assertNoSidewaysScroll(phone, 'the thread');
  await assertAccessible(t, 'the thread at 390 px', phone);
});

step('a colleague’s messages carry their avatar (or initials), once per run', async () => {
  const item = (text: string) => messages(phone).locator('li.message', { hasText: text });
  const first = item('Hi, Carla here').locator('img.message-avatar');
  assert.equal(await first.getAttribute('src'), carlaAvatar);
  assert.equal(await first.getAttribute('alt'), '', 'decorative: the name is written beside it');
  await eventually(async () => assert.ok(await first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the picture loads'));
  assert.equal(await item('One moment please').locator('.message-avatar').count(), 0, 'the second message in a row has none');
  assert.equal(await item('Nils here').locator('.message-avatar').innerText(), 'NA', 'no picture: initials');
  assert.equal(await item('Found it').locator('img.message-avatar').getAttribute('src'), carlaAvatar, 'a new run shows it again');
  assert.equal(await item(VISITOR_TEXT).locator('.message-avatar').count(), 0, 'visitors have none');
  const box = await first.boundingBox();
  assert.ok(box && box.x + box.width <= PHONE.width, 'the avatar fits on the screen');
});

step('phone: the agent replies from the thread screen', async () => {
  const reply = phone.getByRole('textbox', { name: 'Reply' });
  await reply.fill(REPLY);
  await reply.press('Enter');
  await messages(phone).locator('li.message:not(.pending)', { hasText: REPLY }).waitFor();
  await eventually(async () => {
    const seen = await visitor.http('GET', '/api/widget/conversation');
    assert.ok(JSON.stringify(seen.body).includes(REPLY), 'the visitor has the reply');
  });
  await assertNoSidewaysScroll(phone, 'the thread after a reply');
});

step('phone: Details opens the visitor’s screen; its Back and the browser’s return to the thread', async (t) => {
  await phone.getByRole('button', { name: 'Details' }).click();
  const details = phone.getByRole('region', { name: 'Visitor', exact: true });
  await details.waitFor();
  assert.match(new URL(phone.url()).pathname, new RegExp(`^/inbox/conversations/${visitor.conversationId}/details$`));
  assert.equal(await messages(phone).isVisible(), false, 'the thread is hidden behind the details');
  await details.getByText('Chrome', { exact: false }).first().waitFor();
  await eventually(async () => assert.equal(await focusedText(phone), '‹ Back to the conversation'));
  await assertNoSidewaysScroll(phone, 'the details');
  await assertAccessible(t, 'the details at 390 px', phone);

  await phone.getByRole('button', { name: 'Back to the conversation' }).click();
  await assertThreadScreen(phone);
  await eventually(async () => assert.equal(await focusedText(phone), 'Details', 'focus returns to Details'));

  await phone.getByRole('button', { name: 'Details' }).click();
  await details.waitFor();
  await phone.goBack();
  await assertThreadScreen(phone);
  assert.match(new URL(phone.url()).pathname, new RegExp(`^/inbox/conversations/${visitor.conversationId}$`));
});

step('phone: "Back to conversations" returns to the list (Forward goes to the thread again)', async () => {
  await phone.getByRole('button', { name: 'Back to conversations' }).click();
  await assertListScreen(phone);
  await eventually(async () => assert.match(await focusedText(phone), new RegExp(visitorName), 'focus on the conversation left'));
  // The button went Back in the history: Forward is the thread again, not a dead end.
  await phone.goForward();
  await assertThreadScreen(phone);
  await phone.getByRole('button', { name: 'Back to conversations' }).click();
  await assertListScreen(phone);
});

step('phone: the browser’s Back returns from the thread to the list', async () => {
  await listRegion(phone).getByRole('link', { name: new RegExp(visitorName) }).click();
  await assertThreadScreen(phone);
  await phone.goBack();
  await assertListScreen(phone);
  await assertNoSidewaysScroll(phone, 'the list after Back');
});

step('phone: opened from a link (no list before it), Back still leads to the list', async () => {
  await phone.goto(`${cluster.url}/inbox/conversations/${visitor.conversationId}`);
  await assertThreadScreen(phone);
  await phone.getByRole('button', { name: 'Back to conversations' }).click();
  await listRegion(phone).getByRole('link', { name: new RegExp(visitorName) }).waitFor();
  assert.equal(await messages(phone).isVisible(), false);
});

step('phone: search results fit the screen', async (t) => {
  await phone.goto(`${cluster.url}/inbox/all`);
  await phone.getByRole('searchbox', { name: 'Search' }).fill('parcel never arrived');
  await phone.locator('a.search-hit').first().waitFor();
  await assertNoSidewaysScroll(phone, 'search results');
  await assertAccessible(t, 'search results at 390 px', phone);
});

step('phone: no inbox page scrolls sideways, and each passes axe', async (t) => {
  const pages = [
    'unassigned',
    'closed',
    'users',
    'teams',
    'chatflows',
    `chatflows/${chatflowId}`,
    'sites',
    `sites/${siteId}`,
    `sites/${siteId}/install`,
    'macros',
    'profile',
    'setup',
  ];
  for (const path of pages) {
    await phone.goto(`${cluster.url}/inbox/${path}`);
    await phone.getByRole('heading', { level: 1 }).first().waitFor();
    await phone.waitForLoadState('networkidle');
    await assertNoSidewaysScroll(phone, `/inbox/${path}`);
    await assertAccessible(t, `/inbox/${path} at 390 px`, phone);
  }
});

step('tablet (820 px): the list stays beside the thread; the details take the thread’s place', async (t) => {
  const tablet = await signedInPage(bench, { viewport: { width: 820, height: 1180 }, waitMs: WAIT_MS });
  await tablet.goto(`${cluster.url}/inbox/all`);
  await listRegion(tablet).getByRole('link', { name: new RegExp(visitorName) }).click();
  await messages(tablet).getByText(VISITOR_TEXT).waitFor();
  assert.equal(await listRegion(tablet).isVisible(), true, 'the list stays');
  assert.equal(await tablet.getByRole('button', { name: 'Back to conversations' }).isVisible(), false, 'nothing to go back to');
  await tablet.getByRole('button', { name: 'Details' }).click();
  await tablet.getByRole('region', { name: 'Visitor', exact: true }).waitFor();
  assert.equal(await messages(tablet).isVisible(), false);
  assert.equal(await listRegion(tablet).isVisible(), true);
  await assertNoSidewaysScroll(tablet, 'the tablet details');
  await assertAccessible(t, 'the details at 820 px', tablet);
  await tablet.goBack();
  await messages(tablet).getByText(VISITOR_TEXT).waitFor();
  await tablet.context().close();
});

step('desktop (1280 × 800): list, thread and details side by side, no screen buttons', async (t) => {
  const desktop = await signedInPage(bench, { viewport: { width: 1280, height: 800 }, waitMs: WAIT_MS });
  await desktop.goto(`${cluster.url}/inbox/all`);
  await listRegion(desktop).getByRole('link', { name: new RegExp(visitorName) }).click();
  await messages(desktop).getByText(VISITOR_TEXT).waitFor();
  const list = (await listRegion(desktop).boundingBox())!;
  const thread = (await messages(desktop).boundingBox())!;
  const details = (await desktop.getByRole('region', { name: 'Visitor', exact: true }).boundingBox())!;
  assert.ok(list.x + list.width <= thread.x + 1, 'the thread is right of the list');
  assert.ok(thread.x + thread.width <= details.x + 1, 'the details are right of the thread');
  assert.ok(thread.y < list.y + list.height && details.y < list.y + list.height, 'side by side, not stacked');
  await desktop.getByRole('link', { name: 'Users' }).waitFor();
  for (const name of ['Back to conversations', 'Details', 'Menu']) {
    assert.equal(await desktop.getByRole('button', { name, exact: true }).isVisible(), false, `no ${name} on a desktop`);
  }
  await assertNoSidewaysScroll(desktop, 'the desktop inbox');
  await assertAccessible(t, 'the inbox at 1280 px', desktop);
  await desktop.context().close();
});
