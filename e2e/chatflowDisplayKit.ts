/**
 * Shared by the chatflow display browser tests (chatflowDisplay*.e2e.test.ts): chatflows created
 * over the admin REST API, the single-page host shop, and a snapshot of what the loader shows in
 * its shadow root. Steps run in order; after a failed one the rest fail fast.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { Chatflow, ChatflowDisplay, ChatflowTargeting } from '@parley/protocol';
import type { Browser, BrowserContextOptions, Frame, Page, Response } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { a11yReport } from './browser.js';

export const WAIT_MS = 10_000;
const STEP_MS = 40_000;

let failedStep: string | null = null;
/** One step of a scenario. A step that fails (or times out) makes every later one fail fast. */
export function step(name: string, run: (t: TestContext) => Promise<void>): void {
  test(name, { timeout: STEP_MS }, async (t) => {
    if (failedStep) throw new Error(`not run: the earlier step "${failedStep}" failed`);
    failedStep = name;
    await run(t);
    failedStep = null;
  });
}

export type Admin = ReturnType<typeof httpAs>;

/** Signs in as the test admin; every existing chatflow of the test site is unpublished. */
export async function adminWithEmptySite(cluster: TestCluster): Promise<{ admin: Admin; siteId: number }> {
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const sites = await admin('GET', '/api/admin/sites');
  assert.equal(sites.status, 200, JSON.stringify(sites.body));
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string }> }).sites.find((s) => s.siteKey === cluster.siteKey);
  assert.ok(site, 'the test site is listed');
  const listed = await admin('GET', `/api/admin/chatflows?siteId=${site.id}`);
  assert.equal(listed.status, 200, JSON.stringify(listed.body));
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const patched = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, { published: false });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }
  return { admin, siteId: site.id };
}

export interface ChatflowSpec {
  name: string;
  priority: number;
  accentColor: string;
  welcomeMessage: string;
  display: ChatflowDisplay;
  targeting: ChatflowTargeting;
}

export async function createChatflow(admin: Admin, siteId: number, spec: ChatflowSpec): Promise<number> {
  const { name, priority, targeting, ...settings } = spec;
  const created = await admin('POST', '/api/admin/chatflows', { siteId, name, published: true, priority, settings, targeting });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return (created.body as { chatflow: Chatflow }).chatflow.id;
}

/** A display with no triggers unless given. */
export function display(desktop: ChatflowDisplay['desktop'], mobile: ChatflowDisplay['mobile'], triggers: Partial<ChatflowDisplay['triggers']> = {}): ChatflowDisplay {
  return { desktop, mobile, triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null, ...triggers } };
}

/** Shown on one path only. */
export const onPath = (path: string): ChatflowTargeting => ({ groups: [[{ field: 'url', op: 'is', value: path }]], exclusions: [] });

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A page in a context of its own: its own visitor, storage and (optionally) clock. */
export async function newPage(browser: Browser, pageErrors: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

/** Resolves with the next answer to the loader's config request (the page view's decision). */
export function nextConfigAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((response) => new URL(response.url()).pathname === '/api/widget/config');
}

/** Loads `url` and waits until the loader has its answer for it (and a moment to draw it). */
export async function visit(page: Page, url: string): Promise<void> {
  const answer = nextConfigAnswer(page);
  await page.goto(url);
  await answer;
  await page.waitForTimeout(100);
}

export interface WidgetView {
  launcher: boolean;
  /** The launcher's background colour, `rgb(r, g, b)`. */
  accent: string | null;
  launcherName: string | null;
  /** The prompt bubble's text when it shows. */
  prompt: string | null;
  chatOpen: boolean;
}

/** What the loader shows right now, read from its shadow root. */
export function widgetView(page: Page): Promise<WidgetView> {
  // No named helpers inside: the test runner's transform would wrap them in a function that
  // does not exist in the page.
  return page.evaluate(() => {
    const root = document.querySelector('parley-widget')?.shadowRoot;
    const launcher = root?.querySelector('button.launcher');
    const bubble = root?.querySelector('div:has(> button)');
    const [launcherShown, bubbleShown, frameShown] = [launcher, bubble, root?.querySelector('iframe')].map(
      (element) => !!element && getComputedStyle(element).display !== 'none' && (element as HTMLElement).offsetWidth > 0,
    );
    return {
      launcher: launcherShown!,
      accent: launcher ? getComputedStyle(launcher).backgroundColor : null,
      launcherName: launcher?.getAttribute('aria-label') ?? null,
      prompt: bubbleShown ? (bubble?.querySelector('button')?.textContent ?? null) : null,
      chatOpen: frameShown!,
    };
  });
}

/** Polls until the widget shows what `expected` says (only the given fields are compared). */
export async function expectView(page: Page, expected: Partial<WidgetView>, message: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await widgetView(page);
    const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, view[key as keyof WidgetView]]));
    try {
      assert.deepEqual(actual, expected, message);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The widget keeps showing `expected` for `ms` (checked every 100 ms). */
export async function staysView(page: Page, expected: Partial<WidgetView>, ms: number, message: string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const view = await widgetView(page);
    const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, view[key as keyof WidgetView]]));
    assert.deepEqual(actual, expected, message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `#rrggbb` as the computed style writes it. */
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

export async function report(t: TestContext, what: string, target: Page | Frame): Promise<void> {
  const result = await a11yReport(target);
  for (const line of result.other) t.diagnostic(`axe, ${what} (not failing): ${line}`);
  assert.deepEqual(result.serious, [], `serious or critical accessibility violations in ${what}`);
}

/** Marks the page's window, so a later check can tell that no reload happened in between. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
}

export async function stillSameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true);
}
