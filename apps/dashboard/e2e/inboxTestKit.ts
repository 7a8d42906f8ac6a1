/**
 * Shared by the inbox browser tests: Chromium and a node, the test admin past the setup wizard,
 * pages in browser contexts of their own signed in through the form, and the sideways-scroll check.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { httpAs, login } from '../../server/test/helpers/clients.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type ClusterOptions, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, signIn } from '../../../e2e/browser.js';

export type AdminHttp = ReturnType<typeof httpAs>;

export interface Credentials {
  email: string;
  password: string;
}

export const ADMIN: Credentials = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
export const PHONE = { width: 390, height: 844 };

export interface InboxBench {
  browser: Browser;
  cluster: TestCluster;
  close(): Promise<void>;
}

/** Fails at once without built front ends or Chromium; nothing is skipped. */
export async function startInboxBench(options: ClusterOptions = {}): Promise<InboxBench> {
  assertFrontEndsBuilt();
  const browser = await launchBrowser();
  const cluster = await startCluster(options);
  return {
    browser,
    cluster,
    async close() {
      await browser.close();
      await cluster.close();
    },
  };
}

/** The test admin over HTTP. The first admin is sent to the setup wizard until it is done; these tests are about the rest. */
export async function adminPastSetup(cluster: TestCluster): Promise<AdminHttp> {
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  await admin('POST', '/api/admin/setup/complete', {});
  return admin;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Default timeout of every wait on the page; Playwright's own when not given. */
  waitMs?: number;
}

/** A page in a browser context of its own: its own cookies, so another person. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  if (options.waitMs) context.setDefaultTimeout(options.waitMs);
  return context.newPage();
}

/** A new person's page signed in to the inbox through the form (the test admin unless told). */
export async function signedInPage(bench: InboxBench, options: PageOptions & { as?: Credentials } = {}): Promise<Page> {
  const page = await newPage(bench.browser, options);
  const who = options.as ?? ADMIN;
  await signIn(page, bench.cluster.url, who.email, who.password);
  return page;
}

/** Nothing scrolls sideways, once the layout has settled. */
export async function noSidewaysScroll(page: Page): Promise<void> {
  await eventually(async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  });
}
