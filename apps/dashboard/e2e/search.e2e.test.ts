/**
 * I9 search in a real browser against a real server: typing in "Search" shows the conversation
 * with the matched word marked (as text: a hostile message stays text), the contact by email,
 * the keyboard reaches and opens a result, axe finds nothing serious, and at 390 px nothing
 * scrolls sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectVisitor } from '../../server/test/helpers/clients.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
let conversationId: number;
let visitorId: number;

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  visitorId = visitor.visitorId;
  await visitor.rt.send('context.update', { pageUrl: 'https://shop.example/checkout', properties: { name: 'Olga Brightwater', email: 'olga@lakeside.example' } });
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: '<b>bold</b> My parcel tracking code never arrived, please check the warehouse.' });
  conversationId = sent.message.conversationId;
  await visitor.rt.send('message.send', { clientMessageId: 'v-2', body: 'Another line without the word.' });
  visitor.close();
});

after(async () => {
  await browser?.close();
  await cluster?.close();
});

async function searchFor(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill(text);
}

test('typing in Search shows the conversation with the word marked, and a click opens it', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await searchFor(page, 'warehou');
  const hit = page.locator('a.search-hit', { hasText: 'tracking code' });
  await hit.waitFor();
  assert.deepEqual(await hit.locator('mark').allInnerTexts(), ['warehou']);
  // Message text is text: the markup shows literally and creates no element.
  assert.match(await hit.innerText(), /<b>bold<\/b>/);
  assert.equal(await hit.locator('b').count(), 0);
  await page.getByRole('status').filter({ hasText: '1 conversation' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);

  await hit.click();
  await eventually(async () => assert.match(page.url(), new RegExp(`/inbox/conversations/${conversationId}$`)));
  await page.locator('.messages').getByText('never arrived', { exact: false }).waitFor();
  assert.equal(await page.locator('.search-panel:not(.hidden)').count(), 0, 'the results close once one is opened');
  await page.context().close();
});

test('the keyboard moves from the box into the results and opens a contact', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await searchFor(page, 'lakeside.example');
  const contact = page.locator('a.search-hit', { hasText: 'olga@lakeside.example' });
  await contact.waitFor();
  assert.deepEqual(await contact.locator('mark').allInnerTexts(), ['lakeside.example']);
  assert.match(await contact.innerText(), /Olga Brightwater/);
  await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent ?? ''), await contact.textContent());
  await page.keyboard.press('Enter');
  await eventually(async () => assert.match(page.url(), new RegExp(`/inbox/conversations/${conversationId}$`)));

  // Escape from a result goes back to the box; Escape in the box clears it.
  await searchFor(page, 'parcel');
  await page.locator('a.search-hit', { hasText: 'tracking' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Search');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), '');
  assert.ok(visitorId > 0);
  await page.context().close();
});

test('at 390 px the box and its results fit without sideways scrolling', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await searchFor(phone, 'olga');
  await phone.locator('a.search-hit', { hasText: 'Olga Brightwater' }).waitFor();
  await searchFor(phone, 'tracking code never arrived please check the warehouse');
  await phone.locator('a.search-hit mark').first().waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.locator('a.search-hit').first().click();
  await eventually(async () => assert.match(phone.url(), new RegExp(`/inbox/conversations/${conversationId}$`)));
  await phone.context().close();
});
