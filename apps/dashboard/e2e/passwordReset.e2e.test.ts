/**
 * I1 password reset in a real browser against a real server and a real SMTP server: "Forgot
 * password?" on the sign-in page → email → the link from the mail → a new password → sign in with
 * it; the link then refuses a second use. axe finds nothing serious on the new pages, and at
 * 390 px nothing scrolls sideways. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { httpAs, login } from '../../server/test/helpers/clients.js';
import { startSmtpSink, type SmtpSink } from '../../server/test/helpers/smtpSink.js';
import { startCluster, type TestCluster } from '../../server/test/helpers/testServer.js';
import { assertFrontEndsBuilt, launchBrowser, seriousA11yViolations, signIn } from '../../../e2e/browser.js';

let cluster: TestCluster;
let browser: Browser;
let sink: SmtpSink;
const EMAIL = 'rae@example.com';
const FIRST_PASSWORD = 'rae-first-passphrase';
const NEW_PASSWORD = 'rae-second-passphrase';

before(async () => {
  assertFrontEndsBuilt();
  browser = await launchBrowser();
  sink = await startSmtpSink();
  cluster = await startCluster({ env: { SMTP_URL: sink.url } });
  const admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
  const created = await admin('POST', '/api/admin/users', { email: EMAIL, name: 'Rae', role: 'agent', password: FIRST_PASSWORD });
  assert.equal(created.status, 201);
});

after(async () => {
  await browser?.close();
  await cluster?.close();
  await sink?.close();
});

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling');
}

/** The mailed link, opened on this test server (the mail names the configured public URL). */
async function mailedResetPath(): Promise<string> {
  const mail = await sink.waitFor((m) => m.envelopeTo.includes(EMAIL));
  const link = /(\S+\/inbox\/reset-password\?token=\S+)/.exec(mail.text)?.[1];
  assert.ok(link, `a reset link in: ${mail.text}`);
  const url = new URL(link);
  return url.pathname + url.search;
}

for (const width of [1280, 390]) {
  test(`at ${width} px: Forgot password → the mailed link → a new password → sign in; the link works once`, async () => {
    const page = await (await browser.newContext({ viewport: { width, height: 844 } })).newPage();
    const before = width === 1280 ? FIRST_PASSWORD : NEW_PASSWORD;
    const after = width === 1280 ? NEW_PASSWORD : `${NEW_PASSWORD}-2`;
    sink.messages.length = 0;

    await page.goto(`${cluster.url}/inbox/`);
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'a reset link is on its way' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await noSidewaysScroll(page);

    const path = await mailedResetPath();
    await page.goto(`${cluster.url}${path}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // A weak password is refused in an alert; the link stays usable.
    await page.getByLabel('New password', { exact: true }).fill('password123');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose a stronger password' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await noSidewaysScroll(page);

    await page.getByLabel('New password', { exact: true }).fill(after);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await assert.rejects(login(cluster.url, EMAIL, before), /401/, 'the old password no longer works');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await signIn(page, cluster.url, EMAIL, after);
    // On a phone the navigation (with who is signed in) waits behind Menu.
    if (width < 768) await page.getByRole('button', { name: 'Menu' }).click();
    await page.locator('.me-name', { hasText: 'Rae' }).waitFor();

    // The same link again, in a fresh browser: refused, and the password stays.
    const again = await (await browser.newContext({ viewport: { width, height: 844 } })).newPage();
    await again.goto(`${cluster.url}${path}`);
    await again.getByLabel('New password', { exact: true }).fill('someone-elses-passphrase');
    await again.getByRole('button', { name: 'Set new password' }).click();
    await again.getByRole('alert').filter({ hasText: 'unknown, already used or expired' }).waitFor();
    await login(cluster.url, EMAIL, after);
    await again.context().close();
    await page.context().close();
  });
}
