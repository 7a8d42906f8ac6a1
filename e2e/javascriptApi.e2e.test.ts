/**
 * W15, the JavaScript API, on a customer's page on another site (http://localhost:PORT against a
 * node on 127.0.0.1) in a real browser against a real node (drivers by PARLEY_TEST_DRIVERS). The
 * page pastes the snippet the Install page shows, then calls `Parley.on(...)` for every event,
 * `Parley.identify({ id, email, name, hash })` (the hash made here with the site secret an admin
 * reads from GET /api/admin/sites) and `Parley.open()` while widget.js is held back by the test,
 * so the calls can only have been queued by the snippet's stub; then the loader is let through.
 *
 * The identified visitor chats; the agent's side shows the contact's name and email (REST, and
 * in the inbox's contact sidebar, where the agent edits the Organization and creates a lead that
 * the Leads page then lists); ready/open/close/message/unread fire on the host
 * page; close, toggle, hide and show do what they say; startConversation('hi') sends "hi". A
 * wrong hash is refused and shows nothing of the contact; a second browser (another device),
 * chatting anonymously, identified with the same id and a valid hash switches to the contact's
 * conversation without a page load, and replies reach it live. setProperties and track reach
 * the contact. A page with the older one-tag snippet gets `window.Parley` from the loader.
 * One scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { connectAgent, type AgentClient } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { embedSnippet } from '../apps/server/src/domain/sites/embedSnippet.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, signIn } from './browser.js';
import { startHostSite, type HostSite } from './hostPage.js';

const WAIT_MS = 10_000;
const STEP_MS = 30_000;
const USER = { id: 'user-4711', email: 'Ada.Lovelace@Example.com', name: 'Ada Lovelace' };
const QUESTION = 'Where is my order 1234?';

/**
 * The shop with the documented snippet, then the site's own script: it listens to every event
 * (kept in `window.apiEvents`) and, as the URL asks (`?identify=<json>&open`), identifies and
 * opens. It also notes whether those calls could only have been queued: the loader had not run.
 */
function apiPage(parleyUrl: string, siteKey: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host shop</title></head>
<body>
<main><h1>Host shop</h1><p>Products and prices.</p></main>
${embedSnippet(parleyUrl, siteKey)}
<script>
  window.apiEvents = [];
  ['ready', 'open', 'close', 'message', 'unread'].forEach(function (name) {
    Parley.on(name, function (data) { apiEvents.push([name, data === undefined ? null : data]); });
  });
  var params = new URLSearchParams(location.search);
  if (params.get('identify')) Parley.identify(JSON.parse(params.get('identify')));
  if (params.has('open')) Parley.open();
  window.beforeLoader = { loaderRan: !!window.__parleyLoaded, queued: Parley.q ? Parley.q.map(function (call) { return call[0]; }) : null };
</script>
</body>
</html>`;
}

let cluster: TestCluster;
let host: HostSite;
let browser: Browser;
let agent: AgentClient;
let secret: string;
let visitor: Page;
let conversationId: number;
let replies = 0;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  agent = await connectAgent(cluster.url, cluster.wsUrl);
  host = await startHostSite(cluster.url, cluster.siteKey, { html: apiPage });
  const sites = (await agent.http('GET', '/api/admin/sites')).body as { sites: Array<{ siteKey: string; secret?: string }> };
  secret = sites.sites.find((site) => site.siteKey === cluster.siteKey)!.secret!;
  assert.ok(secret, 'admins read the site secret');
}, { timeout: 30_000 });

after(async () => {
  agent?.close();
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

const sign = (id: string): string => createHmac('sha256', secret).update(id).digest('hex');
const chatOf = (page: Page): FrameLocator => page.frameLocator('iframe[src*="/widget/frame/"]');
const thread = (page: Page): Locator => chatOf(page).getByRole('log', { name: 'Messages' });
const launcher = (page: Page): Locator => page.locator('parley-widget button.launcher');
const chatWindow = (page: Page): Locator => page.locator('parley-widget iframe');
type ApiEvent = [string, unknown];
const apiEvents = (page: Page): Promise<ApiEvent[]> => page.evaluate(() => (window as unknown as { apiEvents: ApiEvent[] }).apiEvents);
const eventNames = async (page: Page): Promise<string[]> => (await apiEvents(page)).map(([name]) => name);

/**
 * A new browser (its own storage: another device) on the shop with `query`, widget.js held back
 * until the page's own script has run; returns the page once the loader has been let through.
 */
async function openShop(query: string): Promise<{ page: Page; beforeLoader: { loaderRan: boolean; queued: string[] | null } }> {
  const context = await browser.newContext();
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route('**/widget.js', async (route) => {
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  // A replayed call that fails can only say so on the console.
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('[parley]')) pageErrors.push(message.text());
  });
  await page.goto(`${host.crossSiteUrl}/?${query}`, { waitUntil: 'domcontentloaded' });
  const beforeLoader = await page.evaluate(() => (window as unknown as { beforeLoader: { loaderRan: boolean; queued: string[] | null } }).beforeLoader);
  release();
  return { page, beforeLoader };
}

const identifyQuery = (identity: object): string => `identify=${encodeURIComponent(JSON.stringify(identity))}`;

async function agentReplies(body: string): Promise<void> {
  await agent.rt.send('message.send', { conversationId, clientMessageId: `w15-${++replies}`, body });
}

step(`identify and open, called before the loader arrived, are replayed: the identified visitor chats (${DRIVERS})`, async () => {
  const opened = await openShop(`${identifyQuery({ ...USER, hash: sign(USER.id) })}&open`);
  visitor = opened.page;
  assert.deepEqual(opened.beforeLoader, { loaderRan: false, queued: ['on', 'on', 'on', 'on', 'on', 'identify', 'open'] }, 'queued by the stub');
  const composer = chatOf(visitor).getByRole('textbox', { name: 'Message' });
  await composer.waitFor();
  await eventually(async () => assert.deepEqual(await eventNames(visitor), ['ready', 'open']));
  assert.equal(await visitor.evaluate(() => 'q' in (window as unknown as { Parley: object }).Parley), false, 'the queue is gone');

  await composer.fill(QUESTION);
  await chatOf(visitor).getByRole('button', { name: 'Send' }).click();
  const created = await agent.log.waitForEvent('message.created', (data) => data.message.body === QUESTION, WAIT_MS);
  conversationId = created.data.message.conversationId;
  await eventually(async () => {
    const messages = (await apiEvents(visitor)).filter(([name]) => name === 'message').map(([, data]) => data as { conversationId: number; fromVisitor: boolean; author: string; text: string });
    // The chatflow's welcome follows as a message from the team; the visitor's own is told once.
    const told = messages.filter((message) => message.fromVisitor);
    assert.equal(told.length, 1, `once, though the frame hears of it twice: ${JSON.stringify(messages)}`);
    assert.deepEqual({ ...told[0], author: typeof told[0]!.author }, { conversationId, fromVisitor: true, author: 'string', text: QUESTION });
  });
});

step("the agent's side shows the identified contact's name and email, its properties and tracked events", async () => {
  assert.deepEqual(pageErrors, []);
  await visitor.evaluate(async () => {
    const parley = (window as unknown as { Parley: { setProperties(p: object): Promise<void>; track(e: string, p?: object): Promise<void> } }).Parley;
    await parley.setProperties({ plan: 'Pro <b>yearly</b>' });
    await parley.track('viewed_pricing', { currency: 'EUR' });
  });
  const read = await agent.http('GET', `/api/conversations/${conversationId}/contact`);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const body = read.body as { contact: { displayName: string; email: string; externalId: string; properties: Record<string, string> } | null; events: Array<{ kind: string; name: string }> };
  assert.ok(body.contact, 'the visitor is a contact');
  assert.equal(body.contact.displayName, USER.name);
  assert.equal(body.contact.email, USER.email);
  assert.equal(body.contact.externalId, USER.id);
  assert.deepEqual(body.contact.properties, { plan: 'Pro <b>yearly</b>' }, 'stored as given');
  assert.ok(body.events.some((event) => event.kind === 'event' && event.name === 'viewed_pricing'), JSON.stringify(body.events));
});

step('in the inbox the agent sees the name and email beside the chat, edits the Organization, creates a lead and finds it under Leads', async () => {
  // The first admin is sent to the setup wizard until it is done; this is about the inbox.
  await agent.http('POST', '/api/admin/setup/complete', {});
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  const inbox = await context.newPage();
  await signIn(inbox, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await inbox.goto(`${cluster.url}/inbox/conversations/${conversationId}`);
  const sidebar = inbox.getByRole('region', { name: 'Contact', exact: true });
  const field = (label: string): Locator => sidebar.getByLabel(label, { exact: true });
  await field('Email').waitFor();
  await eventually(async () => assert.equal(await field('Email').inputValue(), USER.email));
  assert.equal(await field('First name').inputValue(), USER.name);

  await field('Organization').fill('Analytical Engines Ltd');
  await sidebar.getByRole('button', { name: 'Save contact' }).click();
  await sidebar.getByRole('status').getByText('Contact saved.').waitFor();
  const saved = (await agent.http('GET', `/api/conversations/${conversationId}/contact`)).body as { contact: { organization: { name: string } } };
  assert.equal(saved.contact.organization.name, 'Analytical Engines Ltd');

  await sidebar.getByRole('button', { name: 'Create lead' }).click();
  const form = sidebar.getByRole('form', { name: 'New lead' });
  await form.getByLabel('Title').fill('Engine for Ada');
  await form.getByRole('button', { name: 'Save lead' }).click();
  await sidebar.getByRole('status').getByText('Lead created: Engine for Ada').waitFor();

  await inbox.getByRole('navigation', { name: 'Inbox' }).getByRole('link', { name: 'Leads', exact: true }).click();
  await inbox.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  const row = inbox.getByRole('table', { name: 'Leads' }).getByRole('row').filter({ hasText: 'Engine for Ada' });
  await row.waitFor();
  assert.ok((await row.innerText()).includes(USER.name), `the lead names its contact: ${await row.innerText()}`);
  await context.close();
});

step("a reply fires message; close, toggle, hide and show do what they say; a reply while closed fires unread", async () => {
  await agentReplies('It ships tomorrow.');
  await thread(visitor).getByText('It ships tomorrow.').waitFor();
  await eventually(async () => {
    const told = (await apiEvents(visitor)).filter(([name, data]) => name === 'message' && (data as { text: string }).text === 'It ships tomorrow.');
    assert.deepEqual(told.map(([, data]) => (data as { fromVisitor: boolean }).fromVisitor), [false]);
  });

  await visitor.evaluate(() => (window as unknown as { Parley: { close(): Promise<void> } }).Parley.close());
  await chatWindow(visitor).waitFor({ state: 'hidden' });
  await launcher(visitor).waitFor();
  await eventually(async () => assert.equal((await eventNames(visitor)).filter((name) => name === 'open' || name === 'close').at(-1), 'close'));

  await agentReplies('Anything else?');
  await eventually(async () => assert.deepEqual((await apiEvents(visitor)).filter(([name]) => name === 'unread').at(-1), ['unread', 1]));

  await visitor.evaluate(() => (window as unknown as { Parley: { toggle(): Promise<void> } }).Parley.toggle());
  await chatWindow(visitor).waitFor();
  await thread(visitor).getByText('Anything else?').waitFor();
  await eventually(async () => assert.equal((await eventNames(visitor)).filter((name) => name === 'open' || name === 'close').at(-1), 'open'));
  await visitor.evaluate(() => (window as unknown as { Parley: { toggle(): Promise<void> } }).Parley.toggle());
  await chatWindow(visitor).waitFor({ state: 'hidden' });
  await launcher(visitor).waitFor();

  await visitor.evaluate(() => (window as unknown as { Parley: { hide(): Promise<void> } }).Parley.hide());
  await launcher(visitor).waitFor({ state: 'hidden' });
  await visitor.evaluate(() => (window as unknown as { Parley: { show(): Promise<void> } }).Parley.show());
  await launcher(visitor).waitFor();
  const names = await eventNames(visitor);
  assert.deepEqual(
    names.filter((name) => name === 'open' || name === 'close'),
    ['open', 'close', 'open', 'close'],
    'one event per change',
  );
  assert.deepEqual(pageErrors, []);
});

step("startConversation('hi') opens the chat and sends hi", async () => {
  await visitor.evaluate(() => (window as unknown as { Parley: { startConversation(text?: string): Promise<void> } }).Parley.startConversation('hi'));
  await chatWindow(visitor).waitFor();
  const created = await agent.log.waitForEvent('message.created', (data) => data.message.body === 'hi', WAIT_MS);
  assert.equal(created.data.message.conversationId, conversationId, 'in the open conversation');
  assert.equal(created.data.message.author.kind, 'visitor');
  await thread(visitor).getByText('hi', { exact: true }).waitFor();
});

step('a wrong hash is refused and shows nothing of the contact', async () => {
  const { page } = await openShop('');
  await eventually(async () => assert.deepEqual(await eventNames(page), ['ready']));
  const refused = await page.evaluate((user) =>
    (window as unknown as { Parley: { identify(identity: object): Promise<unknown> } }).Parley.identify(user).then(
      () => 'accepted',
      (error: { code?: string }) => error.code,
    ),
    { ...USER, hash: sign('someone-else') },
  );
  assert.equal(refused, 'identity_hash_invalid');
  await page.evaluate(() => (window as unknown as { Parley: { open(): Promise<void> } }).Parley.open());
  await chatOf(page).getByRole('textbox', { name: 'Message' }).waitFor();
  // Settled: connected, the (empty) snapshot applied.
  await page.waitForTimeout(1000);
  const text = await thread(page).innerText().catch(() => '');
  assert.ok(!text.includes(QUESTION) && !text.includes('It ships tomorrow.'), `nothing of the contact's chat: ${text}`);
  const token = await page.evaluate((key) => localStorage.getItem(key), `parley:${cluster.siteKey}:visitor`);
  assert.ok(token, 'a visitor of its own was made for the call');
  const history = await fetch(`${cluster.url}/api/widget/history`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(history.status, 200);
  assert.deepEqual(((await history.json()) as { conversations: unknown[] }).conversations, []);
});

step('a second device, chatting anonymously, identified with the same id and a valid hash switches to the history live', async () => {
  const { page } = await openShop('open');
  const chat = chatOf(page);
  await chat.getByRole('textbox', { name: 'Message' }).waitFor();
  assert.equal(await thread(page).getByText(QUESTION).count(), 0, 'an anonymous visitor first');
  const url = page.url();
  const answer = await page.evaluate(
    (identity) => (window as unknown as { Parley: { identify(identity: object): Promise<{ status: string }> } }).Parley.identify(identity),
    { id: USER.id, hash: sign(USER.id) },
  );
  assert.deepEqual(answer, { status: 'verified' });
  await thread(page).getByText(QUESTION).waitFor();
  await thread(page).getByText('It ships tomorrow.').waitFor();
  assert.equal(page.url(), url, 'the host page was not reloaded');
  await agentReplies('Seen on your phone too.');
  await thread(page).getByText('Seen on your phone too.').waitFor();
  assert.deepEqual(pageErrors, []);
});

step('with the older one-tag snippet the loader defines window.Parley itself, and it works', async () => {
  const oldShop = await startHostSite(cluster.url, cluster.siteKey);
  try {
    const context = await browser.newContext();
    contexts.push(context);
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${oldShop.crossSiteUrl}/`);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no stub on this page');
    await page.waitForFunction(() => typeof (window as unknown as { Parley?: { open?: unknown } }).Parley?.open === 'function');
    await page.evaluate(() => (window as unknown as { Parley: { open(): Promise<void> } }).Parley.open());
    await chatOf(page).getByRole('textbox', { name: 'Message' }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  } finally {
    await oldShop.close();
  }
});
