/**
 * I1 profile in a real browser against a real server: an agent renames themself through "Name",
 * changes their password through "Current password" / "New password" (a wrong current password is
 * refused in an alert), signs out and back in with the new one; axe finds nothing serious, and at
 * 390 px nothing scrolls sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { httpAs, login } from '../../server/test/helpers/clients.js';
import { startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
const EMAIL = 'pia@example.com';
const FIRST_PASSWORD = 'pia-first-passphrase';
const NEW_PASSWORD = 'pia-second-passphrase';

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const created = await admin('POST', '/api/admin/users', { email: EMAIL, name: 'Pia', role: 'agent', password: FIRST_PASSWORD });
  assert.equal(created.status, 201);
});

after(async () => {
  await browser?.close();
  await cluster?.close();
});

test('rename through "Name", change the password, sign out and in with the new one', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await signIn(page, cluster.url, EMAIL, FIRST_PASSWORD);
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('heading', { name: 'Profile' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);

  const name = page.getByLabel('Name', { exact: true });
  assert.equal(await name.inputValue(), 'Pia');
  await name.fill('  Pia Lindqvist ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
  await page.locator('.me-name', { hasText: 'Pia Lindqvist' }).waitFor();

  // A wrong current password is refused in an alert, and the old password still works afterwards.
  await page.getByLabel('Current password', { exact: true }).fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);

  await page.getByLabel('Current password', { exact: true }).fill(FIRST_PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the earlier problem is gone');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByLabel('Email').waitFor();
  await assert.rejects(login(cluster.url, EMAIL, FIRST_PASSWORD), /401/);
  await signIn(page, cluster.url, EMAIL, NEW_PASSWORD);
  await page.locator('.me-name', { hasText: 'Pia Lindqvist' }).waitFor();
  await page.context().close();
});

test('at 390 px the profile page fits without sideways scrolling and stays axe clean', async () => {
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(phone, cluster.url, EMAIL, NEW_PASSWORD);
  await phone.goto(`${cluster.url}/inbox/profile`);
  await phone.getByLabel('Current password', { exact: true }).waitFor();
  await phone.getByRole('button', { name: 'Sign out of all other sessions' }).click();
  await phone.getByRole('status').filter({ hasText: /no other sessions|Signed out of/ }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  for (const label of ['Name', 'Current password', 'New password']) {
    const box = await phone.getByLabel(label, { exact: true }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${label} fits`);
  }
  assert.deepEqual(await seriousA11yViolations(phone), []);
  await phone.context().close();
});
