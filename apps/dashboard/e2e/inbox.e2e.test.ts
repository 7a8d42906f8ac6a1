/**
 * The inbox in a real browser against a real server (sqlite, port 0): sign-in, a visitor's chat
 * arriving live, typing, replying, closing, inviting an agent, and the agent permission rule.
 * Needs the built SPA (`npm run test:e2e -w apps/dashboard` builds it first) and /usr/bin/chromium;
 * without either it fails, it does not skip.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectVisitor } from '../../server/test/helpers/clients.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, seriousA11yViolations, signIn, viewCount } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
let admin: Page;

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  admin = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
});

after(async () => {
  await browser?.close();
  await cluster?.close();
});

test('sign-in refuses a wrong password, then signs in', async () => {
  await admin.goto(`${cluster.url}/`);
  assert.equal(await admin.evaluate(() => document.documentElement.lang), 'en');
  await admin.getByLabel('Email').fill(ADMIN_EMAIL);
  await admin.getByLabel('Password').fill('not-the-password');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  assert.match(await admin.getByRole('alert').innerText(), /wrong/i);
  assert.deepEqual(await seriousA11yViolations(admin), []);
  await signIn(admin, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  assert.match(admin.url(), /\/inbox\/unassigned$/);
});

test('a visitor chat arrives live; typing shows; a reply assigns it; closing makes it read-only', async () => {
  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const hostile = '<img src=x onerror="document.title=\'pwned\'"> first line\nsecond line';
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v-1', body: hostile });
  const conversationId = sent.message.conversationId;

  const item = admin.getByRole('link', { name: /Visitor/ }).first();
  await item.waitFor();
  await eventually(async () => assert.equal(await viewCount(admin, 'Unassigned'), 1));
  await item.click();
  assert.match(admin.url(), new RegExp(`/inbox/conversations/${conversationId}$`));
  await admin.getByRole('button', { name: 'Assign to me' }).waitFor();
  // Text, never HTML: the markup shows literally and no element is created from it.
  await admin.locator('.messages').getByText('<img src=x', { exact: false }).waitFor();
  assert.equal(await admin.locator('.messages img').count(), 0);
  // The same goes for the offer banner's preview of the message.
  await admin.locator('.offers').getByText('<img src=x', { exact: false }).waitFor();
  assert.equal(await admin.locator('.offers img').count(), 0);

  await visitor.rt.send('typing.set', { conversationId, typing: true });
  await admin.getByText('Visitor is typing…').waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await admin.getByLabel('Reply').fill('Happy to help!');
  await admin.getByLabel('Reply').press('Enter');
  await admin.getByText('Assigned to Admin').waitFor();
  await admin.locator('.message.from-user:not(.pending)', { hasText: 'Happy to help!' }).waitFor();
  await eventually(async () => assert.equal(await viewCount(admin, 'Mine'), 1));
  assert.equal(await viewCount(admin, 'Unassigned'), 0);

  await admin.getByRole('button', { name: 'Close conversation' }).click();
  await admin.getByText(/^Closed .*\(closed by an agent\)$/).waitFor();
  assert.equal(await admin.getByLabel('Reply').count(), 0);
  await eventually(async () => assert.equal(await viewCount(admin, 'Closed'), 1));
  visitor.close();
});

test('an invited agent cannot open a chat assigned to someone else until it is handed over', async () => {
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByLabel('Name').fill('Aino Agent');
  await admin.getByLabel('Email').fill('aino@example.com');
  await admin.getByRole('button', { name: 'Add user' }).click();
  const inviteUrl = await admin.getByLabel('Invitation link').inputValue();
  assert.match(inviteUrl, /\/inbox\/invite\?token=/);
  assert.deepEqual(await seriousA11yViolations(admin), []);

  const agent = await (await browser.newContext()).newPage();
  // The link is built from the server's public URL, which a port-0 test server cannot know.
  const invite = new URL(inviteUrl);
  await agent.goto(`${cluster.url}${invite.pathname}${invite.search}`);
  await agent.getByLabel('Password').fill('aino-password-1');
  await agent.getByRole('button', { name: 'Accept invitation' }).click();
  await agent.getByRole('navigation', { name: 'Inbox' }).waitFor();
  assert.equal(await agent.getByRole('link', { name: 'Users' }).count(), 0);

  const visitor = await connectVisitor(cluster.url, cluster.wsUrl, cluster.siteKey);
  const sent = await visitor.rt.send('message.send', { clientMessageId: 'v-2', body: 'Second chat' });
  const id = sent.message.conversationId;
  await admin.goto(`${cluster.url}/inbox/conversations/${id}`);
  await admin.getByRole('button', { name: 'Assign to me' }).click();
  await admin.getByText('Assigned to Admin').waitFor();

  await agent.goto(`${cluster.url}/inbox/conversations/${id}`);
  await agent.getByText('This conversation is assigned to someone else.').waitFor();

  // The thread header's dropdown (the list's Assignee filter has the same name).
  await admin.locator('.thread-header').getByLabel('Assignee').selectOption({ label: 'Aino Agent' });
  await agent.getByLabel('Reply').waitFor();
  await agent.getByText('Second chat').waitFor();
  visitor.close();
});
