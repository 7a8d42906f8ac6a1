/**
 * W17 on a customer's page (another origin, hostile CSS) in a real browser against a real node
 * (drivers by PARLEY_TEST_DRIVERS): with the chat window closed, a reply from the team loads the
 * loader's unread chunk (and not before), which shows the badge and a preview bubble with the
 * reply as text (a `<b>` stays characters), flashes the page title, and opening the chat from the
 * bubble restores the exact title; × dismisses the bubble; with sound on (a chatflow setting,
 * validated by the server) a WebAudio oscillator starts, observed through an init-script wrapper
 * of AudioContext, and with the title flash off the title stays; with reduced motion the title
 * shows the unread text without alternating. axe with the bubble up; the bubble fits 390 px.
 * One scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import type { Chatflow } from '@parley/protocol';
import { connectAgent, type AgentClient } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertAccessible, eventually } from './browser.js';
import { chatOf, failFastSteps, sendAsVisitor, startChatScene, WAIT_MS, type ChatScene } from './chatKit.js';
import type { HostSite } from './hostPage.js';

const HOST_TITLE = 'Host shop';
const QUESTION = 'Do you ship to Finland?';
const REPLY = 'Yes, <b>we do</b>: three to five days.';
const step = failFastSteps(25_000);

let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;
let agent: AgentClient;
let visitor: Page;
let chatflowId: number;
let conversationId: number;
let replies = 0;
/** Requests for the loader's unread chunk (/widget/loader/alerts-…; the API chunk loads on every page). */
const chunkRequests: string[] = [];

before(async () => {
  scene = await startChatScene();
  ({ cluster, host } = scene);
  agent = await connectAgent(cluster.url, cluster.wsUrl);
  const sites = await agent.http('GET', '/api/admin/sites');
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string }> }).sites.find((s) => s.siteKey === cluster.siteKey)!;
  const listed = await agent.http('GET', `/api/admin/chatflows?siteId=${site.id}`);
  chatflowId = (listed.body as { chatflows: Chatflow[] }).chatflows.find((chatflow) => chatflow.published)!.id;

  visitor = await scene.newPage();
  // Counts the oscillators the page starts, with their frequencies, without changing the sound.
  await visitor.context().addInitScript(() => {
    const w = window as unknown as { AudioContext: typeof AudioContext; startedTones: number[] };
    w.startedTones = [];
    const Original = w.AudioContext;
    w.AudioContext = class extends Original {
      override createOscillator(): OscillatorNode {
        const oscillator = super.createOscillator();
        const start = oscillator.start.bind(oscillator);
        oscillator.start = (when?: number) => {
          w.startedTones.push(oscillator.frequency.value);
          start(when);
        };
        return oscillator;
      }
    };
  });
  visitor.on('request', (request) => {
    if (request.url().includes('/widget/loader/alerts-')) chunkRequests.push(request.url());
  });
}, { timeout: 30_000 });

after(async () => {
  agent?.close();
  await scene?.close();
});

/** The unread preview bubble in the widget's shadow root (Playwright's CSS pierces it). */
const previewBubble = (page: Page): Locator => page.locator('parley-widget .p.u');
const launcher = (page: Page): Locator => page.locator('parley-widget button.launcher');
const startedTones = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { startedTones: number[] }).startedTones);

/** Every distinct title the page shows over `ms`, sampled every 100 ms. */
async function titlesOver(page: Page, ms: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const until = Date.now() + ms; Date.now() < until; ) {
    seen.add(await page.title());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

async function agentReplies(body: string): Promise<void> {
  await agent.rt.send('message.send', { conversationId, clientMessageId: `w17-${++replies}`, body });
}

async function minimize(): Promise<void> {
  await chatOf(visitor).getByRole('button', { name: 'Minimize chat' }).click();
  await launcher(visitor).waitFor();
}

/** A page load with the chat open (it was open when the page went), so the loader has the latest config. */
async function reloadOpen(): Promise<void> {
  await visitor.reload();
  await chatOf(visitor).getByRole('textbox', { name: 'Message' }).waitFor();
  await launcher(visitor).waitFor({ state: 'hidden' });
}

async function patchSettings(settings: object): Promise<{ status: number; body: any }> {
  return agent.http('PATCH', `/api/admin/chatflows/${chatflowId}`, { settings });
}

step(`a new chatflow has sound off and the title flash on; the server refuses a non-boolean (${DRIVERS})`, async () => {
  const read = await agent.http('GET', `/api/admin/chatflows/${chatflowId}`);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const settings = (read.body as { chatflow: Chatflow }).chatflow.settings;
  assert.deepEqual([settings.unreadSound, settings.unreadTitleFlash], [false, true]);
  const refused = await patchSettings({ unreadSound: 'yes', unreadTitleFlash: false });
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  const after = (await agent.http('GET', `/api/admin/chatflows/${chatflowId}`)).body as { chatflow: Chatflow };
  assert.deepEqual([after.chatflow.settings.unreadSound, after.chatflow.settings.unreadTitleFlash], [false, true], 'nothing changed');
});

step('the visitor chats and minimizes: no unread chunk is loaded yet', async () => {
  await visitor.goto(`${host.sameSiteUrl}/`);
  assert.equal(await visitor.title(), HOST_TITLE);
  await launcher(visitor).click();
  const chat = chatOf(visitor);
  await sendAsVisitor(visitor, QUESTION);
  const created = await agent.log.waitForEvent('message.created', (data) => data.message.body === QUESTION, WAIT_MS);
  conversationId = created.data.message.conversationId;
  // Answered once while the window is open (taking the chat adds a "joined" line): nothing unread.
  await agentReplies('Hi! Let me check.');
  await chat.getByRole('log', { name: 'Messages' }).getByText('Hi! Let me check.').waitFor();
  await minimize();
  assert.deepEqual(chunkRequests, [], 'nothing unread, nothing downloaded');
  assert.equal(await previewBubble(visitor).count(), 0);
});

step('a reply while closed: badge, a preview bubble with the text as text, and a flashing title', async (t) => {
  await agentReplies(REPLY);
  const bubble = previewBubble(visitor);
  await bubble.waitFor();
  assert.equal(chunkRequests.length, 1, 'the chunk is loaded once');
  assert.match(chunkRequests[0]!, /\/widget\/loader\/alerts-[\w-]+\.js$/);
  const text = await bubble.getByRole('button').first().innerText();
  assert.ok(text.includes(REPLY), `the reply as typed, markup included: ${text}`);
  assert.equal(await bubble.locator('b').count(), 0, 'no element made from the reply');
  assert.equal(await launcher(visitor).locator('.b').innerText(), '1');
  assert.equal(await launcher(visitor).getAttribute('aria-label'), 'Open chat. Unread messages: 1');
  const titles = await titlesOver(visitor, 3000);
  assert.deepEqual([...titles].sort(), ['(1) New message', HOST_TITLE], 'the title alternates');
  assert.deepEqual(await startedTones(visitor), [], 'sound is off by default');

  await assertAccessible(t, 'host page with the preview bubble', visitor);
});

step('clicking the bubble opens the chat and restores the exact title', async () => {
  await previewBubble(visitor).getByRole('button').first().click();
  const chat = chatOf(visitor);
  await chat.getByRole('log', { name: 'Messages' }).getByText(REPLY).waitFor();
  assert.equal(await previewBubble(visitor).isVisible(), false);
  assert.deepEqual([...(await titlesOver(visitor, 2000))], [HOST_TITLE], 'back to the page title, and it stays');
});

step('× dismisses the bubble (focus to the launcher) and stops the flash; the badge stays', async () => {
  await minimize();
  await agentReplies('Anything else?');
  const bubble = previewBubble(visitor);
  await bubble.getByText('Anything else?').waitFor();
  await eventually(async () => assert.equal(await visitor.title(), '(1) New message'), 3000);
  await bubble.getByRole('button', { name: 'Dismiss message' }).click();
  await bubble.waitFor({ state: 'hidden' });
  assert.equal(await visitor.title(), HOST_TITLE);
  assert.equal(await launcher(visitor).locator('.b').innerText(), '1');
  assert.equal(await visitor.evaluate(() => document.querySelector('parley-widget')?.shadowRoot?.activeElement?.className), 'launcher');
  assert.deepEqual([...(await titlesOver(visitor, 1500))], [HOST_TITLE]);
  await launcher(visitor).click();
  await launcher(visitor).waitFor({ state: 'hidden' });
});

step('sound on, title flash off: a WebAudio oscillator starts and the title stays', async () => {
  const patched = await patchSettings({ unreadSound: true, unreadTitleFlash: false });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  await reloadOpen();
  await minimize();
  await agentReplies('Here is a chime.');
  await previewBubble(visitor).getByText('Here is a chime.').waitFor();
  await eventually(async () => assert.deepEqual(await startedTones(visitor), [660, 880]), 3000);
  assert.deepEqual([...(await titlesOver(visitor, 2000))], [HOST_TITLE], 'no flashing when it is off');
  await previewBubble(visitor).getByRole('button').first().click();
  await launcher(visitor).waitFor({ state: 'hidden' });
});

step('reduced motion: the title shows the unread text without alternating; the bubble fits a 390 px phone', async () => {
  assert.equal((await patchSettings({ unreadSound: false, unreadTitleFlash: true })).status, 200);
  await reloadOpen();
  await visitor.emulateMedia({ reducedMotion: 'reduce' });
  await visitor.setViewportSize({ width: 390, height: 844 });
  await minimize();
  await agentReplies('A calm title. '.repeat(30));
  const bubble = previewBubble(visitor);
  await bubble.waitFor();
  assert.deepEqual([...(await titlesOver(visitor, 2500))], ['(1) New message'], 'stays on the unread text');
  const box = (await bubble.boundingBox())!;
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `inside the screen: ${JSON.stringify(box)}`);
  const text = await bubble.getByRole('button').first().innerText();
  assert.ok(text.endsWith('…'), 'a long reply is cut');
  assert.deepEqual(await startedTones(visitor), [], 'no chime with the sound off (a new page since the last one)');
  await launcher(visitor).click();
  await eventually(async () => assert.equal(await visitor.title(), HOST_TITLE), 3000);
  assert.deepEqual(scene.pageErrors, []);
});
