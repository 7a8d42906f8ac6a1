/**
 * W10 communications consent in real browsers against a real node (drivers by
 * PARLEY_TEST_DRIVERS): a chatflow offers a checkbox bound to a subscription type; on a host page
 * of another origin at 390 px the checkbox is named by its text (rich text with an inline link), a
 * visitor ticks it and writes, and the agent's sidebar shows the communications consent with the
 * subscription type's name and the exact text. A visitor who leaves it unticked has nothing
 * recorded. One scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import type { Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { storage } from '../apps/server/test/helpers/routing.js';
import { assertAccessible, signIn } from './browser.js';
import { assignToMe, chatFrame, chatOf, failFastSteps, openChat, sendAsVisitor, startVisitorAndAgent, unassignedVisitor, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Nils News', email: 'nils@example.com', password: 'nils-password-1' };
const TYPE_NAME = 'Product news';
const COMMS_TEXT = 'Send me **product news** by email ([how we use it](https://example.com/news)).';
const COMMS_NAME = 'Send me product news by email (how we use it).';
const PHONE = { viewport: { width: 390, height: 800 } };
const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;
/** The first visitor's conversation in the inbox, to tell the second one's apart. */
let firstHref: string | null = null;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT, visitorPage: PHONE }));
}, { timeout: 30_000 });

after(() => scene?.close());

const communicationsRows = () => storage(scene.cluster).selectFrom('consents').selectAll().where('kind', '=', 'communications').execute();

step(`the admin binds the communications checkbox to a subscription type; the visitor sees it named by its rich text (${DRIVERS})`, async (t) => {
  const admin = httpAs(scene.cluster.url, (await login(scene.cluster.url)).cookie);
  const type = await admin('POST', '/api/admin/subscription-types', { name: TYPE_NAME });
  assert.equal(type.status, 201, JSON.stringify(type.body));
  const listed = await admin('GET', '/api/admin/chatflows');
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const patched = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, {
      consent: {
        cookie: { enabled: false, when: 'beforeChat', text: 'Cookies.' },
        communications: { enabled: true, text: COMMS_TEXT, subscriptionTypeId: type.body.subscriptionType.id },
      },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }

  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  const box = chat.getByRole('checkbox', { name: COMMS_NAME, exact: true });
  await box.waitFor();
  assert.equal(await box.isChecked(), false, 'unticked until the visitor ticks it');
  assert.equal(await chat.locator('.consent-check strong').innerText(), 'product news', 'the text is rich text');
  const link = chat.getByRole('link', { name: 'how we use it', exact: true });
  assert.equal(await link.getAttribute('href'), 'https://example.com/news');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  const frame = await chatFrame(visitor);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling at 390 px');
  await assertAccessible(t, 'the chat window with the communications checkbox', frame);
});

step('the visitor ticks the box and writes', async () => {
  const chat = chatOf(visitor);
  const box = chat.getByRole('checkbox', { name: COMMS_NAME, exact: true });
  await box.check();
  assert.equal(await box.isChecked(), true);
  await sendAsVisitor(visitor, 'Hello, news please');
  await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending) .bubble', { hasText: 'Hello, news please' }).waitFor();
});

step('the agent sees the communications consent with the subscription type and the exact text', async (t) => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  firstHref = await unassignedVisitor(agent).getAttribute('href');
  await unassignedVisitor(agent).click();
  const item = agent.getByRole('region', { name: 'Consents' }).getByRole('listitem').filter({ hasText: 'Communications' });
  await item.waitFor();
  assert.match(await item.innerText(), new RegExp(`Agreed · ${TYPE_NAME}`));
  assert.equal(await item.locator('blockquote').innerText(), COMMS_TEXT, 'the text as the visitor was shown it, markup and all');
  await assertAccessible(t, 'the inbox with the communications consent', agent);
  const rows = await communicationsRows();
  assert.deepEqual(
    rows.map((row) => [row.granted, row.text, row.subscription_type_name]),
    [[1, COMMS_TEXT, TYPE_NAME]],
  );
  await assignToMe(agent, AGENT.name);
});

step('a visitor who leaves the box unticked writes; no communications consent is recorded for them', async () => {
  const other = await scene.newPage(PHONE);
  const chat = await openChat(other, `${scene.host.sameSiteUrl}/`);
  const box = chat.getByRole('checkbox', { name: COMMS_NAME, exact: true });
  await box.waitFor();
  await sendAsVisitor(other, 'Hello, no news');
  await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending) .bubble', { hasText: 'Hello, no news' }).waitFor();

  await unassignedVisitor(agent).and(agent.locator(`:not([href="${firstHref}"])`)).click();
  const consents = agent.getByRole('region', { name: 'Consents' });
  await consents.getByText('None recorded').waitFor();
  assert.equal(await consents.getByRole('listitem').count(), 0);
  assert.equal((await communicationsRows()).length, 1, 'only the first visitor\'s ticked box');
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
