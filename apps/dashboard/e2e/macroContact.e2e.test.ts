/**
 * A6 macros with I7 contacts in a real browser against a real server (run on both drivers): a
 * visitor who left their email (W9) is a contact; an admin sets its first name to "Ada" and its
 * organization to "Acme". In the chat the agent types "/" + the shortcut of "Hi
 * {{contact.first_name}} from {{contact.organization}}" and the reply box reads "Hi Ada from
 * Acme" (not the name the visitor typed), with no read of the contact besides the sidebar's. A change
 * of the contact while the chat is open is used by the next insert. At 390 px the same. Needs
 * `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectAgent, type AgentClient } from '../../server/test/helpers/clients.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, signIn } from '../../../e2e/browser.js';
import { assertAccessible, assertNoHorizontalScroll, step, WAIT_MS } from './siteTestKit.js';

const QUESTION = 'Is the invoice ready?';

let cluster: TestCluster;
let browser: Browser;
let admin: AgentClient;
let visitor: WritingVisitor;
let contactId = 0;

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  // The first admin is sent to the setup wizard until it is done; this test is about the inbox.
  await admin.http('POST', '/api/admin/setup/complete', {});

  visitor = await visitorWrites(cluster, QUESTION);
  // The name the visitor typed is not what the contact is called after the agent's edit.
  assert.equal((await visitor.http('POST', '/api/widget/email', { email: 'ada@acme.example', name: 'Augusta' })).status, 204);
  contactId = (await admin.http('GET', `/api/conversations/${visitor.conversationId}/contact`)).body.contact.id;
  const patched = await admin.http('PATCH', `/api/contacts/${contactId}`, { firstName: 'Ada', organizationName: 'Acme' });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const macro = await admin.http('POST', '/api/macros', { shortcut: 'hello', title: 'Hello', body: 'Hi {{contact.first_name}} from {{contact.organization}}', shared: true });
  assert.equal(macro.status, 201, JSON.stringify(macro.body));
}, { timeout: 30_000 });

after(async () => {
  admin?.close();
  await browser?.close();
  await cluster?.close();
});

/** Opens the chat and counts the page's reads of its contact. */
async function openChat(viewport: { width: number; height: number }): Promise<{ page: Page; contactReads: () => number }> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  let reads = 0;
  const contactPath = `/api/conversations/${visitor.conversationId}/contact`;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === contactPath) reads += 1;
  });
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${cluster.url}/inbox/conversations/${visitor.conversationId}`);
  await page.getByRole('log', { name: 'Messages' }).getByText(QUESTION).waitFor();
  return { page, contactReads: () => reads };
}

/** Types "/hello" into an emptied reply box, inserts the only match with Enter, returns the box's text. */
async function insertHello(page: Page): Promise<string> {
  const reply = page.getByRole('textbox', { name: 'Reply' });
  await reply.fill('');
  await reply.pressSequentially('/hello');
  const list = page.getByRole('listbox', { name: 'Macros' });
  await list.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await list.waitFor({ state: 'detached' });
  return reply.inputValue();
}

step('"/hello" fills in the contact’s first name and organization, with no read of its own', async (t) => {
  const { page, contactReads } = await openChat({ width: 1280, height: 860 });
  // The sidebar has the contact (the macro reuses what it read).
  await page.getByRole('region', { name: 'Contact', exact: true }).getByText('Ada', { exact: true }).waitFor();
  const readsBefore = contactReads();
  assert.ok(readsBefore >= 1);
  assert.equal(await insertHello(page), 'Hi Ada from Acme');
  assert.equal(contactReads(), readsBefore, 'inserting reads no contact of its own');
  // Nothing was sent.
  assert.equal(await page.getByRole('log', { name: 'Messages' }).getByText('Hi Ada from Acme').count(), 0);
  await assertAccessible(t, 'the reply box with the macro inserted', page);

  // A colleague renames the organization while the chat is open: the next insert uses it.
  assert.equal((await admin.http('PATCH', `/api/contacts/${contactId}`, { organizationName: 'Acme Ltd' })).status, 200);
  await eventually(async () => assert.equal(await insertHello(page), 'Hi Ada from Acme Ltd'));
  await page.context().close();
});

step('at 390 px the same macro reads the same contact, without sideways scrolling', async () => {
  const { page } = await openChat({ width: 390, height: 844 });
  // On a phone the sidebar sits on the details screen, yet it has read the contact all the same.
  await eventually(async () => assert.equal(await insertHello(page), 'Hi Ada from Acme Ltd'));
  await assertNoHorizontalScroll(page, 'the thread with the macro inserted');
  await page.context().close();
});
