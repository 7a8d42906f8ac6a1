/**
 * Contact criteria in the chatflow editor (W6, R1) in a real browser against a real server: a
 * filter group of the Target tab gets "contact organization is Acme" and "contact property plan
 * is set", a custom routing rule gets "contact property plan is enterprise" and "visitor is
 * known"; saved, stored as the engine's criteria, and read back after a reload. Axe on each
 * screen, and no sideways scrolling at 390 px. Needs `npm run build` and /usr/bin/chromium.
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

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
  const site = (await adminHttp('GET', '/api/admin/sites')).body.sites[0];
  const created = await adminHttp('POST', '/api/admin/chatflows', { siteId: site.id, name: 'Customers' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  chatflowId = created.body.chatflow.id;
  assert.equal((await adminHttp('POST', '/api/admin/teams', { name: 'Enterprise', memberIds: [] })).status, 201);
  admin = await signedInPage(bench, { viewport: { width: 1400, height: 900 } });
});

after(() => bench?.close());

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('a contact criterion in a filter group and in a routing rule is saved and read back', async () => {
  await admin.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);

  // Target: organization is Acme, and the plan property is set (no value to type).
  await tab(admin, 'Target').click();
  const target = admin.getByRole('tabpanel', { name: 'Target' });
  await target.getByRole('button', { name: 'Add filter group' }).click();
  const first = target.getByRole('group', { name: 'Rule 1 of filter group 1' });
  await first.getByLabel('Field', { exact: true }).selectOption({ label: 'Contact field' });
  await first.getByLabel('Contact field', { exact: true }).selectOption({ label: 'Organization' });
  await first.getByLabel('Operator', { exact: true }).selectOption({ label: 'is' });
  await first.getByLabel('Value', { exact: true }).fill('Acme');
  await target.getByRole('button', { name: 'Add rule' }).click();
  const second = target.getByRole('group', { name: 'Rule 2 of filter group 1' });
  await second.getByLabel('Field', { exact: true }).selectOption({ label: 'Contact property' });
  await second.getByLabel('Property name', { exact: true }).fill('plan');
  await second.getByLabel('Operator', { exact: true }).selectOption({ label: 'is set' });
  assert.equal(await second.getByLabel('Value', { exact: true }).count(), 0, '"is set" takes no value');
  assert.deepEqual(await seriousA11yViolations(admin), []);

  // Build: custom rules, plan is enterprise and the visitor is known → the Enterprise team.
  await tab(admin, 'Build').click();
  await admin.getByLabel('Assignment mode').selectOption({ label: 'Custom rules' });
  await admin.getByRole('button', { name: 'Add rule', exact: true }).click();
  const rule = admin.getByRole('group', { name: 'Rule 1', exact: true });
  const plan = rule.getByRole('group', { name: 'Rule 1, condition 1' });
  await plan.getByLabel('Field', { exact: true }).selectOption({ label: 'Contact property' });
  await plan.getByLabel('Property name', { exact: true }).fill('plan');
  await plan.getByLabel('Operator', { exact: true }).selectOption({ label: 'is' });
  await plan.getByLabel('Value', { exact: true }).fill('enterprise');
  await rule.getByRole('button', { name: 'Add condition to rule 1' }).click();
  const known = rule.getByRole('group', { name: 'Rule 1, condition 2' });
  await known.getByLabel('Field', { exact: true }).selectOption({ label: 'Visitor is known or unknown' });
  await known.getByLabel('Visitor is', { exact: true }).selectOption({ label: 'Known contact' });
  await rule.getByLabel('Route to').selectOption({ label: 'A team' });
  await rule.getByLabel('Team', { exact: true }).selectOption({ label: 'Enterprise' });
  assert.deepEqual(await seriousA11yViolations(admin), []);

  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const stored = (await adminHttp('GET', `/api/admin/chatflows/${chatflowId}`)).body.chatflow;
  assert.deepEqual(stored.targeting, {
    groups: [
      [
        { field: 'contact', attribute: 'organization', op: 'is', value: 'Acme' },
        { field: 'contactProperty', name: 'plan', op: 'isSet', value: '' },
      ],
    ],
    exclusions: [],
  });
  assert.equal(stored.routing.mode, 'custom_rules');
  assert.deepEqual(stored.routing.rules[0].conditions, [
    { field: 'contactProperty', name: 'plan', op: 'is', value: 'enterprise' },
    { field: 'visitor', value: 'known' },
  ]);
  assert.equal(stored.routing.rules[0].target.kind, 'team');

  await admin.reload();
  await admin.getByLabel('Assignment mode').waitFor();
  const readBack = admin.getByRole('group', { name: 'Rule 1, condition 1' });
  assert.equal(await readBack.getByLabel('Property name', { exact: true }).inputValue(), 'plan');
  assert.equal(await readBack.getByLabel('Value', { exact: true }).inputValue(), 'enterprise');
  assert.equal(await admin.getByRole('group', { name: 'Rule 1, condition 2' }).getByLabel('Visitor is', { exact: true }).inputValue(), 'known');
  await tab(admin, 'Target').click();
  const shown = admin.getByRole('group', { name: 'Rule 1 of filter group 1' });
  assert.equal(await shown.getByLabel('Contact field', { exact: true }).inputValue(), 'organization');
  assert.equal(await shown.getByLabel('Value', { exact: true }).inputValue(), 'Acme');
});

test('a contact criterion without a value is named before saving, and the rows fit a phone', async () => {
  const phone = await signedInPage(bench, { viewport: { width: 390, height: 844 } });
  await phone.goto(`${cluster.url}/inbox/chatflows/${chatflowId}`);
  await tab(phone, 'Target').click();
  const target = phone.getByRole('tabpanel', { name: 'Target' });
  await target.getByRole('button', { name: 'Add exclusion rule' }).click();
  const exclusion = target.getByRole('group', { name: 'Exclusion rule 1' });
  await exclusion.getByLabel('Field', { exact: true }).selectOption({ label: 'Contact field' });
  await exclusion.getByLabel('Contact field', { exact: true }).selectOption({ label: 'Email domain' });
  await phone.getByRole('button', { name: 'Save', exact: true }).click();
  await target.getByText("A contact rule's value must not be empty.").waitFor();
  const { scrollWidth, innerWidth } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
  assert.deepEqual(await seriousA11yViolations(phone), []);
  const stored = (await adminHttp('GET', `/api/admin/chatflows/${chatflowId}`)).body.chatflow;
  assert.deepEqual(stored.targeting.exclusions, [], 'nothing saved');
  await phone.close();
});
