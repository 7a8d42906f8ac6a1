/**
 * Read receipts and ending a chat (issue 12: W12, W13) in real browsers against a real node
 * (drivers by PARLEY_TEST_DRIVERS): the visitor writes and the agent opens the thread → the
 * widget shows "Seen"; the agent replies while the visitor's window is open → the inbox shows
 * "Seen"; "End chat" asks first (Escape and Cancel keep the chat), and confirming ends it with
 * "You ended the chat". One scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, signIn } from './browser.js';
import { assignToMe, chatFrame, chatOf, failFastSteps, openChat, replyAsAgent, sendAsVisitor, startVisitorAndAgent, unassignedVisitor, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Rita Reader', email: 'rita@example.com', password: 'rita-password-1' };
const QUESTION = 'Do you ship to Finland?';
const REPLY = 'Yes, in three to five days.';
const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT }));
}, { timeout: 30_000 });

after(() => scene?.close());

/** The accessible name of the focused element inside the chat frame. */
async function focusedInFrame(page: Page): Promise<string | null> {
  return (await chatFrame(page)).evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? null;
  });
}

step(`the visitor writes; no "Seen" until the agent opens the thread, then it appears live (${DRIVERS})`, async () => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  await sendAsVisitor(visitor, QUESTION);
  const own = chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending)', { hasText: QUESTION });
  await own.waitFor();
  await unassignedVisitor(agent).waitFor();
  assert.equal(await own.getByText('Seen').count(), 0, 'nobody has opened it yet');

  await unassignedVisitor(agent).click();
  await agent.getByRole('log', { name: 'Messages' }).getByText(QUESTION).waitFor();
  await own.getByText('Seen').waitFor();
  assert.equal(await chat.getByText('Seen').count(), 1, 'one "Seen", under the last message read');
});

step('the agent replies while the visitor has the window open: the inbox shows "Seen" under the reply', async (t) => {
  await assignToMe(agent, AGENT.name);
  await replyAsAgent(agent, REPLY);
  await chatOf(visitor).getByRole('log', { name: 'Messages' }).getByText(REPLY).waitFor();
  const reply = agent.locator('.message.from-user:not(.pending)', { hasText: REPLY });
  await reply.getByText('Seen').waitFor();
  assert.equal(await agent.getByRole('log', { name: 'Messages' }).getByText('Seen', { exact: true }).count(), 1);
  await assertAccessible(t, 'the inbox thread with a "Seen" receipt', agent);
});

step('"End chat" asks first: Escape and Cancel keep the chat, and focus comes back', async (t) => {
  const chat = chatOf(visitor);
  const question = chat.getByRole('alertdialog', { name: 'End this chat?' });
  await chat.getByRole('banner').getByRole('button', { name: 'End chat' }).click();
  await question.waitFor();
  assert.equal(await focusedInFrame(visitor), 'Cancel', 'focus moves to the safe choice');
  await assertAccessible(t, 'the chat window with the end confirmation open', await chatFrame(visitor));
  const overflow = await (await chatFrame(visitor)).evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling in the chat window');

  await visitor.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  assert.equal(await focusedInFrame(visitor), 'End chat', 'focus back on the button that asked');
  await chat.getByRole('textbox', { name: 'Message' }).waitFor(); // Escape did not minimize the window

  await chat.getByRole('banner').getByRole('button', { name: 'End chat' }).click();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await question.waitFor({ state: 'detached' });
  assert.equal(await chat.getByText('You ended the chat').count(), 0);
  await chat.getByRole('banner').getByRole('button', { name: 'End chat' }).waitFor();
});

step('confirming ends the chat: the visitor reads "You ended the chat" and the inbox shows it closed', async () => {
  const chat = chatOf(visitor);
  await chat.getByRole('banner').getByRole('button', { name: 'End chat' }).click();
  await chat.getByRole('alertdialog', { name: 'End this chat?' }).getByRole('button', { name: 'End chat' }).click();
  await chat.getByRole('log', { name: 'Messages' }).getByText('You ended the chat').waitFor();
  assert.equal(await chat.getByRole('button', { name: 'End chat' }).count(), 0);
  assert.equal(await chat.getByRole('alertdialog').count(), 0);
  await agent.getByText(/^Closed .*/).first().waitFor();
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
