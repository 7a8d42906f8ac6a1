/**
 * Sites and Install in a real browser against a real node (SQLite, port 0): an admin creates a
 * site with an allowed origin (a bad origin is refused with the line named), the Install page
 * shows its snippet and copies it, and once a page on that origin loads the widget the Install
 * page says it was seen there, without a reload. Editing renames the site. axe on each page;
 * no sideways scrolling at 390 px.
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
import { assertAccessible, assertNoHorizontalScroll, step, WAIT_MS } from './siteTestKit.js';

let cluster: TestCluster;
let browser: Browser;
let host: SnippetHost;
let admin: Page;
let installUrl = '';
let snippet = '';

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  // Setup is marked done by the helpers: this file is about sites, not the first-run wizard.
  cluster = await startCluster();
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
  return context.newPage();
}

step('the Sites page lists the workspace’s site', async (t) => {
  await signIn(admin, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.getByRole('link', { name: 'Sites' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
  await admin.getByRole('list', { name: 'Sites' }).getByRole('heading', { name: 'Demo site' }).waitFor();
  await assertAccessible(t, 'the Sites page', admin);
});

step('a new site with a bad origin is refused with the line named; a good one opens its Install page', async (t) => {
  const form = admin.getByRole('form', { name: 'New site' });
  await form.getByLabel('Site name').fill('Snippet shop');
  await form.getByLabel('Allowed origins').fill(`${host.url}\nftp://files.example`);
  await form.getByRole('button', { name: 'Create site' }).click();
  assert.match(await admin.getByRole('alert').innerText(), /Line 2: "ftp:\/\/files\.example" is not a website origin/);
  await assertAccessible(t, 'the Sites page with a problem', admin);
  assert.equal(await admin.getByRole('list', { name: 'Sites' }).getByRole('heading').count(), 1, 'nothing was created');

  await form.getByLabel('Allowed origins').fill(`${host.url}/`);
  await form.getByRole('button', { name: 'Create site' }).click();
  await admin.getByRole('heading', { level: 1, name: /Install.*Snippet shop/ }).waitFor();
  installUrl = admin.url();
  assert.match(installUrl, /\/inbox\/sites\/\d+\/install$/);
  // Stored as an origin: the trailing slash is gone.
  await admin.getByRole('listitem').filter({ hasText: host.url }).first().waitFor();
});

step('the Install page shows the snippet, copies it, and says the widget was not seen yet', async (t) => {
  snippet = (await admin.locator('[data-snippet]').innerText()).trim();
  // The window.Parley stub (W15), then the loader.
  const [stub, loader] = snippet.split('\n');
  assert.equal(stub, `<script>${apiStubScript()}</script>`);
  assert.match(loader ?? '', /^<script src="[^"]+\/widget\.js" data-site="site_[\w-]+" async><\/script>$/);
  assert.ok(!snippet.includes(cluster.siteKey), 'a new site has its own key');
  await admin.getByText(/^Not seen yet — paste the snippet before <\/body> and load a page\.?$/).waitFor();
  await admin.getByRole('button', { name: 'Copy snippet' }).click();
  await admin.getByText('Copied', { exact: true }).waitFor();
  assert.equal(await admin.evaluate(() => navigator.clipboard.readText()), snippet);
  await assertAccessible(t, 'the Install page', admin);
});

step('after a page of the site loads the widget, the Install page says where and when, without a reload', async () => {
  host.setSnippet(pointSnippetAt(snippet, cluster.url));
  await admin.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
  const visitor = await newPage();
  await visitor.goto(`${host.url}/?from=test`);
  await admin.getByText(new RegExp(`^Widget seen on ${host.url.replace(/[.]/g, '\\.')}/`)).waitFor({ timeout: 20_000 });
  assert.equal(await admin.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage), true);
  await visitor.context().close();
});

step('editing renames the site', async () => {
  await admin.getByRole('link', { name: /Edit the site/ }).click();
  await admin.getByLabel('Site name').fill('Snippet shop EU');
  await admin.getByRole('button', { name: 'Save site' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
  await admin.getByRole('list', { name: 'Sites' }).getByRole('heading', { name: 'Snippet shop EU' }).waitFor();
});

step('at 390 px the Sites and Install pages never scroll sideways', async (t) => {
  const phone = await newPage({ width: 390, height: 844 });
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.goto(`${cluster.url}/inbox/sites`);
  await phone.getByRole('list', { name: 'Sites' }).waitFor();
  await assertNoHorizontalScroll(phone, 'the Sites page at 390 px');
  await assertAccessible(t, 'the Sites page at 390 px', phone);
  await phone.goto(installUrl.replace(/^https?:\/\/[^/]+/, cluster.url));
  await phone.locator('[data-snippet]').waitFor();
  await assertNoHorizontalScroll(phone, 'the Install page at 390 px');
  await assertAccessible(t, 'the Install page at 390 px', phone);
  await phone.context().close();
});
