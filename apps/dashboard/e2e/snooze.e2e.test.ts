/**
 * Snooze (I3) in a real browser against a real server: the agent opens a chat, presses "Snooze"
 * and picks "1 hour"; the header says until when, the chat leaves Unassigned for the "Snoozed"
 * view and both counts follow; "Unsnooze" brings it back. A custom time in the past is refused in
 * words. axe finds nothing serious with the panel open; at 390 px it fits without sideways
 * scrolling. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { visitorWrites } from '../../server/test/helpers/routing.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually, seriousA11yViolations, viewCount } from '../../../e2e/browser.js';
import { noSidewaysScroll, signedInPage, startInboxBench, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
}, { timeout: 30_000 });

after(() => bench?.close());

test('Snooze moves the chat to "Snoozed" with its count; Unsnooze brings it back', { timeout: 60_000 }, async () => {
  const { visitorId } = await visitorWrites(cluster, 'Please get back to me later');
  const name = `Visitor ${visitorId}`;
  const agent = await signedInPage(bench, { viewport: { width: 1280, height: 860 } });
  await agent.getByRole('region', { name: 'Unassigned' }).getByRole('link', { name }).click();
  await eventually(async () => assert.equal(await viewCount(agent, 'Unassigned'), 1));
  assert.equal(await viewCount(agent, 'Snoozed'), 0);

  const snooze = agent.getByRole('button', { name: 'Snooze', exact: true });
  await snooze.click();
  assert.equal(await snooze.getAttribute('aria-expanded'), 'true');
  const panel = agent.getByRole('group', { name: 'Snooze until' });
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // A custom time in the past is refused in words; nothing is sent.
  await panel.getByLabel('Custom time').fill('2020-01-01T09:00');
  await panel.getByRole('button', { name: 'Set time' }).click();
  await panel.getByRole('alert').getByText('Choose a time in the future.').waitFor();
  assert.equal(await viewCount(agent, 'Snoozed'), 0);

  const before = Date.now();
  await panel.getByRole('button', { name: /^1 hour/ }).click();
  await agent.getByText(/^Snoozed until /).waitFor();
  await agent.getByRole('button', { name: 'Unsnooze' }).waitFor();
  await eventually(async () => {
    assert.equal(await viewCount(agent, 'Snoozed'), 1);
    assert.equal(await viewCount(agent, 'Unassigned'), 0);
  });
  // Stored for about an hour from now.
  const stored = await cluster.nodes[0]!.server.ctx.storage.db.selectFrom('conversations').select('snoozed_until').where('visitor_id', '=', visitorId).executeTakeFirstOrThrow();
  const ahead = Number(stored.snoozed_until) - before;
  assert.ok(ahead > 59 * 60_000 && ahead < 61 * 60_000, `snoozed ${ahead} ms ahead`);

  await agent.getByRole('link', { name: /^Snoozed/ }).click();
  const snoozedList = agent.getByRole('region', { name: 'Snoozed' });
  await snoozedList.getByRole('link', { name }).waitFor();
  assert.equal(await agent.getByRole('region', { name: 'Snoozed' }).getByRole('link', { name: /Visitor \d+/ }).count(), 1);
  assert.deepEqual(await seriousA11yViolations(agent), []);

  // Opened from the Snoozed view, it says so; Unsnooze: back in Unassigned, gone from Snoozed.
  await snoozedList.getByRole('link', { name }).click();
  await agent.getByText(/^Snoozed until /).waitFor();
  await agent.getByRole('button', { name: 'Unsnooze' }).click();
  await agent.getByRole('button', { name: 'Snooze', exact: true }).waitFor();
  await eventually(async () => {
    assert.equal(await viewCount(agent, 'Snoozed'), 0);
    assert.equal(await viewCount(agent, 'Unassigned'), 1);
  });
  await snoozedList.getByText('No snoozed conversations.', { exact: false }).waitFor();
  await agent.context().close();
});

test('at 390 px the Snooze panel fits without sideways scrolling and passes axe', { timeout: 30_000 }, async () => {
  await visitorWrites(cluster, 'Phone check');
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/all`);
  await phone.getByRole('link', { name: /Visitor \d+/ }).first().click();
  await phone.getByRole('button', { name: 'Snooze', exact: true }).click();
  await phone.getByRole('group', { name: 'Snooze until' }).waitFor();
  await noSidewaysScroll(phone);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.getByRole('button', { name: /^Tomorrow 9:00/ }).click();
  await phone.getByText(/^Snoozed until /).waitFor();
  await noSidewaysScroll(phone);
  await phone.context().close();
});
