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
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { connectAgent, createUserAs } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { startCluster, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { a11yReport, assertFrontEndsBuilt, launchBrowser, signIn } from './browser.js';
import { startHostSite, type HostSite } from './hostPage.js';

const AGENT = { name: 'Rita Reader', email: 'rita@example.com', password: 'rita-password-1' };
const QUESTION = 'Do you ship to Finland?';
const REPLY = 'Yes, in three to five days.';
const WAIT_MS = 10_000;
const STEP_MS = 20_000;

let cluster: TestCluster;
let host: HostSite;
let browser: Browser;
let visitor: Page;
let agent: Page;
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  const admin = await connectAgent(cluster.url, cluster.wsUrl);
  try {
    await createUserAs(admin, { ...AGENT, role: 'agent' });
  } finally {
    admin.close();
  }
  host = await startHostSite(cluster.url, cluster.siteKey);
  visitor = await newPage();
  agent = await newPage({ width: 1400, height: 900 });
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await host?.close();
  await cluster?.close();
});

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

let failedStep: string | null = null;
function step(name: string, run: (t: TestContext) => Promise<void>): void {
  test(name, { timeout: STEP_MS }, async (t) => {
    if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
    failedStep = name;
    await run(t);
    failedStep = null;
  });
}

const chatOf = (page: Page): FrameLocator => page.frameLocator('iframe[src*="/widget/frame/"]');

async function chatFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe[src*="/widget/frame/"]').elementHandle())?.contentFrame();
  assert.ok(frame, 'the chat iframe has a document');
  return frame;
}

async function report(t: TestContext, what: string, target: Page | Frame): Promise<void> {
  const result = await a11yReport(target);
  for (const line of result.other) t.diagnostic(`axe, ${what} (not failing): ${line}`);
  assert.deepEqual(result.serious, [], `serious or critical accessibility violations in ${what}`);
}

/** The accessible name of the focused element inside the chat frame. */
async function focusedInFrame(page: Page): Promise<string | null> {
  return (await chatFrame(page)).evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? null;
  });
}

step(`the visitor writes; no "Seen" until the agent opens the thread, then it appears live (${DRIVERS})`, async () => {
  await signIn(agent, cluster.url, AGENT.email, AGENT.password);
  await visitor.goto(`${host.sameSiteUrl}/`);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  const chat = chatOf(visitor);
  await chat.getByRole('textbox', { name: 'Message' }).fill(QUESTION);
  await chat.getByRole('button', { name: 'Send' }).click();
  const own = chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending)', { hasText: QUESTION });
  await own.waitFor();
  await agent.getByRole('region', { name: 'Unassigned' }).getByRole('link', { name: /Visitor \d+/ }).waitFor();
  assert.equal(await own.getByText('Seen').count(), 0, 'nobody has opened it yet');

  await agent.getByRole('region', { name: 'Unassigned' }).getByRole('link', { name: /Visitor \d+/ }).click();
  await agent.getByRole('log', { name: 'Messages' }).getByText(QUESTION).waitFor();
  await own.getByText('Seen').waitFor();
  assert.equal(await chat.getByText('Seen').count(), 1, 'one "Seen", under the last message read');
});

step('the agent replies while the visitor has the window open: the inbox shows "Seen" under the reply', async (t) => {
  await agent.getByRole('button', { name: 'Assign to me' }).click();
  await agent.getByText(`Assigned to ${AGENT.name}`).waitFor();
  await agent.getByLabel('Reply').fill(REPLY);
  await agent.getByRole('button', { name: 'Send' }).click();
  await chatOf(visitor).getByRole('log', { name: 'Messages' }).getByText(REPLY).waitFor();
  const reply = agent.locator('.message.from-user:not(.pending)', { hasText: REPLY });
  await reply.getByText('Seen').waitFor();
  assert.equal(await agent.getByRole('log', { name: 'Messages' }).getByText('Seen', { exact: true }).count(), 1);
  await report(t, 'the inbox thread with a "Seen" receipt', agent);
});

step('"End chat" asks first: Escape and Cancel keep the chat, and focus comes back', async (t) => {
  const chat = chatOf(visitor);
  const question = chat.getByRole('alertdialog', { name: 'End this chat?' });
  await chat.getByRole('banner').getByRole('button', { name: 'End chat' }).click();
  await question.waitFor();
  assert.equal(await focusedInFrame(visitor), 'Cancel', 'focus moves to the safe choice');
  await report(t, 'the chat window with the end confirmation open', await chatFrame(visitor));
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
  assert.deepEqual(pageErrors, []);
});
