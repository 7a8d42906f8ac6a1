/**
 * Inbox lists in a real browser against a real server (I3, I5, I8): rows show the unread dot, the
 * last sender and a plain-text preview (markup stays text); the Chatflow filter narrows the list;
 * "Load more" fetches the next page; reassigning to a team from the Assignee dropdown moves the
 * chat into that team's view in the navigation, with its count. axe finds nothing serious; at
 * 390 px the list with its filters fits without sideways scrolling. Needs `npm run build` and
 * /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createVisitorSession, httpAs, login } from '../../server/test/helpers/clients.js';
import { settle } from '../../server/test/helpers/routing.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, eventually, launchBrowser, seriousA11yViolations, signIn, viewCount } from '../../../e2e/browser.js';

const HOSTILE = '<img src=x onerror="document.title=\'owned\'"> is my parcel lost?';

let cluster: TestCluster;
let browser: Browser;
let admin: ReturnType<typeof httpAs>;
let returnsChatflowId: number;
let teamId: number;

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const site = (await admin('GET', '/api/admin/sites')).body.sites[0];
  const created = await admin('POST', '/api/admin/chatflows', { siteId: site.id, name: 'Returns', published: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  returnsChatflowId = created.body.chatflow.id;
  const me = (await admin('GET', '/api/me')).body.user;
  const team = await admin('POST', '/api/admin/teams', { name: 'Billing', memberIds: [me.id] });
  assert.equal(team.status, 201);
  teamId = team.body.team.id;
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await cluster?.close();
});

/** A new visitor writes; later lines follow the first. Returns the visitor's display name. */
async function visitorSays(lines: string[], chatflowId?: number): Promise<{ name: string; conversationId: number }> {
  const session = await createVisitorSession(cluster.url, cluster.siteKey);
  const http = httpAs(cluster.url, null, session.visitorToken);
  let conversationId = 0;
  for (const [i, body] of lines.entries()) {
    const sent = await http('POST', '/api/widget/messages', { clientMessageId: `m-${session.visitorId}-${i}`, body, ...(chatflowId ? { chatflowId } : {}) });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    conversationId = sent.body.message.conversationId;
    // The fallback line ("nobody is available") comes first; the visitor's next line is the newest.
    await settle(cluster);
  }
  return { name: `Visitor ${session.visitorId}`, conversationId };
}

async function noSidewaysScroll(page: Page): Promise<void> {
  await eventually(async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
  });
}

function listRows(page: Page, region: string) {
  return page.getByRole('region', { name: region }).locator('.conversation-list > li');
}

test('rows show the unread dot, the sender and a text preview; the Chatflow filter narrows the list', { timeout: 60_000 }, async () => {
  const order = await visitorSays(['Hello', HOSTILE]);
  const returns = await visitorSays(['Hi', 'I would like to send this back'], returnsChatflowId);
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(agent, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await agent.goto(`${cluster.url}/inbox/unassigned`);
  const list = agent.getByRole('region', { name: 'Unassigned' });

  const row = list.getByRole('link', { name: order.name });
  await row.waitFor();
  assert.match((await row.getAttribute('class')) ?? '', /\bunread\b/);
  assert.equal(await row.locator('.unread-dot').count(), 1);
  assert.match((await row.textContent()) ?? '', /^Unread: /, 'the dot has words for screen readers');
  assert.equal(await row.locator('.item-sender').innerText(), `${order.name}:`);
  assert.equal(await row.locator('.item-preview-text').innerText(), HOSTILE, 'markup shown as text');
  assert.equal(await list.locator('img').count(), 0, 'nothing rendered from the message');
  assert.notEqual(await agent.title(), 'owned');
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // Chatflow filter: only the Returns chat is left; back to any chatflow, both are there.
  await agent.getByRole('group', { name: 'Filters' }).getByLabel('Chatflow').selectOption({ label: 'Returns' });
  await eventually(async () => {
    assert.equal(await list.getByRole('link', { name: order.name }).count(), 0);
    assert.equal(await list.getByRole('link', { name: returns.name }).count(), 1);
  });
  assert.equal(await list.getByRole('link', { name: returns.name }).locator('.item-preview-text').innerText(), 'I would like to send this back');
  for (const label of ['Status', 'Assignee', 'Team', 'Chatflow', 'Priority']) assert.equal(await agent.getByRole('group', { name: 'Filters' }).getByLabel(label, { exact: true }).count(), 1, label);
  assert.deepEqual(await seriousA11yViolations(agent), []);
  await agent.getByRole('group', { name: 'Filters' }).getByLabel('Chatflow').selectOption({ label: 'Any chatflow' });
  await list.getByRole('link', { name: order.name }).waitFor();

  // Opening the chat reads it: the dot goes.
  await list.getByRole('link', { name: order.name }).click();
  await agent.getByRole('heading', { name: order.name }).waitFor();
  await eventually(async () => assert.equal(await list.getByRole('link', { name: order.name }).locator('.unread-dot').count(), 0));
  await agent.context().close();
});

test('"Load more" fetches the next page of a long list', { timeout: 90_000 }, async () => {
  // 50 rows a page: make sure there are more than that open.
  for (let i = 0; i < 52; i++) await visitorSays([`Bulk ${i}`]);
  const total = Number((await admin('GET', '/api/conversations/counts')).body.all);
  assert.ok(total > 50);
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(agent, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await agent.goto(`${cluster.url}/inbox/all`);
  await eventually(async () => assert.equal(await listRows(agent, 'All').count(), 50));
  const more = agent.getByRole('region', { name: 'All' }).getByRole('button', { name: 'Load more' });
  await more.click();
  await eventually(async () => assert.equal(await listRows(agent, 'All').count(), total));
  assert.equal(await more.count(), 0, 'nothing more to load');
  await agent.context().close();
});

test('reassigning to a team moves the chat to the team view, with its count', { timeout: 60_000 }, async () => {
  const chat = await visitorSays(['Billing question', 'My invoice is wrong']);
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(agent, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await agent.goto(`${cluster.url}/inbox/conversations/${chat.conversationId}`);
  await agent.getByRole('heading', { name: chat.name }).waitFor();
  assert.equal(await viewCount(agent, 'Billing'), 0);

  await agent.locator('.thread-header').getByLabel('Assignee').selectOption({ label: 'Billing (team)' });
  await agent.getByText('Team: Billing').waitFor();
  await eventually(async () => assert.equal(await viewCount(agent, 'Billing'), 1));
  const stored = await cluster.nodes[0]!.server.ctx.storage.db.selectFrom('conversations').select(['team_id', 'assignee_id']).where('id', '=', chat.conversationId).executeTakeFirstOrThrow();
  assert.equal(Number(stored.team_id), teamId);
  assert.equal(stored.assignee_id, null, 'unassigned within the team');

  await agent.getByRole('link', { name: /^Billing/ }).click();
  const teamList = agent.getByRole('region', { name: 'Billing' });
  await teamList.getByRole('link', { name: chat.name }).waitFor();
  assert.equal(await listRows(agent, 'Billing').count(), 1, 'only the team\'s chat');
  assert.equal(await agent.getByRole('link', { name: /^Billing/ }).getAttribute('aria-current'), 'page');
  assert.deepEqual(await seriousA11yViolations(agent), []);
  await agent.context().close();
});

test('at 390 px the list with its filters fits without sideways scrolling and passes axe', { timeout: 30_000 }, async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.goto(`${cluster.url}/inbox/unassigned`);
  await phone.getByRole('region', { name: 'Unassigned' }).locator('.item-preview').first().waitFor();
  await phone.getByRole('group', { name: 'Filters' }).getByLabel('Priority').waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  let listRequests = 0;
  phone.on('request', (request) => {
    if (request.url().includes('/api/conversations?')) listRequests++;
  });
  // Opened straight at a team view: the lists load, then settle (no request loop).
  await phone.goto(`${cluster.url}/inbox/team/${teamId}`);
  await phone.getByRole('region', { name: 'Billing' }).locator('.conversation-list > li').first().waitFor();
  await phone.waitForTimeout(1500);
  listRequests = 0;
  await phone.waitForTimeout(1500);
  assert.equal(listRequests, 0, 'no list is fetched again and again');
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.context().close();
});
