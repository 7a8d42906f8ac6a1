/**
 * Routing in the inbox, in a real browser against a real server (sqlite, port 0, business time
 * on a manual clock): the offer banner (I4) with Accept and Decline, stacked offers, an offer
 * gone before it was accepted, auto-away after missed offers (R3), list badges, and the admin
 * screens for users, teams and chatflow settings (A3, A7), plus the contact owner picker.
 * Tests run in order and share one admin page; the chatflow settings change routing, so they
 * come last.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../server/test/helpers/manualClock.js';
import { settle, visitorWrites } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

const clock = new ManualClock();
let cluster: TestCluster;
let browser: Browser;
let admin: Page;

/** Headless Chromium has no notification permission to grant: record what the inbox shows. */
const FAKE_NOTIFICATIONS = `
  window.__notifications = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { this.onclick = null; window.__notifications.push({ title, body: options && options.body }); }
    close() {}
  };
`;

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster({ clock: clock.now });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(FAKE_NOTIFICATIONS);
  admin = await context.newPage();
});

after(async () => {
  await browser?.close();
  await cluster?.close();
});

const offers = () => admin.getByRole('region', { name: 'Chat offers' });
const offerFor = (visitorName: string) => offers().getByRole('article', { name: `Chat offer: ${visitorName}` });

async function newChat(body: string): Promise<{ conversationId: number; visitorName: string }> {
  const visitor = await visitorWrites(cluster, body);
  await settle(cluster);
  return { conversationId: visitor.conversationId, visitorName: `Visitor ${visitor.visitorId}` };
}

test('an offer shows a banner with a countdown and a notification; Accept opens the chat', async () => {
  await signIn(admin, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const available = admin.getByRole('switch', { name: 'Available' });
  if ((await available.getAttribute('aria-checked')) !== 'true') await available.click();
  await eventually(async () => assert.equal(await available.getAttribute('aria-checked'), 'true'));
  await settle(cluster);

  const chat = await newChat('Hello, is anyone there? <b>Order</b> #42');
  const offer = offerFor(chat.visitorName);
  await offer.waitFor();
  assert.match(await offer.getByRole('timer').innerText(), /^\d:\d\d$/);
  // What the visitor wrote, as text (markup stays visible characters, never HTML).
  await offer.getByText('“Hello, is anyone there? <b>Order</b> #42”').waitFor();
  assert.equal(await offer.locator('b').count(), 0);
  await eventually(async () => {
    const shown: Array<{ title: string; body: string }> = await admin.evaluate(() => (window as any).__notifications);
    assert.deepEqual(shown.map((n) => [n.title, n.body]), [[`Chat offer: ${chat.visitorName}`, 'Hello, is anyone there? <b>Order</b> #42']]);
  });
  await admin.getByRole('link', { name: new RegExp(chat.visitorName) }).getByText('Offered').waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await offer.getByRole('button', { name: 'Accept' }).click();
  await admin.waitForURL(new RegExp(`/inbox/conversations/${chat.conversationId}$`));
  await admin.getByText('Assigned to Admin').waitFor();
  assert.equal(await offers().count(), 0);
});

test('offers stack; Decline removes one; an offer gone before Accept says so', async () => {
  const first = await newChat('First of two');
  const second = await newChat('Second of two');
  await offerFor(first.visitorName).waitFor();
  await offerFor(second.visitorName).waitFor();

  await offerFor(first.visitorName).getByRole('button', { name: 'Decline' }).click();
  await eventually(async () => assert.equal(await offerFor(first.visitorName).count(), 0));
  // The keyboard lands on the offer that is left.
  await eventually(async () => assert.equal(await admin.evaluate(() => document.activeElement?.textContent), 'Accept'));

  // The server withdrew it a moment ago: the answer to Accept is offer_unavailable.
  await admin.route('**/api/offers/*/accept', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'offer_unavailable', message: 'The offer is no longer open.' } }),
    }),
  );
  await offerFor(second.visitorName).getByRole('button', { name: 'Accept' }).click();
  await admin.getByText('This chat is no longer available.').waitFor();
  assert.equal(await offers().count(), 0);
  await admin.unroute('**/api/offers/*/accept');
  await admin.getByRole('button', { name: 'Dismiss offer notice' }).click();
});

test('missed offers in a row set me Away with a notice; missed chats wait in Unassigned', async () => {
  // The withdrawn offer above is still pending on the server; it and two more run out.
  for (let round = 0; round < 3; round++) {
    if (round > 0) await newChat(`Nobody answers ${round}`);
    clock.advance(101_000);
    await settle(cluster);
  }
  await admin.getByText('You were set to Away because you missed chat offers in a row.').waitFor();
  assert.equal(await admin.getByRole('switch', { name: 'Available' }).getAttribute('aria-checked'), 'false');
  assert.equal(await offers().count(), 0);

  await admin.getByRole('link', { name: /^Unassigned/ }).click();
  const missed = admin.getByRole('link', { name: /Missed/ }).first();
  await missed.waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await missed.click();
  await admin.getByRole('button', { name: 'Assign to me' }).click();
  await admin.getByText('Assigned to Admin').waitFor();

  await admin.getByRole('button', { name: 'Dismiss away notice' }).click();
  assert.equal(await admin.getByText(/You were set to Away/).count(), 0);
});

test('the visitor panel sets the contact owner', async () => {
  await admin.getByLabel('Owner').selectOption({ label: 'Admin' });
  await eventually(async () => {
    await admin.reload();
    await admin.getByLabel('Owner').waitFor();
    assert.equal(await admin.getByLabel('Owner').locator('option:checked').innerText(), 'Admin');
  });
});

test('admins edit role, skills and capacity of a user', async () => {
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'Edit Admin' }).click();
  const form = admin.getByRole('form', { name: 'Edit Admin' });
  await form.getByLabel('Skills').fill('fi');
  await form.getByLabel('Skills').press('Enter');
  await form.getByLabel('Skills').fill('billing');
  await form.getByLabel('Max chats').fill('4');
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await form.getByRole('button', { name: 'Save' }).click();
  await eventually(async () => assert.equal(await form.count(), 0));
  const row = admin.getByRole('row', { name: /admin@example\.com/ });
  assert.match(await row.innerText(), /fi, billing\s+4\s+Away/);
});

test('admins create, rename and delete teams', async () => {
  await admin.getByRole('link', { name: 'Teams' }).click();
  await admin.getByLabel('Team name').fill('Support');
  await admin.getByRole('group', { name: 'Members' }).getByLabel('Admin').check();
  await admin.getByRole('button', { name: 'Create team' }).click();
  await admin.getByRole('heading', { name: 'Support' }).waitFor();

  await admin.getByRole('button', { name: 'Edit team Support' }).click();
  const form = admin.getByRole('form', { name: 'Edit team Support' });
  await form.getByLabel('Team name').fill('Sales');
  await form.getByRole('button', { name: 'Save team' }).click();
  await admin.getByRole('heading', { name: 'Sales' }).waitFor();
  assert.match(await admin.getByRole('article', { name: 'Sales' }).innerText(), /Members: Admin/);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await admin.getByRole('button', { name: 'Delete team Sales' }).click();
  await admin.getByRole('button', { name: 'Yes, delete' }).click();
  await eventually(async () => assert.equal(await admin.getByRole('heading', { name: 'Sales' }).count(), 0));

  await admin.getByLabel('Team name').fill('Support');
  await admin.getByRole('button', { name: 'Create team' }).click();
  await admin.getByRole('heading', { name: 'Support' }).waitFor();
});

test('chatflow settings: custom rules, office hours and holidays are checked, saved and read back', async () => {
  await admin.getByRole('link', { name: 'Chatflows' }).click();
  await admin.locator('.chatflow-name').first().click();
  await admin.getByLabel('Assignment mode').selectOption({ label: 'Custom rules' });

  await admin.getByRole('button', { name: 'Add rule' }).click();
  const pricing = admin.getByRole('group', { name: 'Rule 1', exact: true });
  await pricing.getByLabel('Value').fill('/pricing');
  await pricing.getByLabel('User', { exact: true }).selectOption({ label: 'Admin' });
  await admin.getByRole('button', { name: 'Add rule' }).click();
  const pro = admin.getByRole('group', { name: 'Rule 2', exact: true });
  await pro.getByLabel('Field').selectOption({ label: 'Visitor property' });
  await pro.getByLabel('Property name').fill('plan');
  await pro.getByLabel('Operator').selectOption({ label: 'is' });
  await pro.getByLabel('Value').fill('pro');
  await pro.getByLabel('Route to').selectOption({ label: 'A team' });
  await pro.getByLabel('Team', { exact: true }).selectOption({ label: 'Support' });
  await admin.getByRole('button', { name: 'Move up, rule 2' }).click();

  await admin.getByLabel('Accept timeout (seconds)').fill('5');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('alert').filter({ hasText: 'Accept timeout must be a whole number' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await admin.getByLabel('Accept timeout (seconds)').fill('60');

  await admin.getByRole('tab', { name: 'Options' }).click();
  await admin.getByLabel('Availability mode').selectOption({ label: 'Office hours' });
  await admin.getByLabel('Time zone').selectOption('Europe/Helsinki');
  await admin.getByRole('button', { name: 'Add hours on Saturday' }).click();
  const saturday = admin.getByRole('group', { name: 'Saturday, hours 1' });
  await saturday.getByLabel('From').fill('10:00');
  await saturday.getByLabel('To').fill('24:00');
  await admin.getByLabel('Holiday date').fill('2026-12-24');
  await admin.getByRole('button', { name: 'Add holiday' }).click();
  await admin.getByLabel('When offline').selectOption({ label: 'Show the away message' });
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  await admin.reload();
  await admin.getByLabel('Assignment mode').waitFor();
  assert.equal(await admin.getByLabel('Assignment mode').inputValue(), 'custom_rules');
  const first = admin.getByRole('group', { name: 'Rule 1', exact: true });
  assert.equal(await first.getByLabel('Property name').inputValue(), 'plan');
  assert.equal(await first.getByLabel('Team', { exact: true }).locator('option:checked').innerText(), 'Support');
  await admin.getByRole('tab', { name: 'Options' }).click();
  assert.equal(await admin.getByLabel('Time zone').inputValue(), 'Europe/Helsinki');
  assert.equal(await admin.getByRole('group', { name: 'Saturday, hours 1' }).getByLabel('To').inputValue(), '24:00');
  await admin.getByRole('button', { name: 'Remove holiday 2026-12-24' }).waitFor();
});
