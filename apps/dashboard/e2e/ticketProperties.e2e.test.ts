/**
 * Ticket properties (issue 12) in a real browser against a real server: an admin adds a custom
 * property on the "Ticket properties" page and gives the chatflow a default priority on its
 * Options tab; a new chat starts with it. In the thread header one user sets Priority, Category
 * and the custom property, and a colleague with the same chat open sees each change live; a
 * reload shows what was saved. axe finds nothing serious; at 390 px the fields fold behind
 * "Properties" and nothing scrolls sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUserAs, type AgentClient } from '../../server/test/helpers/clients.js';
import { visitorWrites } from '../../server/test/helpers/routing.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually, seriousA11yViolations } from '../../../e2e/browser.js';
import { adminPastSetup, noSidewaysScroll, signedInPage, startInboxBench, type AdminHttp, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;
let adminHttp: AdminHttp;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
}, { timeout: 30_000 });

after(() => bench?.close());

async function stored(conversationId: number) {
  return cluster.nodes[0]!.server.ctx.storage.db
    .selectFrom('conversations')
    .select(['priority', 'category', 'properties'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

const header = (page: Page) => page.locator('.thread-header');

test('defined on the admin page, defaulted by the chatflow, set in the header and seen live by a colleague', { timeout: 90_000 }, async () => {
  const admin = await signedInPage(bench, { viewport: { width: 1280, height: 860 } });

  // The admin page: a select property with two options.
  await admin.getByRole('link', { name: 'Ticket properties' }).click();
  await admin.getByText('No custom properties yet.').waitFor();
  await admin.getByRole('button', { name: 'Add property' }).click();
  await admin.getByLabel('Label', { exact: true }).fill('Plan');
  assert.equal(await admin.getByLabel('Key', { exact: true }).inputValue(), 'plan', 'the key follows the label');
  await admin.getByLabel('Type', { exact: true }).selectOption('select');
  // Saving a select without options is refused in words before anything is sent.
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('alert').getByText('Plan: a select needs at least one option.').waitFor();
  await admin.getByLabel('Options', { exact: true }).fill('Free\nPro');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').getByText('Ticket properties saved.').waitFor();
  assert.deepEqual((await adminHttp('GET', '/api/admin/ticket-properties')).body.definitions, [{ key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] }]);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // The chatflow's Options tab: new conversations start as High.
  const flow = (await adminHttp('GET', '/api/admin/chatflows')).body.chatflows[0];
  await admin.goto(`${cluster.url}/inbox/chatflows/${flow.id}`);
  await admin.getByRole('tab', { name: 'Options', exact: true }).click();
  const defaults = admin.getByRole('group', { name: 'New conversations start with' });
  await defaults.getByRole('combobox', { name: 'Priority' }).selectOption('high');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').getByText('Saved.').waitFor();
  assert.equal((await adminHttp('GET', `/api/admin/chatflows/${flow.id}`)).body.chatflow.ticketDefaults.priority, 'high');
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // A new chat starts as High; the admin and a colleague open it.
  const { visitorId, conversationId } = await visitorWrites(cluster, 'My invoice is wrong');
  const name = `Visitor ${visitorId}`;
  const colleagueCreds = await createUserAs({ http: adminHttp } as unknown as AgentClient, { email: 'tina@example.com', name: 'Tina Tickets', password: 'tina-password-1' });
  const colleague = await signedInPage(bench, { viewport: { width: 1280, height: 860 }, as: colleagueCreds });
  for (const page of [admin, colleague]) {
    await page.goto(`${cluster.url}/inbox/conversations/${conversationId}`);
    await header(page).getByRole('heading', { name }).waitFor();
    assert.equal(await header(page).getByRole('combobox', { name: 'Priority' }).inputValue(), 'high', 'the chatflow default');
  }

  // Priority, Category (saved on Enter) and Plan, each seen live on the colleague's screen.
  await header(admin).getByRole('combobox', { name: 'Priority' }).selectOption('urgent');
  await eventually(async () => assert.equal(await header(colleague).getByRole('combobox', { name: 'Priority' }).inputValue(), 'urgent'));
  const category = header(admin).getByRole('textbox', { name: 'Category' });
  await category.fill('Billing');
  await category.press('Enter');
  await eventually(async () => assert.equal(await header(colleague).getByRole('textbox', { name: 'Category' }).inputValue(), 'Billing'));
  await header(admin).getByRole('combobox', { name: 'Plan' }).selectOption('Pro');
  await eventually(async () => assert.equal(await header(colleague).getByRole('combobox', { name: 'Plan' }).inputValue(), 'Pro'));
  const row = await stored(conversationId);
  assert.deepEqual([row.priority, row.category, JSON.parse(row.properties)], ['urgent', 'Billing', { plan: 'Pro' }]);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // The colleague changes it back; after a reload the admin sees the saved values.
  await header(colleague).getByRole('combobox', { name: 'Priority' }).selectOption('low');
  await eventually(async () => assert.equal((await stored(conversationId)).priority, 'low'));
  await admin.reload();
  await header(admin).getByRole('heading', { name }).waitFor();
  assert.equal(await header(admin).getByRole('combobox', { name: 'Priority' }).inputValue(), 'low');
  assert.equal(await header(admin).getByRole('textbox', { name: 'Category' }).inputValue(), 'Billing');
  assert.equal(await header(admin).getByRole('combobox', { name: 'Plan' }).inputValue(), 'Pro');
  await colleague.context().close();
  await admin.context().close();
});

test('at 390 px the fields fold behind "Properties", fit without sideways scrolling and pass axe', { timeout: 60_000 }, async () => {
  const { conversationId } = await visitorWrites(cluster, 'Phone check');
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/conversations/${conversationId}`);
  const toggle = header(phone).getByRole('button', { name: 'Properties' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await header(phone).getByRole('combobox', { name: 'Priority' }).isVisible(), false, 'folded on a phone');
  await noSidewaysScroll(phone);

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const priority = header(phone).getByRole('combobox', { name: 'Priority' });
  await priority.selectOption('urgent');
  await eventually(async () => assert.equal((await stored(conversationId)).priority, 'urgent'));
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);

  await phone.reload();
  await header(phone).getByRole('button', { name: 'Properties' }).click();
  assert.equal(await header(phone).getByRole('combobox', { name: 'Priority' }).inputValue(), 'urgent');
  await noSidewaysScroll(phone);

  // The admin page at 390 px too.
  await phone.goto(`${cluster.url}/inbox/ticket-properties`);
  await phone.getByRole('heading', { name: 'Ticket properties' }).waitFor();
  await phone.getByLabel('Options', { exact: true }).waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.context().close();
});
