/**
 * The emoji picker (issue 12: W12) in real browsers against a real node (drivers by
 * PARLEY_TEST_DRIVERS). On a phone (390 px) the visitor opens the picker from the keyboard (its
 * chunk is fetched only then), moves with the arrow keys, inserts at the caret with Enter, closes
 * with Escape (focus back on the button, window still open), searches, and sends; the agent sees
 * the emoji. The agent picks one in the inbox reply box and the visitor sees it. axe with each
 * picker open; neither scrolls sideways at 390 px. One scenario in order; a step after a failed
 * one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, signIn } from './browser.js';
import { assignToMe, chatFrame, chatOf, failFastSteps, openChat, startVisitorAndAgent, unassignedVisitor, WAIT_MS, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Emil Emoji', email: 'emil@example.com', password: 'emil-password-1' };
const PHONE = { width: 390, height: 844 };
/** The picker's lazy chunk, in either app. */
const EMOJI_CHUNK = /\/assets\/(emoji\/)?EmojiPicker-[^/]*\.js$/;

const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;
const emojiChunkRequests: string[] = [];

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT, visitorPage: { viewport: PHONE, hasTouch: true } }));
  visitor.on('request', (request) => {
    if (EMOJI_CHUNK.test(new URL(request.url()).pathname)) emojiChunkRequests.push(request.url());
  });
}, { timeout: 30_000 });

after(() => scene?.close());

/** The focused element in a document: its name (aria-label, label or text) and, for a textarea, its caret. */
async function focused(target: Page | Frame): Promise<{ name: string | null; caret: number | null }> {
  return target.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const label = active instanceof HTMLTextAreaElement ? active.labels?.[0]?.textContent?.trim() : undefined;
    return {
      name: active?.getAttribute('aria-label') ?? label ?? active?.textContent?.trim() ?? null,
      caret: active instanceof HTMLTextAreaElement ? active.selectionStart : null,
    };
  });
}

/** The picker lies inside the window and nothing scrolls sideways, neither the page nor the grid. */
async function fitsWithoutSidewaysScroll(target: Page | Frame, what: string): Promise<void> {
  const sizes = await target.evaluate(() => {
    const picker = document.querySelector('.emoji-picker')!;
    const grid = picker.querySelector('.emoji-scroll')!;
    const box = picker.getBoundingClientRect();
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      grid: grid.scrollWidth - grid.clientWidth,
      left: box.left,
      right: box.right,
      width: document.documentElement.clientWidth,
    };
  });
  assert.equal(sizes.page, 0, `${what}: the page scrolls sideways`);
  assert.equal(sizes.grid, 0, `${what}: the emoji grid scrolls sideways`);
  assert.ok(sizes.left >= 0 && sizes.right <= sizes.width, `${what}: the picker (${sizes.left}–${sizes.right}) lies within ${sizes.width} px`);
}

const messageBox = (chat: FrameLocator): Locator => chat.getByRole('textbox', { name: 'Message' });

/** From the message box, Tab on to the Emoji button (other buttons of the box may come first). */
async function tabToEmojiButton(): Promise<void> {
  const frame = await chatFrame(visitor);
  for (let presses = 0; presses < 4; presses++) {
    await visitor.keyboard.press('Tab');
    if ((await focused(frame)).name === 'Emoji') return;
  }
  assert.fail('Tab from the message box does not reach the Emoji button');
}

step(`the visitor opens the picker from the keyboard; its chunk loads only then (${DRIVERS})`, async (t) => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  await messageBox(chat).fill('See you !');
  await messageBox(chat).focus();
  // The caret between "you " and "!".
  await visitor.keyboard.press('End');
  await visitor.keyboard.press('ArrowLeft');
  assert.deepEqual(emojiChunkRequests, [], 'the picker is not part of the chat UI the visitor downloads');

  await tabToEmojiButton();
  await visitor.keyboard.press('Enter');
  const picker = chat.getByRole('dialog', { name: 'Emoji' });
  await picker.waitFor();
  assert.equal(emojiChunkRequests.length, 1, 'fetched on first use');
  assert.equal(await chat.getByRole('button', { name: 'Emoji', exact: true }).getAttribute('aria-expanded'), 'true');
  assert.equal((await focused(await chatFrame(visitor))).name, 'Search emoji', 'focus starts in the search box');
  await picker.getByRole('group', { name: 'Smileys' }).waitFor();
  await picker.getByRole('group', { name: 'Symbols' }).waitFor();

  await assertAccessible(t, 'the chat window with the emoji picker open', await chatFrame(visitor));
  await fitsWithoutSidewaysScroll(await chatFrame(visitor), 'the chat window at 390 px');
});

step('arrow keys move in the grid and Enter inserts at the caret; focus returns to the message box', async () => {
  const chat = chatOf(visitor);
  const frame = await chatFrame(visitor);
  await visitor.keyboard.press('ArrowDown');
  assert.equal((await focused(frame)).name, '😀', 'Down enters the grid at its first emoji');
  await visitor.keyboard.press('ArrowRight');
  assert.equal((await focused(frame)).name, '😃');
  await visitor.keyboard.press('ArrowDown');
  assert.equal((await focused(frame)).name, '🙃', 'one row down, same column (eight to a row)');
  await visitor.keyboard.press('ArrowLeft');
  assert.equal((await focused(frame)).name, '🙂');
  await visitor.keyboard.press('ArrowUp');
  await visitor.keyboard.press('ArrowUp');
  assert.equal((await focused(frame)).name, 'Search emoji', 'Up from the first row goes back to the search box');
  await visitor.keyboard.press('ArrowDown');
  assert.equal((await focused(frame)).name, '😀', 'Down goes back to the emoji it left');
  await visitor.keyboard.press('ArrowDown');
  await visitor.keyboard.press('ArrowRight');
  assert.equal((await focused(frame)).name, '🙃');

  await visitor.keyboard.press('Enter');
  await chat.getByRole('dialog', { name: 'Emoji' }).waitFor({ state: 'detached' });
  assert.equal(await messageBox(chat).inputValue(), 'See you 🙃!', 'inserted at the caret, nothing sent');
  assert.deepEqual(await focused(frame), { name: 'Message', caret: 'See you 🙃'.length }, 'caret right after the emoji');
  assert.equal(await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own').count(), 0);
});

step('Escape closes the picker, puts focus back on its button and keeps the window open', async () => {
  const chat = chatOf(visitor);
  const frame = await chatFrame(visitor);
  await tabToEmojiButton();
  await visitor.keyboard.press('Enter');
  await chat.getByRole('dialog', { name: 'Emoji' }).waitFor();
  await visitor.keyboard.press('ArrowDown');
  await visitor.keyboard.press('Escape');
  await chat.getByRole('dialog', { name: 'Emoji' }).waitFor({ state: 'detached' });
  assert.equal((await focused(frame)).name, 'Emoji');
  assert.equal(await chat.getByRole('button', { name: 'Emoji', exact: true }).getAttribute('aria-expanded'), 'false');
  await messageBox(chat).waitFor(); // Escape did not minimize the chat window
  assert.equal(await messageBox(chat).inputValue(), 'See you 🙃!');
});

step('search narrows the grid; Enter in it picks the first match; the sent message reaches the agent', async () => {
  const chat = chatOf(visitor);
  await visitor.keyboard.press('Enter'); // the Emoji button still has focus
  const picker = chat.getByRole('dialog', { name: 'Emoji' });
  await picker.waitFor();
  assert.equal(emojiChunkRequests.length, 1, 'the chunk is fetched once');
  await visitor.keyboard.type('thumbs');
  await eventuallyCells(picker, ['👍', '👎']);
  await visitor.keyboard.type(' up');
  await eventuallyCells(picker, ['👍']);
  await visitor.keyboard.type('zz');
  await picker.getByRole('status').getByText('No emoji found').waitFor();
  await visitor.keyboard.press('Backspace');
  await visitor.keyboard.press('Backspace');
  await eventuallyCells(picker, ['👍']);
  await visitor.keyboard.press('Enter');
  await picker.waitFor({ state: 'detached' });
  assert.equal(await messageBox(chat).inputValue(), 'See you 🙃👍!', 'the caret stayed where the last emoji went');

  await visitor.keyboard.press('Enter'); // focus is back in the message box: Enter sends
  await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending)', { hasText: 'See you 🙃👍!' }).waitFor();
  await unassignedVisitor(agent).click();
  await agent.getByRole('log', { name: 'Messages' }).getByText('See you 🙃👍!', { exact: true }).waitFor();
});

step('a tap opens the picker without focusing the search box (no on-screen keyboard over the grid); a tap picks', async () => {
  const chat = chatOf(visitor);
  await chat.getByRole('button', { name: 'Emoji', exact: true }).tap();
  const picker = chat.getByRole('dialog', { name: 'Emoji' });
  await picker.waitFor();
  assert.equal((await focused(await chatFrame(visitor))).name, 'Emoji', 'the popover (named Emoji) has focus, not the search box');
  assert.equal(await picker.evaluate((element) => element === document.activeElement), true);
  await picker.getByRole('button', { name: '🙂' }).tap();
  await picker.waitFor({ state: 'detached' });
  assert.equal(await messageBox(chat).inputValue(), '🙂');
  await messageBox(chat).fill('');
});

step('the agent picks an emoji in the reply box (axe clean, caret kept) and the visitor sees it', async (t) => {
  await assignToMe(agent, AGENT.name);
  const reply = agent.getByLabel('Reply');
  await reply.fill('Have a nice day');
  await reply.focus();
  await agent.keyboard.press('End');
  await agent.getByRole('button', { name: 'Emoji', exact: true }).click();
  const picker = agent.getByRole('dialog', { name: 'Emoji' });
  await picker.getByRole('group', { name: 'Food & drink' }).waitFor();
  assert.equal(await picker.getByRole('button', { name: '🎉' }).getAttribute('title'), 'party popper', 'the inbox names each emoji');
  await assertAccessible(t, 'the inbox with the emoji picker open', agent);

  await agent.keyboard.type('party');
  await picker.getByRole('button', { name: '🎉' }).click();
  await picker.waitFor({ state: 'detached' });
  assert.equal(await reply.inputValue(), 'Have a nice day🎉');
  assert.deepEqual(await focused(agent), { name: 'Reply', caret: 'Have a nice day🎉'.length }, 'back in the reply box after the emoji');

  // Escape in the inbox too closes and returns to the button.
  await agent.getByRole('button', { name: 'Emoji', exact: true }).click();
  await picker.waitFor();
  await agent.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });
  assert.equal((await focused(agent)).name, 'Emoji');

  await agent.getByRole('button', { name: 'Send' }).click();
  await chatOf(visitor).getByRole('log', { name: 'Messages' }).getByText('Have a nice day🎉', { exact: true }).waitFor();
});

step('the inbox picker fits a 390 px phone without sideways scrolling', async () => {
  await agent.setViewportSize(PHONE);
  const button = agent.getByRole('button', { name: 'Emoji', exact: true });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await agent.getByRole('dialog', { name: 'Emoji' }).waitFor();
  await fitsWithoutSidewaysScroll(agent, 'the inbox at 390 px');
  await agent.keyboard.press('Escape');
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});

/** Waits until the picker's grid shows exactly these emoji (the search re-renders it). */
async function eventuallyCells(picker: Locator, expected: string[]): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const shown = await picker.locator('.emoji-cell').allTextContents();
    if (JSON.stringify(shown) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) assert.deepEqual(shown, expected);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
