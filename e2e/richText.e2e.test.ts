/**
 * Rich text in business messages (issue 11), in real browsers against a real node (drivers by
 * PARLEY_TEST_DRIVERS): an agent's reply with bold, a list, an https link and a `javascript:` link
 * shows in the chat window (390 px phone) and in the inbox as <strong>, a list, a link opening in
 * a new tab with rel="noopener noreferrer nofollow", and the `javascript:` one as plain text; a
 * visitor's `**x**` stays literal in both. One scenario in order; a step after a failed one fails
 * at once. The chatflow's welcome message is rich text too.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import type { Locator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, signIn } from './browser.js';
import { assignToMe, chatFrame, chatOf, failFastSteps, openChat, replyAsAgent, sendAsVisitor, startVisitorAndAgent, unassignedVisitor, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Rhea Rich', email: 'rhea@example.com', password: 'rhea-password-1' };
const QUESTION = 'Is **x** included?';
const BAD_LINK = '[run this](javascript:alert(document.domain))';
const REPLY = ['Yes, **it is included**:', '- Free shipping', '- _Easy_ returns', `Read [our terms](https://example.com/terms) or ${BAD_LINK}`].join('\n');
const WELCOME = 'Welcome! **Ask us** anything, or see [our prices](https://example.com/prices).';
const REL = 'noopener noreferrer nofollow';
const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT, visitorPage: { viewport: { width: 390, height: 800 } } }));
}, { timeout: 30_000 });

after(() => scene?.close());

/** The checks shared by the chat window and the inbox, on the element holding the reply's body. */
async function assertRichReply(body: Locator, where: string): Promise<void> {
  assert.equal(await body.locator('strong').innerText(), 'it is included', `${where}: bold is <strong>`);
  assert.deepEqual(await body.locator('ul > li').allInnerTexts(), ['Free shipping', 'Easy returns'], `${where}: a bulleted list`);
  assert.equal(await body.locator('li em').innerText(), 'Easy', `${where}: italic is <em>`);
  const links = body.getByRole('link');
  assert.equal(await links.count(), 1, `${where}: only the https address is a link`);
  const terms = body.getByRole('link', { name: 'our terms' });
  assert.equal(await terms.getAttribute('href'), 'https://example.com/terms');
  assert.equal(await terms.getAttribute('target'), '_blank', `${where}: opens in a new tab`);
  assert.equal(await terms.getAttribute('rel'), REL);
  assert.ok((await body.innerText()).includes(BAD_LINK), `${where}: the javascript: link is shown as typed`);
  assert.equal(await body.locator('a:not([href^="https:"]), script, [onerror], [onclick]').count(), 0, `${where}: nothing else became markup`);
}

step(`the admin writes a rich welcome message; the chat window shows it bold with a safe link (${DRIVERS})`, async () => {
  const admin = httpAs(scene.cluster.url, (await login(scene.cluster.url)).cookie);
  const sites = await admin('GET', '/api/admin/sites');
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string }> }).sites.find((s) => s.siteKey === scene.cluster.siteKey);
  assert.ok(site, 'the test site is listed');
  const listed = await admin('GET', `/api/admin/chatflows?siteId=${site.id}`);
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const patched = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, { settings: { welcomeMessage: WELCOME } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  const welcome = chat.getByRole('log', { name: 'Messages' }).locator('.msg .bubble', { hasText: 'anything' });
  await welcome.waitFor();
  assert.equal(await welcome.locator('strong').innerText(), 'Ask us');
  const prices = welcome.getByRole('link', { name: 'our prices' });
  assert.equal(await prices.getAttribute('href'), 'https://example.com/prices');
  assert.equal(await prices.getAttribute('target'), '_blank');
  assert.equal(await prices.getAttribute('rel'), REL);
  assert.equal(await welcome.innerText(), 'Welcome! Ask us anything, or see our prices.');
});

step(`the visitor's **x** stays literal in the chat window and the inbox`, async () => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  const chat = chatOf(visitor);
  await sendAsVisitor(visitor, QUESTION);
  const own = chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending) .bubble', { hasText: QUESTION });
  await own.waitFor();
  assert.equal(await own.innerText(), QUESTION);
  assert.equal(await own.locator('strong').count(), 0);

  await unassignedVisitor(agent).click();
  const asked = agent.locator('.message.from-visitor .message-body', { hasText: QUESTION });
  await asked.waitFor();
  assert.equal(await asked.innerText(), QUESTION);
  assert.equal(await asked.locator('*').count(), 0, 'a visitor body is text only');
  const storedWelcome = agent.locator('.message.from-bot .message-body', { hasText: 'anything' });
  assert.equal(await storedWelcome.locator('strong').innerText(), 'Ask us', 'the stored welcome (a bot line) is rich in the inbox too');
});

step('the agent replies with bold, a list and two links: the inbox renders the safe subset', async (t) => {
  await assignToMe(agent, AGENT.name);
  await replyAsAgent(agent, REPLY);
  const body = agent.locator('.message.from-user:not(.pending) .message-body', { hasText: 'Free shipping' });
  await body.waitFor();
  await assertRichReply(body, 'inbox');
  await assertAccessible(t, 'the inbox thread with a rich reply', agent);
});

step('the chat window renders the same reply the same way, within a 390 px phone', async (t) => {
  const body = chatOf(visitor).getByRole('log', { name: 'Messages' }).locator('.msg:not(.own) .bubble', { hasText: 'Free shipping' });
  await body.waitFor();
  await assertRichReply(body, 'chat window');
  const frame = await chatFrame(visitor);
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling in the chat window');
  await assertAccessible(t, 'the chat window with a rich reply', frame);
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
