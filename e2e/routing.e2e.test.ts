/**
 * Routing and availability across the whole product, in real browsers against a real node (port
 * 0, the drivers chosen by PARLEY_TEST_DRIVERS, business time on a manual clock): the real widget
 * on a customer's page of another origin, and the real inbox of an agent in its own browser
 * context. The agent is the only user who is online with a live inbox, so every chat is offered
 * to them (R1–R3, I4); the widget follows their availability live (W7).
 *
 * Steps run in order and build on each other; after a failed one the rest fail fast.
 * Needs the built front ends and /usr/bin/chromium; without either it fails, nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { ChatflowAvailability } from '@parley/protocol';
import type { Locator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { ManualClock } from '../apps/server/test/helpers/manualClock.js';
import { settle } from '../apps/server/test/helpers/routing.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertAccessible, eventually, signIn } from './browser.js';
import { chatFrame, chatOf, failFastSteps, openChat, replyAsAgent, sendAsVisitor, startChatScene, WAIT_MS, type ChatScene } from './chatKit.js';
import type { HostSite } from './hostPage.js';

const AGENT = { name: 'Aino Agent', email: 'aino@example.com', password: 'aino-password-1' };
const REPLY = 'Hi, Aino here. How can I help?';
const FALLBACK = /^Sorry, nobody could take your chat right now/;
const AWAY = "We're away right now. Leave a message and we'll get back to you.";
const step = failFastSteps(30_000);

const clock = new ManualClock();
let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;
let agent: Page;
let admin: ReturnType<typeof httpAs>;
/** Each visitor in a browser context of its own: different people with their own storage. */
const newPage = (): Promise<Page> => scene.newPage();

before(async () => {
  scene = await startChatScene({ cluster: { clock: clock.now } });
  ({ cluster, host } = scene);
  // The admin works over HTTP only: no inbox socket, so the admin is never a routing candidate.
  admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const created = await admin('POST', '/api/admin/users', { ...AGENT, role: 'agent' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  agent = await scene.newPage({ viewport: { width: 1400, height: 900 } });
}, { timeout: 30_000 });

after(() => scene?.close());

const visitorLog = (page: Page): Locator => chatOf(page).getByRole('log', { name: 'Messages' });
const offers = (): Locator => agent.getByRole('region', { name: 'Chat offers' });
const offerFor = (visitorName: string): Locator => offers().getByRole('article', { name: `Chat offer: ${visitorName}` });

/**
 * Loads the host page and opens the chat; returns the visitor's name as the inbox shows it,
 * read from the frame's session answer (the only place the browser learns the visitor id).
 */
async function openVisitorChat(page: Page): Promise<string> {
  // The frame, and so its session request, exists only once the chat is opened.
  const session = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/widget/session' && r.request().method() === 'POST');
  await openChat(page, `${host.sameSiteUrl}/`);
  const { visitorId } = (await (await session).json()) as { visitorId: number };
  await chatOf(page).getByRole('textbox', { name: 'Message' }).waitFor();
  return `Visitor ${visitorId}`;
}

/** Sends one message and waits until the server stored it, then lets routing run. */
async function write(page: Page, body: string): Promise<void> {
  await sendAsVisitor(page, body);
  await visitorLog(page).locator('.msg.own:not(.pending):not(.failed)', { hasText: body }).waitFor();
  await settle(cluster);
}

/** Clicks the inbox switch, which must be in the other position, and waits for the server's word. */
async function switchAvailable(on: boolean): Promise<void> {
  const toggle = agent.getByRole('switch', { name: 'Available' });
  assert.equal(await toggle.getAttribute('aria-checked'), String(!on));
  await toggle.click();
  await eventually(async () => assert.equal(await toggle.getAttribute('aria-checked'), String(on)), WAIT_MS);
  await settle(cluster);
}

async function expectNotice(page: Page, state: string, text: string): Promise<void> {
  const notice = chatOf(page).locator('div.availability[role="status"]');
  await eventually(async () => {
    assert.equal(await notice.getAttribute('data-state'), state);
    assert.equal((await notice.innerText()).trim(), text);
  }, WAIT_MS);
}

step(`visitor writes → the online agent sees the offer banner, accepts, replies (${DRIVERS})`, async (t) => {
  await signIn(agent, cluster.url, AGENT.email, AGENT.password);
  await switchAvailable(true); // a new user starts Away
  const users = (await admin('GET', '/api/users')).body.users as Array<{ email: string; availability: string; connected: boolean }>;
  assert.deepEqual(users.filter((u) => u.availability === 'online' && u.connected).map((u) => u.email), [AGENT.email]);

  const visitor = await newPage();
  const name = await openVisitorChat(visitor);
  // Business time catches up with the browser's clock, so the countdown starts at the full 100 s.
  clock.set(Math.max(clock.now(), Date.now()));
  await write(visitor, 'Hello, can someone help me with my order?');

  const offer = offerFor(name);
  await offer.waitFor();
  const timer = offer.getByRole('timer');
  const first = await timer.innerText();
  assert.match(first, /^1:(40|3\d)$/);
  await eventually(async () => assert.notEqual(await timer.innerText(), first), 3000); // it counts down
  await assertAccessible(t, 'the inbox with an offer banner', agent);

  await offer.getByRole('button', { name: 'Accept' }).click();
  await agent.waitForURL(/\/inbox\/conversations\/\d+$/);
  await agent.getByText(`Assigned to ${AGENT.name}`).waitFor();
  await agent.getByRole('log', { name: 'Messages' }).getByText('Hello, can someone help me with my order?').waitFor();
  assert.equal(await offers().count(), 0, 'the accepted offer leaves the banner');

  await visitorLog(visitor).getByText(`${AGENT.name} joined the chat`).waitFor();
  await replyAsAgent(agent, REPLY);
  const reply = visitorLog(visitor).locator('.msg', { hasText: REPLY });
  await reply.waitFor();
  assert.equal(await reply.locator('.author').innerText(), AGENT.name);
});

step('the agent does not accept → the visitor sees the fallback message; the chat waits as Missed', async (t) => {
  const visitor = await newPage();
  const name = await openVisitorChat(visitor);
  await write(visitor, 'Is anybody there?');
  const offer = offerFor(name);
  await offer.waitFor();
  const fallback = visitorLog(visitor).locator('.msg .bubble', { hasText: FALLBACK });
  assert.equal(await fallback.count(), 0, 'no fallback while the offer is open');

  // Nobody clicks. Past the 100 s accept timeout the offer expires; with nobody else to try,
  // the chat falls back.
  clock.advance(101_000);
  await settle(cluster);
  await offer.waitFor({ state: 'detached' });
  assert.equal(await offers().count(), 0);
  await fallback.waitFor();
  assert.equal(await fallback.count(), 1);
  await assertAccessible(t, 'the chat window showing the fallback message', await chatFrame(visitor));

  await agent.getByRole('link', { name: /^Unassigned/ }).click();
  const item = agent.getByRole('region', { name: 'Unassigned' }).getByRole('link', { name: new RegExp(`${name}\\b`) });
  await item.getByText('Missed', { exact: true }).waitFor();
});

step('W7 live: the open widget follows Available / Away without a reload', async () => {
  const visitor = await newPage();
  await openVisitorChat(visitor);
  await expectNotice(visitor, 'available', 'Typically replies in a few minutes');
  // Marks this page load and this frame: if the marks survive, the changes below came in live.
  await visitor.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  await (await chatFrame(visitor)).evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

  await switchAvailable(false);
  await expectNotice(visitor, 'away', AWAY);
  await switchAvailable(true);
  await expectNotice(visitor, 'available', 'Typically replies in a few minutes');

  assert.equal(await visitor.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage), true, 'no reload');
  assert.equal(await (await chatFrame(visitor)).evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage), true, 'same frame');
});

step('W7 office hours: closed with "hide the launcher" → a freshly loaded page shows no launcher', async () => {
  const sites = (await admin('GET', '/api/admin/sites')).body.sites as Array<{ chatflows: Array<{ id: number; published: boolean; availability: ChatflowAvailability }> }>;
  const chatflow = sites.flatMap((s) => s.chatflows).find((c) => c.published);
  assert.ok(chatflow, 'the demo site has a published chatflow');
  const saved = chatflow.availability;
  // Only `availability` is sent: the chatflow's widget and routing settings stay as they are.
  const patch = async (availability: ChatflowAvailability) => {
    const res = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, { availability });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  // Open only on the weekday three days from the manual clock's today (UTC): closed right now.
  const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[(new Date(clock.now()).getUTCDay() + 3) % 7]!;
  const launcherOf = (page: Page) => page.locator('parley-widget').locator('button.launcher');

  await patch({ ...saved, mode: 'office_hours', offlineBehavior: 'hide_launcher', officeHours: { timeZone: 'UTC', ranges: [{ day, start: '09:00', end: '17:00' }], holidays: [] } });
  try {
    const closed = await newPage();
    await closed.goto(`${host.sameSiteUrl}/`);
    // Once the loader has the config the button exists, hidden rather than absent: so an empty
    // page cannot pass for a hidden launcher.
    await launcherOf(closed).waitFor({ state: 'attached' });
    await eventually(async () => assert.equal(await launcherOf(closed).getAttribute('hidden'), ''), WAIT_MS);
    assert.equal(await closed.getByRole('button', { name: 'Open chat' }).isVisible(), false);
  } finally {
    await patch(saved);
  }

  // Restored: the same fresh start shows the launcher again (so the hiding above was the setting).
  const open = await newPage();
  await open.goto(`${host.sameSiteUrl}/`);
  await open.getByRole('button', { name: 'Open chat' }).waitFor({ state: 'visible' });
  assert.equal(await launcherOf(open).getAttribute('hidden'), null);
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
