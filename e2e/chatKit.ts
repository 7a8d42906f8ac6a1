/**
 * Shared by the widget-and-inbox browser tests: a node cluster with a customer's page on another
 * origin and a browser, pages that collect uncaught script errors, fail-fast scenario steps, and
 * the steps a visitor and an agent take in nearly every scenario (open the chat, write, open the
 * conversation in the inbox, take it, reply).
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Browser, BrowserContextOptions, Frame, FrameLocator, Page } from 'playwright-core';
import { connectAgent, createUserAs } from '../apps/server/test/helpers/clients.js';
import { startCluster, type ClusterOptions, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser } from './browser.js';
import { startHostSite, type HostSite, type HostSiteOptions } from './hostPage.js';

/** Upper bound for one wait on a page; every step finishes far sooner when healthy. */
export const WAIT_MS = 10_000;

/**
 * A `step(name, run)` for one scenario: steps run in order, each within `stepMs`, and after a
 * failed (or timed-out) one every later step fails at once instead of timing out.
 */
export function failFastSteps(stepMs: number): (name: string, run: (t: TestContext) => Promise<void>) => void {
  let failedStep: string | null = null;
  return (name, run) => {
    test(name, { timeout: stepMs }, async (t) => {
      if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
      failedStep = name;
      await run(t);
      failedStep = null;
    });
  };
}

export interface AgentAccount {
  name: string;
  email: string;
  password: string;
}

export interface ChatScene {
  cluster: TestCluster;
  /** The customer's page embedding the widget. */
  host: HostSite;
  browser: Browser;
  /** Uncaught script errors in any page or frame opened with `newPage`. */
  pageErrors: string[];
  /** A page in a browser context of its own (its own cookies and storage: another person). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface ChatSceneOptions {
  cluster?: ClusterOptions;
  /** An agent account the admin creates before the scenario starts. */
  agent?: AgentAccount;
  /** The customer's page (default: the plain shop at `/`). */
  host?: HostSiteOptions;
}

/** Fails at once without built front ends or Chromium; nothing is skipped. */
export async function startChatScene(options: ChatSceneOptions = {}): Promise<ChatScene> {
  assertFrontEndsBuilt();
  const browser = await launchBrowser();
  const cluster = await startCluster(options.cluster);
  if (options.agent) await createAgent(cluster, options.agent);
  const host = await startHostSite(cluster.url, cluster.siteKey, options.host);
  const pageErrors: string[] = [];
  return {
    cluster,
    host,
    browser,
    pageErrors,
    async newPage(contextOptions = {}) {
      const context = await browser.newContext(contextOptions);
      context.setDefaultTimeout(WAIT_MS);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    async close() {
      await browser.close();
      await host.close();
      await cluster.close();
    },
  };
}

export interface VisitorAndAgent {
  scene: ChatScene;
  /** A visitor on the customer's page. */
  visitor: Page;
  /** An agent at the inbox on a desktop (1400 × 900). */
  agent: Page;
}

/** The usual two people of a scenario, each in a browser context of their own, in a new scene. */
export async function startVisitorAndAgent(
  options: ChatSceneOptions & { visitorPage?: BrowserContextOptions; agentPage?: BrowserContextOptions } = {},
): Promise<VisitorAndAgent> {
  const scene = await startChatScene(options);
  const visitor = await scene.newPage(options.visitorPage);
  const agent = await scene.newPage({ viewport: { width: 1400, height: 900 }, ...options.agentPage });
  return { scene, visitor, agent };
}

/** The admin creates an agent account over the inbox API. */
export async function createAgent(cluster: TestCluster, agent: AgentAccount): Promise<void> {
  const admin = await connectAgent(cluster.url, cluster.wsUrl);
  try {
    await createUserAs(admin, { ...agent, role: 'agent' });
  } finally {
    admin.close();
  }
}

/** The chat window's iframe (inside the shadow root); its title is the chatflow's heading, so found by its address. */
export const CHAT_FRAME = 'iframe[src*="/widget/frame/"]';

export const chatOf = (page: Page): FrameLocator => page.frameLocator(CHAT_FRAME);

export async function chatFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator(CHAT_FRAME).elementHandle())?.contentFrame();
  assert.ok(frame, 'the chat iframe has a document');
  return frame;
}

/** Loads the customer's page and opens the chat window from the launcher (named in the chatflow's language). */
export async function openChat(page: Page, url: string, launcherName = 'Open chat'): Promise<FrameLocator> {
  await page.goto(url);
  await page.getByRole('button', { name: launcherName }).click();
  return chatOf(page);
}

/** The visitor types a message in the chat window and sends it. */
export async function sendAsVisitor(page: Page, body: string): Promise<void> {
  const chat = chatOf(page);
  await chat.getByRole('textbox', { name: 'Message' }).fill(body);
  await chat.getByRole('button', { name: 'Send' }).click();
}

/** The first visitor's conversation in the inbox's Unassigned list. */
export const unassignedVisitor = (agent: Page) => agent.getByRole('region', { name: 'Unassigned' }).getByRole('link', { name: /Visitor \d+/ });

/** The agent takes the open conversation and waits until the thread says so. */
export async function assignToMe(agent: Page, agentName: string): Promise<void> {
  await agent.getByRole('button', { name: 'Assign to me' }).click();
  await agent.getByText(`Assigned to ${agentName}`).waitFor();
}

/** The agent writes in the reply box of the open conversation and sends it. */
export async function replyAsAgent(agent: Page, body: string): Promise<void> {
  await agent.getByLabel('Reply').fill(body);
  await agent.getByRole('button', { name: 'Send' }).click();
}
