/**
 * The I7 contact sidebar in a real browser against a real server (run on both drivers). A visitor
 * who left their email (W9 capture) in an earlier chat and again, in another case, in this one is
 * one contact (a third, assigned to the admin, is not listed to a colleague who may not open it): the admin sees the name and email beside the chat, edits the Organization (saved,
 * kept after a reload, and seen live by a colleague who has the same chat open), is told clearly
 * when the email belongs to another contact, creates a lead and a deal (each a timestamped line in
 * the thread; the chat stays open), reads the site's tracked events and the pages viewed (live) in the activity timeline and
 * opens the previous conversation from its link. A visitor
 * who is nobody yet becomes a contact from the sidebar. axe finds nothing serious; at 390 px the
 * details screen holds the sidebar without sideways scrolling. Needs `npm run build` and
 * /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { connectAgent, connectVisitor, createUserAs, type AgentClient } from '../../server/test/helpers/clients.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually } from '../../../e2e/browser.js';
import { signedInPage, startInboxBench, type InboxBench } from './inboxTestKit.js';
import { assertAccessible, assertNoHorizontalScroll, step, WAIT_MS } from './siteTestKit.js';

const EARLIER_TEXT = 'Do you ship to Finland?';
const CURRENT_TEXT = 'I would like a quote for 40 seats';

let bench: InboxBench;
let cluster: TestCluster;
let admin: AgentClient;
let earlier: WritingVisitor;
let current: WritingVisitor;
let assignedToAdmin: WritingVisitor;
let adminPage: Page;
let colleaguePage: Page;
let contactId = 0;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  // The first admin is sent to the setup wizard until it is done; this test is about the inbox.
  await admin.http('POST', '/api/admin/setup/complete', {});

  // The same person on two visits: W9 email capture links both chats to one contact.
  earlier = await visitorWrites(cluster, EARLIER_TEXT);
  assert.equal((await earlier.http('POST', '/api/widget/email', { email: 'Ada.Lovelace@Example.com', name: 'Ada' })).status, 204);
  assert.equal((await admin.http('POST', `/api/conversations/${earlier.conversationId}/close`)).status, 200);
  current = await visitorWrites(cluster, CURRENT_TEXT);
  assert.equal((await current.http('POST', '/api/widget/email', { email: 'ada.lovelace@example.com' })).status, 204);
  // A third chat of hers, open and assigned to the admin: the colleague may not open it (I3).
  assignedToAdmin = await visitorWrites(cluster, 'Private follow-up');
  assert.equal((await assignedToAdmin.http('POST', '/api/widget/email', { email: 'ADA.lovelace@example.com' })).status, 204);
  assert.equal((await admin.http('POST', `/api/conversations/${assignedToAdmin.conversationId}/assign`, { userId: admin.userId })).status, 200);
  // The site's track() call: the contact's timeline.
  assert.equal((await current.http('POST', '/api/widget/events', { event: 'pricing_viewed', properties: { plan: 'team' } })).status, 204);
  contactId = (await admin.http('GET', `/api/conversations/${current.conversationId}/contact`)).body.contact.id;
  // Someone else's email, to be refused.
  const other = await visitorWrites(cluster, 'Another person');
  assert.equal((await other.http('POST', '/api/widget/email', { email: 'grace@example.com' })).status, 204);

  adminPage = await signedInPage(bench, { viewport: { width: 1400, height: 900 }, waitMs: WAIT_MS });
  const colleague = await createUserAs(admin, { email: 'carl@example.com', name: 'Carl Colleague', password: 'carl-password-1' });
  colleaguePage = await signedInPage(bench, { viewport: { width: 1400, height: 900 }, as: colleague, waitMs: WAIT_MS });
}, { timeout: 30_000 });

after(async () => {
  admin?.close();
  await bench?.close();
});

const sidebar = (page: Page): Locator => page.getByRole('region', { name: 'Contact', exact: true });
const field = (page: Page, label: string): Locator => sidebar(page).getByLabel(label, { exact: true });
const thread = (page: Page): Locator => page.getByRole('log', { name: 'Messages' });

async function openConversation(page: Page, conversationId: number, details = false): Promise<void> {
  await page.goto(`${cluster.url}/inbox/conversations/${conversationId}${details ? '/details' : ''}`);
  await field(page, 'Email').waitFor();
}

async function storedContact() {
  return (await admin.http('GET', `/api/contacts/${contactId}`)).body.contact;
}

step('the agent sees the contact’s name and email beside the chat', async (t) => {
  await openConversation(adminPage, current.conversationId);
  await thread(adminPage).getByText(CURRENT_TEXT).waitFor();
  await sidebar(adminPage).getByText('Ada', { exact: true }).waitFor();
  assert.equal(await field(adminPage, 'Email').inputValue(), 'Ada.Lovelace@Example.com', 'the email as first given');
  assert.equal(await field(adminPage, 'First name').inputValue(), 'Ada');
  for (const label of ['Phone', 'Organization', 'Address', 'Owner', 'Note', 'Deal value', 'Currency', 'Expected close date']) {
    assert.equal(await field(adminPage, label).count(), 1, label);
  }
  assert.equal(await adminPage.getByLabel('Owner').count(), 1, 'one owner field: the contact’s');
  const activity = sidebar(adminPage).getByRole('region', { name: 'Activity' });
  await activity.getByText('pricing_viewed').waitFor();
  await activity.getByText('plan: team').waitFor();
  // The visitor moves to another page: a page view appears on the timeline while the chat is open.
  const socket = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey, current);
  try {
    await socket.rt.send('context.update', { pageUrl: 'https://shop.example/pricing', pageTitle: 'Pricing' });
    await activity.getByText('https://shop.example/pricing').waitFor();
    await activity.getByText('Pricing', { exact: true }).waitFor();
  } finally {
    socket.close();
  }
  const previousLinks = async (page: Page) =>
    sidebar(page).getByRole('region', { name: 'Previous conversations' }).getByRole('link').allInnerTexts();
  await eventually(async () => assert.deepEqual(await previousLinks(adminPage), [`Conversation #${assignedToAdmin.conversationId}`, `Conversation #${earlier.conversationId}`]));
  await openConversation(colleaguePage, current.conversationId);
  await eventually(async () => assert.deepEqual(await previousLinks(colleaguePage), [`Conversation #${earlier.conversationId}`], 'only what the colleague may open'));
  await assertAccessible(t, 'the contact sidebar', adminPage);
});

step('an edited Organization is saved, seen live by a colleague and kept after a reload', async () => {
  await field(adminPage, 'Organization').fill('Analytical Engines Oy');
  await field(adminPage, 'Phone').fill('+358 40 123 4567');
  await sidebar(adminPage).getByRole('button', { name: 'Save contact' }).click();
  await sidebar(adminPage).getByRole('status').getByText('Contact saved.').waitFor();
  const saved = await storedContact();
  assert.deepEqual([saved.organization.name, saved.phone], ['Analytical Engines Oy', '+358 40 123 4567']);
  await eventually(async () => assert.equal(await field(colleaguePage, 'Organization').inputValue(), 'Analytical Engines Oy'));
  assert.equal(await field(colleaguePage, 'Phone').inputValue(), '+358 40 123 4567');

  await adminPage.reload();
  await field(adminPage, 'Email').waitFor();
  await eventually(async () => assert.equal(await field(adminPage, 'Organization').inputValue(), 'Analytical Engines Oy'));
});

step('another contact’s email is refused at the Email field and nothing changes', async (t) => {
  const email = field(adminPage, 'Email');
  await email.fill('GRACE@example.com');
  await sidebar(adminPage).getByRole('button', { name: 'Save contact' }).click();
  const alert = sidebar(adminPage).getByRole('alert');
  await alert.getByText('Email: Another contact already has this email.').waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  assert.equal(await adminPage.locator(`[id="${describedBy}"]`).innerText(), 'Email: Another contact already has this email.');
  assert.equal((await storedContact()).email, 'Ada.Lovelace@Example.com');
  await assertAccessible(t, 'the sidebar with a field error', adminPage);
  await email.fill('Ada.Lovelace@Example.com');
  assert.equal(await sidebar(adminPage).getByRole('alert').count(), 0, 'the error goes once the field is edited');
});

step('Create lead leaves a timestamped line in the thread and the chat stays open', async (t) => {
  await sidebar(adminPage).getByRole('button', { name: 'Create lead' }).click();
  const form = sidebar(adminPage).getByRole('form', { name: 'New lead' });
  const focused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
  await eventually(async () => assert.ok(await focused(form.getByLabel('Title')), 'the form opens at its Title'));
  await form.getByRole('button', { name: 'Save lead' }).click();
  await form.getByRole('alert').getByText('Title: required.').waitFor();
  await form.getByLabel('Title').fill('Quote for 40 seats');
  await form.getByLabel('Value').fill('12000.50');
  await form.getByLabel('Currency').fill('eur');
  await assertAccessible(t, 'the lead form', adminPage);
  await form.getByRole('button', { name: 'Save lead' }).click();
  await sidebar(adminPage).getByRole('status').getByText('Lead created: Quote for 40 seats').waitFor();
  assert.ok(await focused(sidebar(adminPage).getByRole('button', { name: 'Create lead' })), 'focus returns to the button');

  const line = thread(adminPage).locator('.pipeline-line').filter({ hasText: 'Admin created a lead: Quote for 40 seats' });
  await line.waitFor();
  assert.match((await line.locator('time').getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}T/, 'timestamped');
  await thread(colleaguePage).locator('.pipeline-line').filter({ hasText: 'Admin created a lead: Quote for 40 seats' }).waitFor();
  await sidebar(colleaguePage).getByRole('region', { name: 'Leads and deals' }).getByText('Quote for 40 seats').waitFor();
  await adminPage.getByLabel('Reply', { exact: true }).waitFor();
  const after = await admin.http('GET', `/api/conversations/${current.conversationId}`);
  assert.equal(after.body.conversation.status, 'open', 'the chat stays open');
  const leads = (await admin.http('GET', '/api/leads')).body.leads;
  assert.deepEqual(leads.map((lead: { title: string; value: string; currency: string; contactId: number }) => [lead.title, lead.value, lead.currency, lead.contactId]), [
    ['Quote for 40 seats', '12000.50', 'EUR', contactId],
  ]);
  const seen = await current.http('GET', '/api/widget/conversation');
  assert.ok(!JSON.stringify(seen.body).includes('Quote for 40 seats'), 'the visitor never sees the pipeline');
});

step('Create deal with value, currency and expected close date', async () => {
  await sidebar(adminPage).getByRole('button', { name: 'Create deal' }).click();
  const form = sidebar(adminPage).getByRole('form', { name: 'New deal' });
  await form.getByLabel('Title').fill('Team plan');
  await form.getByLabel('Value').fill('9000');
  await form.getByLabel('Currency').fill('EUR');
  await form.getByLabel('Expected close date').fill('2027-03-31');
  await form.getByLabel('Note').fill('Decision in March');
  await form.getByRole('button', { name: 'Save deal' }).click();
  await thread(adminPage).locator('.pipeline-line').filter({ hasText: 'Admin created a deal: Team plan' }).waitFor();
  const deals = (await admin.http('GET', '/api/deals')).body.leads;
  assert.deepEqual(deals.map((deal: { title: string; value: string; expectedCloseDate: string; note: string; conversationId: number }) => [deal.title, deal.value, deal.expectedCloseDate, deal.note, deal.conversationId]), [
    ['Team plan', '9000', '2027-03-31', 'Decision in March', current.conversationId],
  ]);
  assert.equal((await admin.http('GET', `/api/conversations/${current.conversationId}`)).body.conversation.status, 'open');
});

step('the previous conversation’s link opens it', async () => {
  const previous = sidebar(adminPage).getByRole('region', { name: 'Previous conversations' });
  const link = previous.getByRole('link', { name: `Conversation #${earlier.conversationId}`, exact: true });
  assert.equal(await previous.getByRole('link', { name: `Conversation #${current.conversationId}`, exact: true }).count(), 0, 'not the one already open');
  await link.click();
  await thread(adminPage).getByText(EARLIER_TEXT).waitFor();
  assert.equal(new URL(adminPage.url()).pathname, `/inbox/conversations/${earlier.conversationId}`);
  // Closed, and still editable.
  await eventually(async () => assert.equal(await field(adminPage, 'Organization').inputValue(), 'Analytical Engines Oy'));
  await field(adminPage, 'Note').fill('Asked about shipping before');
  await sidebar(adminPage).getByRole('button', { name: 'Save contact' }).click();
  await sidebar(adminPage).getByRole('status').getByText('Contact saved.').waitFor();
  assert.equal((await storedContact()).note, 'Asked about shipping before');
});

step('a visitor who is nobody yet becomes a contact from the sidebar', async (t) => {
  const stranger = await visitorWrites(cluster, 'Hi, Nora here');
  await openConversation(adminPage, stranger.conversationId);
  assert.equal(await field(adminPage, 'Email').inputValue(), '');
  await sidebar(adminPage).getByRole('button', { name: 'Save contact' }).click();
  await sidebar(adminPage).getByRole('alert').getByText('Email: needed to save a new contact.').waitFor();
  await field(adminPage, 'Email').fill('nora@example.com');
  await field(adminPage, 'First name').fill('Nora');
  await field(adminPage, 'Organization').fill('Nordic Widgets');
  await sidebar(adminPage).getByRole('button', { name: 'Save contact' }).click();
  await sidebar(adminPage).getByText('Nora', { exact: true }).waitFor();
  const made = (await admin.http('GET', `/api/conversations/${stranger.conversationId}/contact`)).body.contact;
  assert.deepEqual([made.email, made.firstName, made.organization.name], ['nora@example.com', 'Nora', 'Nordic Widgets']);
  await field(adminPage, 'Owner').waitFor();
  await assertAccessible(t, 'a new contact', adminPage);
});

step('at 390 px the details screen holds the sidebar without sideways scrolling', async (t) => {
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 }, waitMs: WAIT_MS });
  await openConversation(phone, current.conversationId, true);
  assert.equal(await field(phone, 'Organization').inputValue(), 'Analytical Engines Oy');
  assert.equal(await thread(phone).isVisible(), false, 'the details are a screen of their own');
  await sidebar(phone).getByRole('button', { name: 'Create deal' }).click();
  await sidebar(phone).getByRole('form', { name: 'New deal' }).waitFor();
  await sidebar(phone).getByText('Team plan').first().waitFor();
  await assertNoHorizontalScroll(phone, 'the details screen');
  const boxes = await phone.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.details-screen, .details-screen *'))
      .filter((box) => box.getClientRects().length > 0 && !['INPUT', 'TEXTAREA', 'SELECT'].includes(box.tagName) && box.scrollWidth > box.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
      .map((box) => `${box.tagName}.${box.className}`),
  );
  assert.deepEqual(boxes, [], 'no box in the details screen scrolls sideways');
  await assertAccessible(t, 'the details screen at 390 px', phone);
  await phone.context().close();
});
