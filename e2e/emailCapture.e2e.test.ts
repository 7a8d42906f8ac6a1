/**
 * W9 email capture and login-only mode in a real browser against a real node (port 0, the drivers
 * chosen by PARLEY_TEST_DRIVERS), on a customer's page of another origin at 390 px:
 *
 * - "before the first message": the window shows the chatflow's prompt and an "Email" field in
 *   the message box's place; an invalid address gets the error and captures nothing; a valid one
 *   brings the message box, the message starts a chat, and the contact exists
 *   (GET /api/contacts?query=).
 * - "only identified visitors may start a chat": an anonymous visitor reads why instead of a
 *   message box, and no conversation is created; once the page calls Parley.identify, the window
 *   opened again lets them start; "hidden from anonymous visitors" shows no launcher until the
 *   page calls Parley.identify, after which Parley.open() opens the chat.
 *
 * Steps run in order and build on each other; after a failed one the rest fail fast.
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before, test, type TestContext } from 'node:test';
import { loaderStrings } from '@parley/chatflow';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { startCluster, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { a11yReport, assertFrontEndsBuilt, eventually, launchBrowser } from './browser.js';
import { startHostSite, type HostSite } from './hostPage.js';

const WAIT_MS = 10_000;
const STEP_MS = 40_000;
const PROMPT = 'Before we start: where can we reach you?';
const FRAME = 'iframe[src*="/widget/frame/index.html"]';

let cluster: TestCluster;
let host: HostSite;
let browser: Browser;
let admin: ReturnType<typeof httpAs>;
let chatflowId = 0;
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  host = await startHostSite(cluster.url, cluster.siteKey);
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await host?.close();
  await cluster?.close();
});

let failedStep: string | null = null;
function step(name: string, run: (t: TestContext) => Promise<void>): void {
  test(name, { timeout: STEP_MS }, async (t) => {
    if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
    failedStep = name;
    await run(t);
    failedStep = null;
  });
}

async function setSettings(settings: Record<string, unknown>): Promise<void> {
  const res = await admin('PATCH', `/api/admin/chatflows/${chatflowId}`, { settings });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** A new visitor on a phone-sized page of the customer's site, with the chat window open. */
async function openChat(): Promise<{ page: Page; chat: FrameLocator; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${host.sameSiteUrl}/`);
  await page.getByRole('button', { name: loaderStrings('en').openChat }).click();
  const chat = page.frameLocator(FRAME);
  await chat.getByRole('log').waitFor();
  const frame = await (await page.locator(FRAME).elementHandle())?.contentFrame();
  assert.ok(frame, 'the chat iframe has a document');
  return { page, chat, frame };
}

async function checkLayout(t: TestContext, frame: Frame, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${what} scrolls sideways: ${scrollWidth} > ${clientWidth}`);
  const report = await a11yReport(frame);
  for (const line of report.other) t.diagnostic(`axe, ${what} (not failing): ${line}`);
  assert.deepEqual(report.serious, [], `serious or critical accessibility violations in ${what}`);
}

async function conversationCount(): Promise<number> {
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  const row = await db.selectFrom('conversations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

step(`the site's chatflow asks for the email before the first message (${DRIVERS})`, async () => {
  const listed = await admin('GET', '/api/admin/chatflows');
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  chatflowId = (listed.body as { chatflows: Array<{ id: number }> }).chatflows[0]!.id;
  await setSettings({ emailCapture: 'beforeFirstMessage', emailCapturePrompt: PROMPT, loginOnly: 'off' });
});

step('before the first message: no message box until a valid email; the contact then exists', async (t) => {
  const { chat, frame } = await openChat();
  await chat.getByText(PROMPT).waitFor();
  const email = chat.getByRole('textbox', { name: 'Email', exact: true });
  await email.waitFor();
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).count(), 0, 'no message box before the email');
  await checkLayout(t, frame, 'the email prompt');

  await email.fill('shopper.one@example');
  await chat.getByRole('button', { name: 'Save' }).click();
  await chat.getByRole('alert').getByText('Enter a valid email address, like name@example.com.').waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).count(), 0, 'still no message box');
  const none = await admin('GET', `/api/contacts?query=${encodeURIComponent('shopper.one')}`);
  assert.deepEqual(none.body, { contacts: [] }, 'an invalid email captures nothing');
  await checkLayout(t, frame, 'the email prompt with its error');

  await email.fill('Shopper.One@Example.com');
  await chat.getByRole('button', { name: 'Save' }).click();
  const message = chat.getByRole('textbox', { name: 'Message' });
  await message.waitFor();
  assert.equal(await chat.getByRole('textbox', { name: 'Email', exact: true }).count(), 0, 'the prompt is gone');
  await message.fill('Do you ship to Åland?');
  await chat.getByRole('button', { name: 'Send', exact: true }).click();
  const log = chat.getByRole('log');
  await log.locator('.msg.own').filter({ hasText: 'Do you ship to Åland?' }).waitFor();
  await eventually(async () => assert.equal(await log.locator('.msg.own.pending').count(), 0), WAIT_MS);
  assert.equal(await conversationCount(), 1);

  const found = await admin('GET', `/api/contacts?query=${encodeURIComponent('shopper.one@example.com')}`);
  assert.equal(found.status, 200, JSON.stringify(found.body));
  const contacts = (found.body as { contacts: Array<{ id: number; email: string }> }).contacts;
  assert.equal(contacts.length, 1);
  assert.equal(contacts[0]!.email, 'Shopper.One@Example.com');
  await checkLayout(t, frame, 'the chat after the email');
});

step('login-only mode: an anonymous visitor reads why and cannot start a chat', async (t) => {
  await setSettings({ emailCapture: 'never', loginOnly: 'startIdentifiedOnly' });
  const before = await conversationCount();
  const { page, chat, frame } = await openChat();
  await chat.getByRole('status').getByText('Please sign in to chat with us.').waitFor();
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).count(), 0, 'no message box for an anonymous visitor');
  assert.equal(await chat.getByRole('button', { name: 'Send', exact: true }).count(), 0);
  await checkLayout(t, frame, 'the login-only notice');
  assert.equal(await conversationCount(), before, 'no conversation was created');

  // The page signs the visitor in (the site does not require verification): opened again, the
  // window asks the server afresh and the visitor may start.
  await eventually(async () => assert.equal(await page.evaluate(() => typeof (window as unknown as { Parley?: { identify?: unknown } }).Parley?.identify), 'function'), WAIT_MS);
  await page.evaluate(() => (window as unknown as { Parley: { identify(i: object): Promise<unknown> } }).Parley.identify({ id: 'member-1', name: 'Mia Member' }));
  await eventually(async () => {
    const db = cluster.nodes[0]!.server.ctx.storage.db;
    const named = await db.selectFrom('visitors').select('id').where('name', '=', 'Mia Member').execute();
    assert.equal(named.length, 1);
  }, WAIT_MS);
  await chat.getByRole('button', { name: 'Minimize chat' }).click();
  await page.getByRole('button', { name: loaderStrings('en').openChat }).click();
  const message = chat.getByRole('textbox', { name: 'Message' });
  await message.waitFor();
  await message.fill('Signed in, hello');
  await chat.getByRole('button', { name: 'Send', exact: true }).click();
  await eventually(async () => assert.equal(await conversationCount(), before + 1), WAIT_MS);
  assert.deepEqual(pageErrors, []);
});

step('login-only, hidden from anonymous visitors: no launcher until Parley.identify, then open() opens the chat', async () => {
  await setSettings({ loginOnly: 'hideFromAnonymous' });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await page.goto(`${host.sameSiteUrl}/`);
  // The API arrives even though no chatflow shows: identify is what makes one show.
  await eventually(async () => assert.equal(await page.evaluate(() => typeof (window as unknown as { Parley?: { identify?: unknown } }).Parley?.identify), 'function'), WAIT_MS);
  const launcher = page.getByRole('button', { name: loaderStrings('en').openChat });
  assert.equal(await launcher.isVisible(), false, 'no launcher for an anonymous visitor');
  // open() alone does nothing here (nothing to open) and throws nothing.
  await page.evaluate(() => (window as unknown as { Parley: { open(): Promise<unknown> } }).Parley.open());
  assert.equal(await page.locator(FRAME).count(), 0);

  await page.evaluate(async () => {
    const parley = (window as unknown as { Parley: { identify(i: object): Promise<unknown>; open(): Promise<unknown> } }).Parley;
    void parley.identify({ id: 'member-2', name: 'Hidden Member' });
    await parley.open();
  });
  const chat = page.frameLocator(FRAME);
  await chat.getByRole('textbox', { name: 'Message' }).waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});
