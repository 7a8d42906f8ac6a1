/**
 * W10 cookie notice "on exit intent" in a real browser against a real node (drivers by
 * PARLEY_TEST_DRIVERS), the widget on a desktop host page of another origin: with the chat open
 * the notice waits; the pointer leaving the page through its side changes nothing; leaving
 * through the top edge of the host page (which the chat frame cannot see; the loader's API chunk
 * tells it) shows the notice, and accepting it records the cookie consent with its text.
 * Steps run in order; after a failed one the rest fail fast.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import type { FrameLocator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { storage } from '../apps/server/test/helpers/routing.js';
import { assertAccessible, eventually } from './browser.js';
import { failFastSteps, openChat, startChatScene, type ChatScene } from './chatKit.js';

const COOKIE_TEXT = 'The chat keeps an identifier in your browser while you are here.';
const step = failFastSteps(20_000);

let scene: ChatScene;
let page: Page;
let chat: FrameLocator;

before(async () => {
  scene = await startChatScene();
}, { timeout: 30_000 });

after(() => scene?.close());

const notice = () => chat.getByRole('region', { name: 'Cookie notice' });

step(`the chatflow shows its cookie notice on exit intent; with the chat open it waits (${DRIVERS})`, async () => {
  const admin = httpAs(scene.cluster.url, (await login(scene.cluster.url)).cookie);
  const listed = await admin('GET', '/api/admin/chatflows');
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const patched = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, { consent: { cookie: { enabled: true, when: 'exitIntent', text: COOKIE_TEXT } } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }
  page = await scene.newPage({ viewport: { width: 1280, height: 800 } });
  chat = await openChat(page, `${scene.host.sameSiteUrl}/`);
  await chat.getByRole('textbox', { name: 'Message' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await notice().count(), 0, 'no notice before exit intent');
});

step('leaving the host page through its side is no exit intent', async () => {
  await page.mouse.move(300, 400);
  await page.mouse.move(1400, 400, { steps: 3 });
  await page.waitForTimeout(300);
  assert.equal(await notice().count(), 0);
});

step('leaving the host page through its top edge shows the notice in the chat; accepting records it with its text', async (t) => {
  await page.mouse.move(300, 300);
  await page.mouse.move(300, -10, { steps: 3 });
  await notice().getByText(COOKIE_TEXT).waitFor();
  await assertAccessible(t, 'the cookie notice after exit intent', page);
  await notice().getByRole('button', { name: 'Accept' }).click();
  await notice().waitFor({ state: 'detached' });
  await eventually(async () => {
    const rows = await storage(scene.cluster).selectFrom('consents').selectAll().where('kind', '=', 'cookie').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.granted, 1);
    assert.equal(rows[0]!.text, COOKIE_TEXT);
  });
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
