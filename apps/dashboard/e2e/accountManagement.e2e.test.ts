/**
 * I1 in a real browser against a real server: an agent uploads an avatar on the Profile page (shown
 * there and next to their name, refused for a non-image) and removes it; an admin deactivates,
 * reactivates and deletes a user on the Users page, each after a confirmation, and the deleted
 * user can no longer sign in. axe finds nothing serious; at 390 px nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { httpAs, login } from '../../server/test/helpers/clients.js';
import { IMAGES } from '../../server/test/helpers/brandingImages.js';
import { startCluster, ADMIN_EMAIL, ADMIN_PASSWORD, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
const AGENT = { email: 'sam@example.com', name: 'Sam', password: 'sam-first-passphrase' };
const LEAVER = { email: 'lee@example.com', name: 'Lee', password: 'lee-first-passphrase' };

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  cluster = await startCluster();
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  for (const user of [AGENT, LEAVER]) {
    assert.equal((await admin('POST', '/api/admin/users', { ...user, role: 'agent' })).status, 201);
  }
});

after(async () => {
  await browser?.close();
  await cluster?.close();
});

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
}

for (const width of [1280, 390]) {
  test(`at ${width} px: upload an avatar on the Profile page, see it, remove it`, async () => {
    const page = await (await browser.newContext({ viewport: { width, height: 844 } })).newPage();
    await signIn(page, cluster.url, AGENT.email, AGENT.password);
    await page.goto(`${cluster.url}/inbox/profile`);
    const picker = page.getByLabel('Avatar', { exact: true });
    await picker.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all') });
    await page.getByRole('alert').filter({ hasText: 'Choose a PNG, JPEG, GIF or WebP image.' }).waitFor();

    await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: IMAGES['image/png'] });
    await page.getByRole('status').filter({ hasText: 'Avatar saved.' }).waitFor();
    const preview = page.getByRole('img', { name: 'Your current avatar' });
    await preview.waitFor();
    // The stored URL names the configured public URL (a placeholder port in tests): fetch its path here.
    const src = new URL((await preview.getAttribute('src'))!);
    assert.match(src.pathname, /^\/files\/[A-Za-z0-9_-]{32}$/);
    const served = await fetch(`${cluster.url}${src.pathname}`);
    assert.equal(served.headers.get('content-type'), 'image/png');
    if (width === 1280) await page.locator('.me-avatar').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'the earlier problem is gone');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await noSidewaysScroll(page);

    await page.getByRole('button', { name: 'Remove avatar' }).click();
    await page.getByRole('status').filter({ hasText: 'Avatar removed.' }).waitFor();
    assert.equal(await page.getByRole('img', { name: 'Your current avatar' }).count(), 0);
    await page.context().close();
  });
}

test('an admin deactivates, reactivates and deletes a user on the Users page, each confirmed', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 844 } })).newPage();
  await signIn(page, cluster.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${cluster.url}/inbox/users`);
  const row = page.getByRole('row').filter({ hasText: LEAVER.email });
  await row.getByRole('button', { name: `Edit ${LEAVER.name}` }).click();

  await page.getByRole('button', { name: 'Deactivate' }).click();
  const confirmDeactivate = page.getByRole('group', { name: `Deactivate ${LEAVER.name}?` });
  await confirmDeactivate.waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);
  await confirmDeactivate.getByRole('button', { name: 'Cancel' }).click();
  await login(cluster.url, LEAVER.email, LEAVER.password);

  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: 'Yes, deactivate' }).click();
  await row.getByText('Deactivated').waitFor();
  await assert.rejects(login(cluster.url, LEAVER.email, LEAVER.password), /401/, 'deactivated: no sign-in');
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await row.getByText('Deactivated').waitFor({ state: 'detached' });
  await login(cluster.url, LEAVER.email, LEAVER.password);

  await page.getByRole('button', { name: 'Delete user' }).click();
  const confirmDelete = page.getByRole('group', { name: `Delete ${LEAVER.name}?` });
  await confirmDelete.getByText('This cannot be undone.').waitFor();
  assert.deepEqual(await seriousA11yViolations(page), []);
  await noSidewaysScroll(page);
  await confirmDelete.getByRole('button', { name: 'Yes, delete' }).click();
  await row.waitFor({ state: 'detached' });
  await assert.rejects(login(cluster.url, LEAVER.email, LEAVER.password), /401/, 'deleted: no sign-in');
  // After a reload too: the server no longer lists them.
  await page.reload();
  await page.getByRole('row').filter({ hasText: AGENT.email }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: LEAVER.name }).count(), 0);
  // Nobody is offered deleting themselves.
  await page.getByRole('row').filter({ hasText: ADMIN_EMAIL }).getByRole('button', { name: /^Edit/ }).click();
  assert.equal(await page.getByRole('button', { name: 'Delete user' }).count(), 0);
  await page.context().close();
});
