/**
 * A1 in a real browser against a real node (SQLite, port 0): from a workspace whose setup is not
 * done, the first admin signs in and lands in the wizard, goes through every step (accent,
 * heading, welcome, who gets chats, availability, display, preview, allowed origins), publishes
 * and copies the snippet; a customer's page on another origin with exactly that snippet shows
 * the widget in the chosen accent with the chosen welcome; signing in again goes to the inbox.
 * On a second fresh workspace, Skip setup counts as done too.
 * axe on every step; no sideways scrolling at 390 px.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium; nothing skips.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser, signIn } from '../../../e2e/browser.js';
import { apiStubScript } from '@parley/protocol';
import { pointSnippetAt, startSnippetHost, type SnippetHost } from './snippetHost.js';
import { assertAccessible, assertNoHorizontalScroll, rgbOf, step, WAIT_MS } from './siteTestKit.js';

const ACCENT = '#c0392b';
const HEADING = 'Acme help desk';
const WELCOME = 'Hei! Ask us anything about your order.';

let cluster: TestCluster;
let browser: Browser;
let host: SnippetHost;
let admin: Page;
let snippet = '';
const pageErrors: string[] = [];

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster({ setupCompleted: false });
  host = await startSnippetHost();
  admin = await newPage({ width: 1280, height: 900 });
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await host?.close();
  await cluster?.close();
});

async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ ...(viewport ? { viewport } : {}), permissions: ['clipboard-read', 'clipboard-write'] });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function signInByForm(page: Page): Promise<void> {
  await page.goto(`${cluster.url}/inbox/`);
  await page.getByLabel('Email').fill(ADMIN_EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function atStep(page: Page, n: number, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText(`Step ${n} of 7`).waitFor();
}

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

step('the first admin of a fresh workspace signs in and lands in the wizard', async (t) => {
  await signInByForm(admin);
  await atStep(admin, 1, 'Accent colour and chat heading');
  assert.match(admin.url(), /\/inbox\/setup$/);
  assert.equal(await admin.getByRole('navigation', { name: 'Inbox' }).count(), 0, 'a full-page flow, without the inbox around it');
  await admin.getByRole('button', { name: 'Skip setup' }).waitFor();
  await assertAccessible(t, 'wizard step 1', admin);
});

step('step 1 refuses a colour that is not #rrggbb, then takes the accent and heading', async (t) => {
  await admin.getByLabel('Hex').fill('red');
  await admin.getByLabel('Chat heading', { exact: true }).fill(HEADING);
  await next(admin);
  assert.match(await admin.getByRole('alert').innerText(), /hex colour/);
  await atStep(admin, 1, 'Accent colour and chat heading');
  await assertAccessible(t, 'wizard step 1 with a problem', admin);
  await admin.getByLabel('Hex').fill(ACCENT);
  await next(admin);
  await atStep(admin, 2, 'Welcome message');
});

step('step 2: the welcome message', async (t) => {
  await admin.getByLabel('Welcome message', { exact: true }).fill(WELCOME);
  await assertAccessible(t, 'wizard step 2', admin);
  await next(admin);
  await atStep(admin, 3, 'Who gets chats');
});

step('step 3: who gets chats; one person needs a person chosen', async (t) => {
  await admin.getByLabel('One person').check();
  await next(admin);
  assert.match(await admin.getByRole('alert').innerText(), /Choose the user/);
  await admin.getByLabel('User').selectOption({ label: 'Admin' });
  await assertAccessible(t, 'wizard step 3', admin);
  await admin.getByLabel('Everyone, taking turns').check();
  await next(admin);
  await atStep(admin, 4, 'Availability');
});

step('step 4: availability', async (t) => {
  await admin.getByLabel('Availability mode', { exact: true }).selectOption({ label: '24/7' });
  await assertAccessible(t, 'wizard step 4', admin);
  await next(admin);
  await atStep(admin, 5, 'Display behaviour');
});

step('step 5: display behaviour, three choices on desktop and two on mobile', async (t) => {
  const desktop = admin.getByRole('group', { name: 'On desktop' });
  const mobile = admin.getByRole('group', { name: 'On mobile' });
  assert.equal(await desktop.getByRole('radio').count(), 3);
  assert.equal(await mobile.getByRole('radio').count(), 2);
  await desktop.getByLabel('Show the launcher only').check();
  await mobile.getByLabel('Show the launcher only').check();
  await assertAccessible(t, 'wizard step 5', admin);
  await next(admin);
  await atStep(admin, 6, 'Preview');
});

step('step 6: the device preview; Back keeps what was chosen', async (t) => {
  const frame = admin.locator('iframe[title^="Chatflow preview"]');
  await frame.waitFor();
  assert.match((await frame.getAttribute('src')) ?? '', /^\/widget\/preview\//);
  // The real widget in the frame, drawn from the unsaved choices.
  const previewLauncher = admin.frameLocator('iframe[title^="Chatflow preview"]').getByRole('button', { name: 'Open chat' });
  await previewLauncher.waitFor();
  assert.equal(await previewLauncher.evaluate((el) => getComputedStyle(el).backgroundColor), rgbOf(ACCENT));
  await admin.getByRole('button', { name: 'Mobile' }).click();
  assert.equal(await admin.getByRole('button', { name: 'Mobile' }).getAttribute('aria-pressed'), 'true');
  await assertAccessible(t, 'wizard step 6', admin);
  await admin.getByRole('button', { name: 'Back' }).click();
  await atStep(admin, 5, 'Display behaviour');
  assert.equal(await admin.getByRole('group', { name: 'On desktop' }).getByLabel('Show the launcher only').isChecked(), true);
  await next(admin);
  await atStep(admin, 6, 'Preview');
  await next(admin);
  await atStep(admin, 7, 'Publish');
});

step('step 7: allowed origins are checked, then Publish shows the snippet, which copies', async (t) => {
  const origins = admin.getByLabel('Allowed origins', { exact: true });
  await origins.fill('shop.example/checkout');
  await admin.getByRole('button', { name: 'Publish' }).click();
  assert.match(await admin.getByRole('alert').innerText(), /not a website origin/);
  await assertAccessible(t, 'wizard step 7 with a problem', admin);
  await origins.fill(`${host.url}/`);
  await admin.getByRole('button', { name: 'Publish' }).click();

  await admin.getByRole('heading', { level: 1, name: 'Install the chat on your website' }).waitFor();
  snippet = (await admin.locator('[data-snippet]').innerText()).trim();
  // The window.Parley stub (W15), then the loader.
  const [stub, loader] = snippet.split('\n');
  assert.equal(stub, `<script>${apiStubScript()}</script>`);
  assert.match(loader ?? '', new RegExp(`^<script src="[^"]+/widget\\.js" data-site="${cluster.siteKey}" async></script>$`));
  await admin.getByRole('button', { name: 'Copy snippet' }).click();
  await admin.getByText('Copied', { exact: true }).waitFor();
  assert.equal(await admin.evaluate(() => navigator.clipboard.readText()), snippet);
  await admin.getByRole('link', { name: 'Open the Install page' }).waitFor();
  await assertAccessible(t, 'wizard done', admin);
});

step('the snippet on a page of the allowed origin shows the widget with the chosen accent and welcome', async () => {
  host.setSnippet(pointSnippetAt(snippet, cluster.url));
  const visitor = await newPage();
  await visitor.goto(`${host.url}/`);
  const launcher = visitor.getByRole('button', { name: 'Open chat' });
  await launcher.waitFor();
  assert.equal(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor), rgbOf(ACCENT));
  await launcher.click();
  const chat = visitor.frameLocator('iframe[src*="/widget/frame/"]');
  await chat
    .getByText(WELCOME)
    .waitFor()
    .catch(async (error: Error) => {
      const shown = await chat.locator('body').innerText().catch(() => '(no document)');
      throw new Error(`${error.message}\nthe chat window shows: ${shown}`);
    });
  await chat.getByText(HEADING).first().waitFor();
  await visitor.context().close();
});

step('setup is done: the next sign-in goes to the inbox, and the wizard stays reachable from the nav', async (t) => {
  const again = await newPage({ width: 1280, height: 900 });
  await signIn(again, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await again.waitForURL(/\/inbox\/unassigned$/);
  await again.getByRole('link', { name: 'Setup wizard' }).click();
  await atStep(again, 1, 'Accent colour and chat heading');
  // It starts from what was published.
  assert.equal(await again.getByLabel('Hex').inputValue(), ACCENT);
  assert.equal(await again.getByLabel('Chat heading', { exact: true }).inputValue(), HEADING);
  await assertAccessible(t, 'wizard reopened', again);
  await again.context().close();
});

step('at 390 px the wizard and its snippet never scroll sideways', async (t) => {
  const phone = await newPage({ width: 390, height: 844 });
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.goto(`${cluster.url}/inbox/setup`);
  await atStep(phone, 1, 'Accent colour and chat heading');
  for (let n = 1; n <= 7; n++) {
    await assertNoHorizontalScroll(phone, `wizard step ${n} at 390 px`);
    if (n < 7) await next(phone);
  }
  await assertAccessible(t, 'wizard step 7 at 390 px', phone);
  await phone.context().close();
});

step('on another fresh workspace, Skip setup goes to the inbox and counts as done', async () => {
  const other = await startCluster({ setupCompleted: false });
  try {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${other.url}/inbox/`);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await atStep(page, 1, 'Accent colour and chat heading');
    await page.getByRole('button', { name: 'Skip setup' }).click();
    // The inbox's own address follows a moment after it shows.
    await page.waitForURL(/\/inbox\/unassigned$/);
    await page.getByRole('navigation', { name: 'Inbox' }).waitFor();
    await page.context().close();

    const again = await newPage({ width: 1280, height: 900 });
    await signIn(again, other.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await again.waitForURL(/\/inbox\/unassigned$/);
    assert.equal(await again.getByText('Step 1 of 7').count(), 0);
    await again.context().close();
  } finally {
    await other.close();
  }
});

step('no page had an uncaught script error', async () => {
  assert.deepEqual(pageErrors, []);
});
