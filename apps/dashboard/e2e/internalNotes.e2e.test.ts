/**
 * Internal notes in real browsers against a real server: the agent turns on "Internal note" next
 * to the reply box and sends; the thread shows it marked as a note (a "Note" label, not only a
 * colour); the visitor's chat window on the customer's page never shows it, neither live (a later
 * normal reply arrives without it) nor after a reload. axe finds nothing serious; at 390 px the
 * reply box with its switch does not scroll sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { seriousA11yViolations } from '../../../e2e/browser.js';
import { chatOf, openChat, replyAsAgent, sendAsVisitor, startChatScene, unassignedVisitor, type ChatScene } from '../../../e2e/chatKit.js';
import type { HostSite } from '../../../e2e/hostPage.js';
import { noSidewaysScroll, signedInPage } from './inboxTestKit.js';

const QUESTION = 'Where is my parcel?';
const NOTE = 'Courier lost it, refund approved by finance';
const REPLY = 'Sorry about that, a refund is on its way.';

let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;

before(async () => {
  scene = await startChatScene();
  ({ cluster, host } = scene);
}, { timeout: 30_000 });

after(() => scene?.close());

/** Every line of the visitor's chat window, as text. */
async function visitorLines(page: Page): Promise<string> {
  return (await chatOf(page).getByRole('log', { name: 'Messages' }).innerText()).trim();
}

test('an agent sends an internal note: marked in the thread, never in the visitor’s chat', { timeout: 60_000 }, async () => {
  const visitor = await scene.newPage();
  await openChat(visitor, `${host.sameSiteUrl}/`);
  await sendAsVisitor(visitor, QUESTION);

  const agent = await signedInPage(scene, { viewport: { width: 1280, height: 860 } });
  await unassignedVisitor(agent).click();
  const log = agent.getByRole('log', { name: 'Messages' });
  await log.getByText(QUESTION).waitFor();

  const noteSwitch = agent.getByRole('switch', { name: 'Internal note' });
  assert.equal(await noteSwitch.getAttribute('aria-checked'), 'false', 'replies are the default');
  await noteSwitch.click();
  assert.equal(await noteSwitch.getAttribute('aria-checked'), 'true');
  await replyAsAgent(agent, NOTE);

  // Stored (not pending) and marked as a note in words, not only by colour.
  const note = log.locator('li.message.note:not(.pending)', { hasText: NOTE });
  await note.waitFor();
  assert.equal((await note.locator('.note-label').textContent())?.trim(), 'Note');
  assert.equal(await log.locator('li.message.note').count(), 1);
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // Off again: the next send is a normal reply, which the visitor gets.
  await noteSwitch.click();
  assert.equal(await noteSwitch.getAttribute('aria-checked'), 'false');
  await replyAsAgent(agent, REPLY);
  await log.locator('li.message:not(.note):not(.pending)', { hasText: REPLY }).waitFor();

  // The reply came after the note: once the visitor shows it, the note would have arrived too.
  await chatOf(visitor).getByText(REPLY).waitFor();
  assert.ok(!(await visitorLines(visitor)).includes(NOTE), 'no note in the live chat');
  // A reload takes the thread from the server's snapshot: still no note.
  await visitor.reload();
  // The window was open, so the loader opens it again by itself.
  await chatOf(visitor).getByText(REPLY).waitFor();
  assert.ok(!(await visitorLines(visitor)).includes(NOTE), 'no note after a reload');
  assert.ok((await visitorLines(visitor)).includes(QUESTION));

  // After a reload of the inbox the note is still there and still marked.
  await agent.reload();
  await log.locator('li.message.note', { hasText: NOTE }).waitFor();

  await visitor.context().close();
  await agent.context().close();
});

test('at 390 px the reply box with the "Internal note" switch fits without sideways scrolling', { timeout: 30_000 }, async () => {
  const phone = await signedInPage(scene, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/all`);
  await phone.getByRole('link', { name: /Visitor \d+/ }).first().click();
  const noteSwitch = phone.getByRole('switch', { name: 'Internal note' });
  await noteSwitch.click();
  await phone.locator('li.message.note').first().waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.context().close();
});
