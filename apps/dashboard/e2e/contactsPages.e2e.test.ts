/**
 * Contacts, Leads and Deals, data retention and the site identity secret in a real browser
 * against a real node (both drivers: contacts, search and erasure are storage specific).
 *
 * Contacts made by email capture are found by email and by phone, opened, edited (the change is
 * stored), exported (the download is JSON holding the contact's message) and deleted after a
 * confirmation (gone from the list and from the API). Leads and deals created through the API are
 * listed, a status change persists, and a lead made while the page is open appears live. The admin
 * sees the site secret on Sites, rotates it and reads how to make the hash on Install; the retention setting is saved; an agent gets no
 * export, delete or retention. axe on each page;
 * no sideways scrolling at 390 px.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium; nothing skips.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectAgent, createUserAs, type AgentClient } from '../../server/test/helpers/clients.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, signIn } from '../../../e2e/browser.js';
import { assertAccessible, assertNoHorizontalScroll, step, WAIT_MS } from './siteTestKit.js';

const PHONE = { width: 390, height: 844 };
const ADA_MESSAGE = 'Do you ship the analytical engine to Helsinki?';

let cluster: TestCluster;
let browser: Browser;
let admin: AgentClient;
let page: Page;
let ada: WritingVisitor;
let adaId = 0;
let graceId = 0;
let leadConversation = 0;

/** A visitor who wrote, then left an email (W9): a contact. */
async function contactWho(message: string, email: string, name: string): Promise<{ visitor: WritingVisitor; contactId: number }> {
  const visitor = await visitorWrites(cluster, message);
  const captured = await visitor.http('POST', '/api/widget/email', { email, name });
  assert.equal(captured.status, 204);
  const found = await admin.http('GET', `/api/contacts?query=${encodeURIComponent(email)}`);
  assert.equal(found.body.contacts.length, 1);
  return { visitor, contactId: found.body.contacts[0].id };
}

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  const first = await contactWho(ADA_MESSAGE, 'ada@engines.example', 'Ada');
  ada = first.visitor;
  adaId = first.contactId;
  const second = await contactWho('Is COBOL supported?', 'grace@navy.example', 'Grace');
  graceId = second.contactId;
  // Leads go on Grace's chat: Ada is erased below, and her leads with her.
  leadConversation = second.visitor.conversationId;
  // A phone to search by, set through the API as the sidebar would.
  assert.equal((await admin.http('PATCH', `/api/contacts/${graceId}`, { phone: '+358 40 123 4567' })).status, 200);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(WAIT_MS);
  page = await context.newPage();
}, { timeout: 30_000 });

after(async () => {
  admin?.close();
  await browser?.close();
  await cluster?.close();
});

const contactRows = () => page.getByRole('table', { name: 'Contacts' }).locator('tbody tr');

step('the Contacts page lists contacts and searches by email and by phone', async (t) => {
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await eventually(async () => assert.equal(await contactRows().count(), 2));
  await assertAccessible(t, 'the Contacts page', page);

  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill('ADA@ENGINES');
  await eventually(async () => assert.deepEqual(await contactRows().locator('td:first-child').allInnerTexts(), ['Ada']));
  await search.fill('40 123');
  await eventually(async () => assert.deepEqual(await contactRows().locator('td:first-child').allInnerTexts(), ['Grace']));
  await search.fill('nobody-here');
  await page.getByText('No contacts match “nobody-here”.').waitFor();
  await assertAccessible(t, 'the Contacts page with no match', page);
});

step('a contact opens on its own page and an edited field is stored', async (t) => {
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill('ada');
  await page.getByRole('link', { name: 'Ada', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Ada' }).waitFor();
  assert.match(page.url(), new RegExp(`/inbox/contacts/${adaId}$`));
  const form = page.getByRole('form', { name: 'Contact details' });
  assert.equal(await form.getByLabel('Email').inputValue(), 'ada@engines.example');
  await page.getByRole('link', { name: `Conversation ${ada.conversationId}` }).waitFor();
  await assertAccessible(t, 'a contact page', page);

  await form.getByLabel('Organization').fill('Analytical Engines Ltd');
  await form.getByLabel('Currency').fill('eur');
  await form.getByLabel('Deal value').fill('1250.50');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await page.getByText('Contact saved.').waitFor();
  const stored = await admin.http('GET', `/api/contacts/${adaId}`);
  assert.equal(stored.body.contact.organization.name, 'Analytical Engines Ltd');
  assert.equal(stored.body.contact.dealValue, '1250.50');
  assert.equal(stored.body.contact.currency, 'EUR');

  // Another contact's email is refused with the server's words, and nothing changes.
  await form.getByLabel('Email').fill('GRACE@navy.example');
  await form.getByRole('button', { name: 'Save contact' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Another contact already has this email/);
  assert.equal((await admin.http('GET', `/api/contacts/${adaId}`)).body.contact.email, 'ada@engines.example');
  await assertAccessible(t, 'a contact page with a refusal', page);
});

step('Export data downloads a JSON file holding the contact and their message', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
  assert.equal(download.suggestedFilename(), `contact-${adaId}.json`);
  const data = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(data.contact.id, adaId);
  const bodies = data.conversations.flatMap((c: { messages: Array<{ body: string }> }) => c.messages.map((m) => m.body));
  assert.ok(bodies.includes(ADA_MESSAGE), 'the export holds the contact’s message');
});

step('Leads and Deals list what was created from a conversation; a status change persists; a new lead appears live', async (t) => {
  const lead = await admin.http('POST', `/api/conversations/${leadConversation}/leads`, { title: 'Engine for Helsinki', organization: 'Navy Labs', value: '900', currency: 'EUR', expectedCloseDate: '2027-03-01' });
  assert.equal(lead.status, 201);
  const deal = await admin.http('POST', `/api/conversations/${leadConversation}/deals`, { title: 'Two engines', value: '1800.25', currency: 'EUR' });
  assert.equal(deal.status, 201);

  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link', { name: 'Leads', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Leads' }).waitFor();
  const leads = page.getByRole('table', { name: 'Leads' });
  const row = leads.getByRole('row').filter({ hasText: 'Engine for Helsinki' });
  await row.waitFor();
  assert.match(await row.innerText(), /Grace[\s\S]*Navy Labs[\s\S]*900 EUR[\s\S]*2027-03-01/);
  assert.equal(await row.getByRole('link', { name: /Open conversation/ }).getAttribute('href'), `/inbox/conversations/${leadConversation}`);
  assert.equal(await leads.getByText('Two engines').count(), 0, 'deals are not leads');
  await assertAccessible(t, 'the Leads page', page);

  await row.getByRole('combobox', { name: 'Status of Engine for Helsinki' }).selectOption('won');
  await eventually(async () => assert.equal((await admin.http('GET', '/api/leads')).body.leads[0].status, 'won'));
  await page.reload();
  assert.equal(await page.getByRole('combobox', { name: 'Status of Engine for Helsinki' }).inputValue(), 'won');

  // Made in a chat while the page is open: the lead.created frame adds it.
  assert.equal((await admin.http('POST', `/api/conversations/${leadConversation}/leads`, { title: 'Spare gears' })).status, 201);
  await leads.getByRole('row').filter({ hasText: 'Spare gears' }).waitFor();

  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link', { name: 'Deals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Deals' }).waitFor();
  const dealRow = page.getByRole('table', { name: 'Deals' }).getByRole('row').filter({ hasText: 'Two engines' });
  assert.match(await dealRow.innerText(), /1800\.25 EUR/);
  await dealRow.getByRole('combobox', { name: 'Status of Two engines' }).selectOption('lost');
  await eventually(async () => assert.equal((await admin.http('GET', '/api/deals')).body.leads[0].status, 'lost'));
  await assertAccessible(t, 'the Deals page', page);
});

step('deleting a contact asks first, then removes them everywhere', async (t) => {
  await page.goto(`${cluster.url}/inbox/contacts/${adaId}`);
  await page.getByRole('heading', { level: 1, name: 'Ada' }).waitFor();
  await page.getByRole('button', { name: 'Delete contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ada?' });
  await assertAccessible(t, 'the delete confirmation', page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await admin.http('GET', `/api/contacts/${adaId}`)).status, 200, 'Cancel deletes nothing');

  await page.getByRole('button', { name: 'Delete contact' }).click();
  await dialog.getByRole('button', { name: 'Delete permanently' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await eventually(async () => assert.deepEqual(await contactRows().locator('td:first-child').allInnerTexts(), ['Grace']));
  assert.equal((await admin.http('GET', `/api/contacts/${adaId}`)).status, 404);
});

step('the retention setting is saved, and emptied again keeps conversations forever', async (t) => {
  const field = page.getByLabel('Delete closed conversations after N days');
  await field.fill('90');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await page.getByText('Saved: closed conversations are deleted after 90 days.').waitFor();
  assert.deepEqual((await admin.http('GET', '/api/admin/retention')).body, { retentionDays: 90 });
  await page.reload();
  await eventually(async () => assert.equal(await page.getByLabel('Delete closed conversations after N days').inputValue(), '90'));
  await assertAccessible(t, 'the Contacts page with retention', page);
  await page.getByLabel('Delete closed conversations after N days').fill('');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await page.getByText('Saved: closed conversations are kept forever.').waitFor();
  assert.deepEqual((await admin.http('GET', '/api/admin/retention')).body, { retentionDays: null });
});

step('Sites shows the admin the site secret, rotates it after a confirmation, and requires verification', async (t) => {
  const before = (await admin.http('GET', '/api/admin/sites')).body.sites[0];
  assert.ok(before.secret, 'admins get the secret');
  await page.getByRole('navigation', { name: 'Inbox' }).getByRole('link', { name: 'Sites', exact: true }).click();
  const secret = page.locator('[data-site-secret]').first();
  await eventually(async () => assert.equal((await secret.innerText()).trim(), before.secret));
  await assertAccessible(t, 'the Sites page with the secret', page);

  await page.getByRole('button', { name: `Rotate secret of ${before.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate now' }).click();
  await eventually(async () => assert.notEqual((await secret.innerText()).trim(), before.secret));
  const after = (await admin.http('GET', '/api/admin/sites')).body.sites[0];
  assert.notEqual(after.secret, before.secret);
  assert.equal((await secret.innerText()).trim(), after.secret);

  const verification = page.getByRole('switch', { name: 'Require identity verification' }).first();
  assert.equal(await verification.getAttribute('aria-checked'), 'false');
  await verification.click();
  await eventually(async () => assert.equal((await admin.http('GET', '/api/admin/sites')).body.sites[0].requireIdentityVerification, true));
  // The server may answer the test before the page has drawn its own answer.
  await eventually(async () => assert.equal(await verification.getAttribute('aria-checked'), 'true'));

  // Install explains the hash the site's backend makes, beside the same secret.
  await page.getByRole('link', { name: `Install ${before.name}` }).click();
  await page.getByRole('heading', { name: 'Identify signed-in users' }).waitFor();
  assert.match(await page.locator('.install-section').filter({ hasText: 'Identify signed-in users' }).innerText(), /HMAC-SHA256 of the user id[\s\S]*hexadecimal/);
  assert.equal((await page.locator('[data-site-secret]').innerText()).trim(), after.secret);
  await assertAccessible(t, 'the Install page with identity verification', page);
});

step('an agent opens contacts but gets no export, delete or retention setting', async () => {
  const agent = await createUserAs(admin, { email: 'agnes@example.com', name: 'Agnes Agent' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  const agentPage = await context.newPage();
  await signIn(agentPage, cluster.url, agent.email, agent.password);
  await agentPage.getByRole('link', { name: 'Contacts', exact: true }).click();
  await agentPage.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Grace' }).click();
  await agentPage.getByRole('form', { name: 'Contact details' }).waitFor();
  assert.equal(await agentPage.getByRole('button', { name: 'Export data' }).count(), 0);
  assert.equal(await agentPage.getByRole('button', { name: 'Delete contact' }).count(), 0);
  await agentPage.getByRole('link', { name: 'All contacts' }).click();
  await agentPage.getByRole('table', { name: 'Contacts' }).waitFor();
  assert.equal(await agentPage.getByLabel('Delete closed conversations after N days').count(), 0);
  await context.close();
});

step('at 390 px the Contacts, contact, Leads, Deals and Sites pages never scroll sideways', async (t) => {
  const context = await browser.newContext({ viewport: PHONE });
  context.setDefaultTimeout(WAIT_MS);
  const phone = await context.newPage();
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.getByRole('button', { name: 'Menu' }).click();
  await phone.getByRole('link', { name: 'Contacts', exact: true }).click();
  await phone.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: 'Grace' }).waitFor();
  await assertNoHorizontalScroll(phone, 'the Contacts page at 390 px');
  await assertAccessible(t, 'the Contacts page at 390 px', phone);
  await phone.getByRole('link', { name: 'Grace' }).click();
  await phone.getByRole('heading', { level: 1, name: 'Grace' }).waitFor();
  await assertNoHorizontalScroll(phone, 'a contact page at 390 px');
  await assertAccessible(t, 'a contact page at 390 px', phone);
  for (const name of ['Leads', 'Deals'] as const) {
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByRole('link', { name, exact: true }).click();
    await phone.getByRole('table', { name }).waitFor();
    await assertNoHorizontalScroll(phone, `the ${name} page at 390 px`);
    await assertAccessible(t, `the ${name} page at 390 px`, phone);
  }
  await phone.goto(`${cluster.url}/inbox/sites`);
  await phone.locator('[data-site-secret]').first().waitFor();
  await assertNoHorizontalScroll(phone, 'the Sites page at 390 px');
  await phone.getByRole('link', { name: /^Install / }).first().click();
  await phone.getByRole('heading', { name: 'Identify signed-in users' }).waitFor();
  await assertNoHorizontalScroll(phone, 'the Install page at 390 px');
  await assertAccessible(t, 'the Install page at 390 px', phone);
  await context.close();
});
