/**
 * A custom routing rule on a bot answer (W8, R1) in the chatflow editor, in a real browser
 * against a real server: the condition's Question and Answer are picked from the chatflow's saved
 * flow, saved as `{ field: 'answer', cardId, value }`, and read back after a reload; a flow
 * without questions says so. Axe on the screen. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { seriousA11yViolations } from '../../../e2e/browser.js';
import { adminPastSetup, signedInPage, startInboxBench, type AdminHttp, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;
let admin: Page;
let adminHttp: AdminHttp;
let chatflowId = 0;
let plainId = 0;

const FLOW = [
  {
    id: 'topic',
    type: 'question',
    text: 'What brings you here?',
    answers: [
      { label: 'Pricing', cards: [{ type: 'liveChat', onlineMessage: 'One moment.', offlineMessage: 'Nobody is here.', waitSeconds: 60, offline: [] }] },
      { label: 'Support', cards: [{ type: 'message', text: 'See our guides.' }] },
    ],
  },
];

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
  const site = (await adminHttp('GET', '/api/admin/sites')).body.sites[0];
  const created = await adminHttp('POST', '/api/admin/chatflows', { siteId: site.id, name: 'Sales flow', flow: FLOW });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  chatflowId = created.body.chatflow.id;
  const plain = await adminHttp('POST', '/api/admin/chatflows', { siteId: site.id, name: 'No questions' });
  plainId = plain.body.chatflow.id;
  assert.equal((await adminHttp('POST', '/api/admin/teams', { name: 'Sales', memberIds: [] })).status, 201);
  admin = await signedInPage(bench, { viewport: { width: 1400, height: 900 } });
});

after(() => bench?.close());

test('a rule on a bot answer is picked from the flow, saved and read back', async () => {
  await admin.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  await admin.getByLabel('Assignment mode').selectOption({ label: 'Custom rules' });
  await admin.getByRole('button', { name: 'Add rule', exact: true }).click();
  const rule = admin.getByRole('group', { name: 'Rule 1', exact: true });
  const condition = rule.getByRole('group', { name: 'Rule 1, condition 1' });
  await condition.getByLabel('Field', { exact: true }).selectOption({ label: 'Bot answer' });
  await condition.getByLabel('Question', { exact: true }).selectOption({ label: 'What brings you here?' });
  await condition.getByLabel('Answer', { exact: true }).selectOption({ label: 'Pricing' });
  await rule.getByLabel('Route to').selectOption({ label: 'A team' });
  await rule.getByLabel('Team', { exact: true }).selectOption({ label: 'Sales' });
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const stored = (await adminHttp('GET', `/api/admin/chatflows/${chatflowId}`)).body.chatflow;
  assert.deepEqual(stored.routing.rules[0].conditions, [{ field: 'answer', cardId: 'topic', value: 'Pricing' }]);

  await admin.reload();
  await admin.getByLabel('Assignment mode').waitFor();
  const readBack = admin.getByRole('group', { name: 'Rule 1, condition 1' });
  assert.equal(await readBack.getByLabel('Question', { exact: true }).inputValue(), 'topic');
  assert.equal(await readBack.getByLabel('Answer', { exact: true }).inputValue(), 'Pricing');
});

test('a flow without question cards says there is nothing to pick yet', async () => {
  await admin.goto(`${cluster.url}/inbox/chatflows/${plainId}`);
  await admin.getByLabel('Assignment mode').selectOption({ label: 'Custom rules' });
  await admin.getByRole('button', { name: 'Add rule', exact: true }).click();
  const condition = admin.getByRole('group', { name: 'Rule 1, condition 1' });
  await condition.getByLabel('Field', { exact: true }).selectOption({ label: 'Bot answer' });
  await condition.getByText('The flow has no saved question cards yet').waitFor();
  assert.equal(await condition.getByLabel('Question', { exact: true }).count(), 0);
});
