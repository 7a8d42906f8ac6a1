/**
 * W10 settings in a real browser against a real server: an admin adds a subscription type on the
 * "Subscription types" page, then on a chatflow's Options tab chooses explicit data processing
 * consent, binds the communications checkbox to that type, restores a default text and is told
 * in words that a plain http link is refused before saving; what is saved is what the server
 * keeps. axe finds nothing serious; at 390 px nothing scrolls sideways. Needs `npm run build`
 * and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { defaultConsentTexts } from '@parley/chatflow';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { seriousA11yViolations } from '../../../e2e/browser.js';
import { PHONE, adminPastSetup, noSidewaysScroll, signedInPage, startInboxBench, type AdminHttp, type InboxBench } from './inboxTestKit.js';

let bench: InboxBench;
let cluster: TestCluster;
let adminHttp: AdminHttp;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  adminHttp = await adminPastSetup(cluster);
}, { timeout: 30_000 });

after(() => bench?.close());

test('subscription types on their page, consent on the chatflow Options tab', { timeout: 90_000 }, async () => {
  const admin = await signedInPage(bench, { viewport: { width: 1280, height: 860 } });
  await admin.getByRole('link', { name: 'Subscription types' }).click();
  await admin.getByText('No subscription types yet.').waitFor();
  const add = admin.getByRole('form', { name: 'Add subscription type' });
  await add.getByLabel('Name', { exact: true }).fill('Newsletter');
  await add.getByLabel('Description', { exact: true }).fill('Monthly news');
  await add.getByRole('button', { name: 'Add subscription type' }).click();
  await admin.getByRole('listitem').filter({ hasText: 'Newsletter' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(admin), []);
  const typeId = (await adminHttp('GET', '/api/admin/subscription-types')).body.subscriptionTypes[0].id as number;

  const flow = (await adminHttp('GET', '/api/admin/chatflows')).body.chatflows[0];
  await admin.goto(`${cluster.url}/inbox/chatflows/${flow.id}`);
  await admin.getByRole('tab', { name: 'Options', exact: true }).click();
  const consent = admin.getByRole('group', { name: 'Consent', exact: true });
  await consent.getByRole('radio', { name: /^Explicit/ }).check();
  const dataText = consent.getByRole('textbox', { name: 'Data processing text' });
  await dataText.fill('Something else');
  await consent.getByRole('button', { name: 'Restore default text: Data processing text' }).click();
  assert.equal(await dataText.inputValue(), defaultConsentTexts('en').dataProcessing);
  await consent.getByRole('checkbox', { name: 'Offer a communications consent checkbox' }).check();
  await consent.getByRole('combobox', { name: 'Subscription type' }).selectOption(String(typeId));
  await consent.getByRole('textbox', { name: 'Privacy policy link' }).fill('http://shop.example/privacy');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByText('The privacy policy link must be an https:// address (or none).').first().waitFor();
  await consent.getByRole('textbox', { name: 'Privacy policy link' }).fill('https://shop.example/privacy');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByRole('status').getByText('Saved.').waitFor();
  const saved = (await adminHttp('GET', `/api/admin/chatflows/${flow.id}`)).body.chatflow.consent;
  assert.equal(saved.dataProcessing.mode, 'explicit');
  assert.equal(saved.dataProcessing.text, defaultConsentTexts('en').dataProcessing);
  assert.deepEqual(saved.communications, { enabled: true, text: defaultConsentTexts('en').communications, subscriptionTypeId: typeId });
  assert.equal(saved.privacyPolicyUrl, 'https://shop.example/privacy');
  assert.deepEqual(await seriousA11yViolations(admin), []);

  const phone = await signedInPage(bench, { viewport: PHONE });
  await phone.goto(`${cluster.url}/inbox/chatflows/${flow.id}`);
  await phone.getByRole('tab', { name: 'Options', exact: true }).click();
  await phone.getByRole('group', { name: 'Consent', exact: true }).waitFor();
  await noSidewaysScroll(phone);
  await phone.goto(`${cluster.url}/inbox/subscription-types`);
  await phone.getByRole('listitem').filter({ hasText: 'Newsletter' }).waitFor();
  await noSidewaysScroll(phone);
});
