/**
 * W3 display, W4 triggers and W5 the 24-hour minimize in real browsers against a real node (port
 * 0, the drivers chosen by PARLEY_TEST_DRIVERS). A customer's shop on another origin embeds the
 * widget; one chatflow per path, made over the admin REST API, each with its own display and
 * triggers: seconds on the page, percent scrolled and exit intent prompt or open the chat as set,
 * launcher-only never prompts, a phone (390 × 844) gets the mobile behaviour, the prompt can be
 * dismissed, and a minimized chat holds back prompts and opening on every page for 24 hours and
 * not after (the browser's clock is moved with Playwright's clock).
 *
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { MINIMIZE_HOLD_MS } from '@parley/chatflow';
import type { ChatflowDisplay } from '@parley/protocol';
import type { Browser, Page } from 'playwright-core';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { startCluster, type TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser } from './browser.js';
import {
  adminWithEmptySite,
  createChatflow,
  display,
  expectView,
  newPage,
  onPath,
  PHONE,
  report,
  staysView,
  step,
  visit,
} from './chatflowDisplayKit.js';
import { startHostSite, type HostSite } from './hostPage.js';

/** One chatflow per path: its welcome message names it. */
const FLOWS: Record<string, ChatflowDisplay> = {
  '/after-time': display('prompt', 'prompt', { secondsOnPage: 2 }),
  '/after-scroll': display('prompt', 'prompt', { scrollPercent: 50 }),
  '/exit-opens': display('promptThenOpen', 'prompt', { exitIntent: true }),
  '/time-opens': display('promptThenOpen', 'launcher', { secondsOnPage: 1 }),
  '/launcher-only': display('launcher', 'launcher', { secondsOnPage: 1, scrollPercent: 10, exitIntent: true }),
  '/at-once': display('prompt', 'prompt'),
  '/phone-prompts': display('promptThenOpen', 'prompt', { secondsOnPage: 1 }),
};
const welcome = (path: string) => `Welcome to ${path.slice(1)}`;

let cluster: TestCluster;
let host: HostSite;
let browser: Browser;
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  host = await startHostSite(cluster.url, cluster.siteKey, { singlePageApp: true });
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await host?.close();
  await cluster?.close();
});

const shop = (path: string) => `${host.sameSiteUrl}${path}`;

step(`one chatflow per path, each with its display and triggers, over the admin API (${DRIVERS})`, async () => {
  const { admin, siteId } = await adminWithEmptySite(cluster);
  let priority = 0;
  for (const [path, flowDisplay] of Object.entries(FLOWS)) {
    await createChatflow(admin, siteId, {
      name: path,
      priority: ++priority,
      accentColor: '#1d4ed8',
      welcomeMessage: welcome(path),
      display: flowDisplay,
      targeting: onPath(path),
    });
  }
});

step('seconds on the page: the prompt comes after the time, not before', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/after-time'));
  await expectView(page, { launcher: true, prompt: null }, 'the launcher, no prompt yet');
  await staysView(page, { prompt: null }, 1200, 'no prompt within the first second');
  await expectView(page, { prompt: welcome('/after-time'), chatOpen: false }, 'the prompt after 2 s', 3000);
});

step('percent scrolled: the prompt comes when half the page has been seen', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/after-scroll'));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // Top of the viewport at 20 % of the page: its bottom is well short of half.
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, height * 0.1);
  await staysView(page, { launcher: true, prompt: null }, 500, 'not yet at 50 %');
  await page.mouse.wheel(0, height * 0.5);
  await expectView(page, { prompt: welcome('/after-scroll'), chatOpen: false }, 'the prompt after scrolling past 50 %');
});

step('exit intent with "prompt, then open": the prompt at once, the chat opens when the pointer leaves through the top', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/exit-opens'));
  await expectView(page, { launcher: true, prompt: welcome('/exit-opens'), chatOpen: false }, 'the prompt at once');
  // Leaving through the side is not exit intent.
  await page.mouse.move(600, 400);
  await page.mouse.move(1400, 400);
  await staysView(page, { chatOpen: false }, 300, 'out through the side: still closed');
  await page.mouse.move(600, 300);
  await page.mouse.move(600, -10, { steps: 3 });
  await expectView(page, { chatOpen: true, prompt: null, launcher: false }, 'opened by exit intent');
  // Opened by itself: the page keeps the keyboard focus.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
});

step('seconds on the page with "prompt, then open": the prompt at once, the chat opens after the time', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/time-opens'));
  await expectView(page, { prompt: welcome('/time-opens'), chatOpen: false }, 'the prompt at once');
  await expectView(page, { chatOpen: true, prompt: null }, 'opened after 1 s', 3000);
  await page.frameLocator('parley-widget iframe').getByRole('log').getByText(welcome('/time-opens')).waitFor();
});

step('launcher only: no trigger brings a prompt or opens the chat', async () => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/launcher-only'));
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 3000);
  await page.mouse.move(600, -10, { steps: 3 });
  await staysView(page, { launcher: true, prompt: null, chatOpen: false }, 1600, 'the launcher and nothing else');
});

step('the prompt can be dismissed; it stays away for the page view, the launcher keeps working', async (t) => {
  const page = await newPage(browser, pageErrors);
  await visit(page, shop('/at-once'));
  await expectView(page, { prompt: welcome('/at-once') }, 'the prompt at once');
  await report(t, 'the host page with the prompt', page);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expectView(page, { launcher: true, prompt: null }, 'dismissed');
  assert.equal(
    await page.locator('parley-widget').evaluate((element) => element.shadowRoot?.activeElement?.getAttribute('aria-label')),
    'Open chat',
    'focus goes to the launcher',
  );
  // Another page view of the site shows it again (only minimizing holds for a day).
  await visit(page, shop('/at-once'));
  await expectView(page, { prompt: welcome('/at-once') }, 'a new page view prompts again');
  // Clicking the prompt opens the chat.
  await page.getByRole('button', { name: welcome('/at-once') }).click();
  await expectView(page, { chatOpen: true, prompt: null }, 'opened from the prompt');
});

step('a phone (390 × 844) gets the mobile behaviour: prompt on the trigger but no opening; launcher only where set', async () => {
  const page = await newPage(browser, pageErrors, { viewport: PHONE, isMobile: true, hasTouch: true });
  const device = await visitWithDevice(page, shop('/phone-prompts'));
  assert.equal(device, 'mobile', 'the loader tells the server it is a phone');
  await staysView(page, { launcher: true, prompt: null }, 500, 'no prompt at once on the phone');
  await expectView(page, { prompt: welcome('/phone-prompts') }, 'the prompt after 1 s', 3000);
  await staysView(page, { chatOpen: false }, 1500, 'a phone never opens the chat by itself');

  // The desktop would open this one after a second; the phone shows the launcher only.
  await visitWithDevice(page, shop('/time-opens'));
  await staysView(page, { launcher: true, prompt: null, chatOpen: false }, 2000, 'launcher only on the phone');
});

/** Loads the page; answers the `device` the loader sent with its config request. */
async function visitWithDevice(page: Page, url: string): Promise<string | null> {
  const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/widget/config');
  await visit(page, url);
  return new URL((await request).url()).searchParams.get('device');
}

step('W5: after minimizing, no prompt and no opening on any page of the site for 24 hours, and again after', async () => {
  const page = await newPage(browser, pageErrors);
  const start = Date.UTC(2026, 0, 5, 9, 0);
  // Time runs on from `start`; setSystemTime moves the page's clock (Date.now) without a wait.
  await page.clock.install({ time: start });
  await visit(page, shop('/time-opens'));
  await expectView(page, { chatOpen: true }, 'opened by the 1 s trigger', 3000);
  const chat = page.frameLocator('parley-widget iframe');
  await chat.getByRole('button', { name: 'Minimize chat' }).click();
  await expectView(page, { chatOpen: false, launcher: true, prompt: null }, 'minimized');
  const minimizedAt = Number(await page.evaluate((key) => localStorage.getItem(key), `parley:${cluster.siteKey}:minimizedAt`));
  assert.ok(minimizedAt >= start && minimizedAt < start + 60_000, `minimizedAt from the page's clock: ${minimizedAt}`);

  const held = async (why: string) => {
    await visit(page, shop('/time-opens'));
    await staysView(page, { launcher: true, prompt: null, chatOpen: false }, 1800, `${why}: /time-opens holds back`);
    await visit(page, shop('/at-once'));
    await staysView(page, { launcher: true, prompt: null }, 300, `${why}: another chatflow of the site holds back too`);
  };
  await held('after a reload');
  await page.clock.setSystemTime(minimizedAt + MINIMIZE_HOLD_MS - 60_000);
  await held('a minute before 24 hours');

  await page.clock.setSystemTime(minimizedAt + MINIMIZE_HOLD_MS + 60_000);
  await visit(page, shop('/at-once'));
  await expectView(page, { prompt: welcome('/at-once') }, 'after 24 hours the prompt is back');
  await visit(page, shop('/time-opens'));
  await expectView(page, { chatOpen: true }, 'after 24 hours the chat opens by itself again', 3000);
});

step('no script errors in any page or frame', async () => {
  assert.deepEqual(pageErrors, []);
});
