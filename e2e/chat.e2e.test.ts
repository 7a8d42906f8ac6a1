/**
 * The whole product in real browsers against a real node (port 0, the drivers chosen by
 * PARLEY_TEST_DRIVERS): a customer's page on another origin embeds the widget with the documented
 * snippet; a visitor chats in it while an agent answers from the inbox in a separate browser
 * context (its own cookies and storage). One scenario, in order: each step builds on the last,
 * and a step after a failed one fails at once instead of timing out.
 *
 * The scenario's host page is on another origin (port) of the same site as the node; the keyboard
 * check and a reload check run on another site (`localhost`), where the chat frame is third-party.
 *
 * Needs the built front ends (`npm run build` at the root; this file builds nothing) and
 * /usr/bin/chromium. Without either it fails; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, eventually, signIn, viewCount } from './browser.js';
import {
  assignToMe,
  chatFrame,
  chatOf,
  failFastSteps,
  openChat,
  replyAsAgent,
  sendAsVisitor,
  startVisitorAndAgent,
  unassignedVisitor,
  WAIT_MS,
  type ChatScene,
} from './chatKit.js';

const AGENT = { name: 'Maija Agent', email: 'maija@example.com', password: 'maija-password-1' };
const FIRST = 'Hello, I have a question about my order';
const HOSTILE = '<img src=x onerror="window.__xss=1">**bold** & "quotes"';
const REPLY = 'Happy to help! What is the order number?';
const AFTER_CLOSE = 'One more thing, sorry';
const WELCOME = 'Hi! How can we help you today?';
/** The demo chatflow's flow is its live-chat card, whose online message follows a chat's first line (W8). */
const ONLINE = 'Connecting you with our team. Someone will be with you shortly.';
/** Per step; with the fail-fast rule, a broken run still ends within about a minute. */
const STEP_MS = 20_000;
const step = failFastSteps(STEP_MS);

let scene: ChatScene;
let visitor: Page;
let agent: Page;
let firstConversationId = 0;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT }));
}, { timeout: 30_000 });

after(() => scene?.close());

/** The visitor's thread as text, in order; system lines without their " · time" suffix. */
async function visitorThread(page: Page): Promise<string[]> {
  const lines = await chatOf(page).getByRole('log', { name: 'Messages' }).locator('.bubble, .system').allInnerTexts();
  return lines.map((line) => line.replace(/ · [^·]*$/, '').trim());
}

/** Waits until every message the visitor wrote is stored (no "Sending…" left). */
async function waitUntilSent(page: Page, ownCount: number): Promise<void> {
  const log = chatOf(page).getByRole('log', { name: 'Messages' });
  await eventually(async () => {
    assert.equal(await log.locator('.msg.own.pending, .msg.own.failed').count(), 0);
    assert.equal(await log.locator('.msg.own').count(), ownCount);
  }, WAIT_MS);
}

async function xssFlag(target: Page | Frame): Promise<unknown> {
  return target.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

step(`the customer's page on another origin shows the launcher, untouched by the page's CSS (${DRIVERS})`, async (t) => {
  assert.notEqual(new URL(scene.host.sameSiteUrl).origin, new URL(scene.cluster.url).origin);
  await visitor.goto(`${scene.host.sameSiteUrl}/`);
  const launcher = visitor.getByRole('button', { name: 'Open chat' });
  await launcher.waitFor();
  // The host's `button { display: none }` and `* { color: red }` stop at the shadow root.
  const style = await launcher.evaluate((el) => {
    const s = getComputedStyle(el);
    return { display: s.display, width: s.width, color: s.color };
  });
  assert.equal(style.display, 'grid');
  assert.equal(style.width, '60px');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(await visitor.getByRole('heading', { name: 'Host shop' }).evaluate((el) => getComputedStyle(el).color), 'rgb(255, 0, 0)');
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  assert.equal(await visitor.locator('iframe').count(), 0, 'the chat frame is created only when opened');
  await assertAccessible(t, 'the host page with the launcher', visitor);
});

step('an agent signs in and waits in Unassigned', async (t) => {
  await agent.goto(`${scene.cluster.url}/inbox/`);
  await agent.getByRole('button', { name: 'Sign in' }).waitFor();
  await assertAccessible(t, 'the inbox sign-in page', agent);
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  assert.match(agent.url(), /\/inbox\/unassigned$/);
  await agent.getByText('Nobody is waiting. New chats appear here.').waitFor();
  assert.equal(await agent.getByRole('link', { name: 'Users' }).count(), 0, 'an agent is not an admin');
  // Marks this page load: if it is still there later, what appeared came in live.
  await agent.evaluate(() => ((window as unknown as { __samePageLoad: boolean }).__samePageLoad = true));
});

step('the visitor opens the chat and writes, once with hostile markup', async (t) => {
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  const chat = chatOf(visitor);
  const box = chat.getByRole('textbox', { name: 'Message' });
  await box.waitFor();
  // Same isolation for the frame: the host's `iframe { … }` rule does not size or frame it.
  const frameStyle = await visitor.locator('iframe[src*="/widget/frame/"]').evaluate((el) => {
    const s = getComputedStyle(el);
    return { width: s.width, borderStyle: s.borderTopStyle };
  });
  assert.deepEqual(frameStyle, { width: '380px', borderStyle: 'none' });
  await chat.getByText(WELCOME).waitFor();

  await sendAsVisitor(visitor, FIRST);
  await sendAsVisitor(visitor, HOSTILE);
  await waitUntilSent(visitor, 2);
  const log = chat.getByRole('log', { name: 'Messages' });
  await log.getByText(HOSTILE, { exact: true }).waitFor();
  assert.equal(await log.locator('img').count(), 0);
  assert.equal(await xssFlag(await chatFrame(visitor)), undefined);
  assert.equal(await xssFlag(visitor), undefined);
  assert.equal(await box.inputValue(), '', 'the composer is emptied after sending');
  await assertAccessible(t, 'the open chat window', await chatFrame(visitor));
});

step('the chat arrives live in the agent’s Unassigned view; the agent takes it and replies', async (t) => {
  const list = agent.getByRole('region', { name: 'Unassigned' });
  const item = list.getByRole('link', { name: /Visitor \d+/ });
  await item.waitFor();
  assert.equal(await agent.evaluate(() => (window as unknown as { __samePageLoad?: boolean }).__samePageLoad), true, 'no reload');
  await eventually(async () => assert.equal(await viewCount(agent, 'Unassigned'), 1));
  // The list names the page the visitor is on (sent by the loader over the bridge).
  await list.getByRole('link', { name: /Host shop/ }).waitFor();

  await item.click();
  const url = agent.url().match(/\/inbox\/conversations\/(\d+)$/);
  assert.ok(url, `opened a conversation, at ${agent.url()}`);
  firstConversationId = Number(url[1]);
  const log = agent.getByRole('log', { name: 'Messages' });
  await log.getByText(FIRST).waitFor();
  await log.getByText(HOSTILE, { exact: true }).waitFor();
  assert.equal(await log.locator('img').count(), 0);
  assert.equal(await xssFlag(agent), undefined);
  await assertAccessible(t, 'the inbox with a conversation open', agent);

  await assignToMe(agent, AGENT.name);
  await replyAsAgent(agent, REPLY);
  await agent.locator('.message.from-user:not(.pending)', { hasText: REPLY }).waitFor();
  await eventually(async () => assert.equal(await viewCount(agent, 'Mine'), 1));
  assert.equal(await viewCount(agent, 'Unassigned'), 0);
});

step('the visitor sees the agent join and reply under the agent’s name; markup stays text', async () => {
  const chat = chatOf(visitor);
  const log = chat.getByRole('log', { name: 'Messages' });
  await log.getByText(`${AGENT.name} joined the chat`).waitFor();
  const reply = log.locator('.msg', { hasText: REPLY });
  await reply.waitFor();
  assert.equal(await reply.locator('.author').innerText(), AGENT.name);
  await chat.getByRole('heading', { name: AGENT.name }).waitFor();

  await log.getByText(HOSTILE, { exact: true }).waitFor();
  assert.equal(await log.locator('img').count(), 0);
  assert.equal(await xssFlag(await chatFrame(visitor)), undefined);
  assert.equal(await xssFlag(visitor), undefined);
  assert.equal(await xssFlag(agent), undefined);
});

step('after a reload of the host page the chat reopens with its history in order', async () => {
  await visitor.reload();
  // The window was open, so the loader opens it again by itself.
  const chat = chatOf(visitor);
  const log = chat.getByRole('log', { name: 'Messages' });
  await log.getByText(REPLY).waitFor();
  assert.deepEqual(await visitorThread(visitor), [WELCOME, FIRST, ONLINE, HOSTILE, `${AGENT.name} joined the chat`, REPLY]);
  assert.equal(await log.locator('img').count(), 0);
  assert.equal(await xssFlag(await chatFrame(visitor)), undefined);
  assert.equal(await xssFlag(visitor), undefined);
});

step('the agent closes the conversation; the visitor sees that the chat has ended', async () => {
  await agent.getByRole('button', { name: 'Close conversation' }).click();
  await agent.getByText(/^Closed .*\(closed by an agent\)$/).waitFor();
  assert.equal(await agent.getByLabel('Reply').count(), 0);

  const chat = chatOf(visitor);
  await chat.getByText('This chat has ended.').waitFor();
  await chat.getByText('Write a message to start a new chat.').waitFor();
  await chat.getByRole('log', { name: 'Messages' }).getByText(`${AGENT.name} closed the chat`).waitFor();
  assert.equal(await chat.getByRole('button', { name: 'End chat' }).count(), 0);
  await eventually(async () => assert.equal(await viewCount(agent, 'Closed'), 1));
});

step('writing again starts a new conversation: a fresh thread for the visitor, a new chat in Unassigned', async () => {
  await sendAsVisitor(visitor, AFTER_CLOSE);
  const chat = chatOf(visitor);
  await waitUntilSent(visitor, 1);
  await chat.getByText('This chat has ended.').waitFor({ state: 'detached' });
  await eventually(async () => assert.deepEqual(await visitorThread(visitor), [WELCOME, AFTER_CLOSE, ONLINE]));

  // Still the same page load: the new chat arrives in the list beside the closed thread.
  const unassigned = unassignedVisitor(agent);
  await unassigned.waitFor();
  assert.equal(await agent.evaluate(() => (window as unknown as { __samePageLoad?: boolean }).__samePageLoad), true, 'no reload');
  const newHref = await unassigned.getAttribute('href');
  const newId = Number(newHref?.match(/\/inbox\/conversations\/(\d+)$/)?.[1]);
  assert.ok(newId > firstConversationId, `a new conversation (${newHref}) after #${firstConversationId}`);
  await eventually(async () => assert.equal(await viewCount(agent, 'Unassigned'), 1));

  await agent.getByRole('link', { name: /^Closed/ }).click();
  const closed = agent.getByRole('region', { name: 'Closed' }).getByRole('link', { name: /Visitor \d+/ });
  await closed.waitFor();
  assert.equal(await closed.count(), 1);
  assert.match((await closed.getAttribute('href')) ?? '', new RegExp(`/inbox/conversations/${firstConversationId}$`));
  assert.equal(await viewCount(agent, 'Closed'), 1);
  assert.equal(await viewCount(agent, 'Mine'), 0);
});

step('keyboard: Tab reaches the launcher, Enter opens the chat in the composer, Escape returns', async () => {
  // On another site, as a customer's page would be.
  const page = await scene.newPage();
  await page.goto(`${scene.host.crossSiteUrl}/`);
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await launcher.waitFor();
  const launcherFocused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active?.tagName === 'PARLEY-WIDGET' && active.shadowRoot?.activeElement?.getAttribute('aria-label') === 'Open chat';
    });
  let tabs = 0;
  while (!(await launcherFocused())) {
    assert.ok(++tabs <= 5, 'the launcher is reachable with a few presses of Tab');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const chat = chatOf(page);
  await chat.getByRole('textbox', { name: 'Message' }).waitFor();
  // Opened by the visitor: focus moves into the chat, to the composer.
  const frame = await chatFrame(page);
  await eventually(async () => {
    assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Message');
  }, WAIT_MS);
  await page.keyboard.type('typed without the mouse');
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).inputValue(), 'typed without the mouse');

  await page.keyboard.press('Escape');
  await launcher.waitFor();
  await eventually(async () => assert.equal(await launcherFocused(), true), WAIT_MS);
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
});

/**
 * On a page of another *site* the chat frame is third-party, and browsers block or partition its
 * storage; the loader therefore keeps the visitor token in the host page's storage and hands it
 * to the frame. A reload must bring back the same visitor and thread.
 */
test('on another site the visitor is still the same after a reload', { timeout: STEP_MS }, async () => {
  const page = await scene.newPage();
  await openChat(page, `${scene.host.crossSiteUrl}/`);
  const message = 'Cross-site hello';
  await sendAsVisitor(page, message);
  await waitUntilSent(page, 1);
  await page.reload();
  const log = chatOf(page).getByRole('log', { name: 'Messages' });
  await log.getByText(WELCOME).waitFor();
  await eventually(async () => assert.deepEqual(await visitorThread(page), [WELCOME, message, ONLINE]), 5000);
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
