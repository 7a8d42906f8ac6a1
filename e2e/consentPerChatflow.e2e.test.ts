/**
 * W10 "I agree" per chatflow in real browsers against a real node (drivers by
 * PARLEY_TEST_DRIVERS): on a single-page shop, chatflow A (the pricing page) and chatflow B
 * (everywhere else) both ask for explicit consent with their own text. The visitor agrees in A;
 * a History API navigation with the chat window open brings B, which asks again with its own text
 * and a disabled composer; once agreed there, the first message starts a conversation in B. One
 * scenario in order; a step after a failed one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import type { Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { storage } from '../apps/server/test/helpers/routing.js';
import { chatOf, failFastSteps, openChat, sendAsVisitor, startChatScene, type ChatScene } from './chatKit.js';

const TEXT_A = 'Pricing questions: we keep what you write for **30 days**.';
const SHOWN_A = 'Pricing questions: we keep what you write for 30 days.';
const TEXT_B = 'Support: we keep what you write for 12 months.';
const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let chatflowA: Chatflow;
let chatflowB: Chatflow;

before(async () => {
  scene = await startChatScene({ host: { singlePageApp: true } });
  visitor = await scene.newPage({ viewport: { width: 1280, height: 800 } });
}, { timeout: 30_000 });

after(() => scene?.close());

const composer = () => chatOf(visitor).getByRole('textbox', { name: 'Message' });
const agreeButton = () => chatOf(visitor).getByRole('button', { name: 'I agree' });

step(`two chatflows ask for explicit consent with their own text: A on the pricing page, B everywhere else (${DRIVERS})`, async () => {
  const admin = httpAs(scene.cluster.url, (await login(scene.cluster.url)).cookie);
  const explicit = (text: string) => ({ cookie: { enabled: false, when: 'beforeChat', text: 'Cookies.' }, dataProcessing: { mode: 'explicit', text } });
  const site = (await admin('GET', '/api/admin/sites')).body.sites[0] as { id: number; chatflows: Chatflow[] };
  chatflowB = site.chatflows[0]!;
  const patched = await admin('PATCH', `/api/admin/chatflows/${chatflowB.id}`, { consent: explicit(TEXT_B) });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const created = await admin('POST', '/api/admin/chatflows', {
    siteId: site.id,
    name: 'Pricing',
    published: true,
    targeting: { groups: [[{ field: 'url', op: 'startsWith', value: '/pricing' }]], exclusions: [] },
    consent: explicit(TEXT_A),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  chatflowA = created.body.chatflow;
  const order = await admin('PUT', `/api/admin/sites/${site.id}/chatflow-order`, { chatflowIds: [chatflowA.id, chatflowB.id] });
  assert.equal(order.status, 200, JSON.stringify(order.body));
});

step('on the pricing page the visitor agrees to A\'s text', async () => {
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/pricing?plan=pro`);
  await chat.getByText(SHOWN_A).waitFor();
  assert.equal(await composer().isDisabled(), true);
  await agreeButton().click();
  await agreeButton().waitFor({ state: 'detached' });
  assert.equal(await composer().isDisabled(), false);
});

step('a navigation to another page with the window open brings B, which asks again', async () => {
  await visitor.getByRole('link', { name: 'About' }).click();
  const chat = chatOf(visitor);
  await chat.getByText(TEXT_B).waitFor();
  assert.equal(await chat.getByText(SHOWN_A).count(), 0, 'A\'s text is gone');
  await agreeButton().waitFor();
  assert.equal(await composer().isDisabled(), true, 'agreeing to A\'s text does not count for B');
});

step('agreed in B, the first message starts a conversation in B', async () => {
  await agreeButton().click();
  await agreeButton().waitFor({ state: 'detached' });
  await sendAsVisitor(visitor, 'Hello from the about page');
  const chat = chatOf(visitor);
  await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending) .bubble', { hasText: 'Hello from the about page' }).waitFor();
  const db = storage(scene.cluster);
  const conversations = await db.selectFrom('conversations').select(['chatflow_id', 'visitor_id']).execute();
  assert.deepEqual(conversations.map((c) => Number(c.chatflow_id)), [chatflowB.id]);
  const consents = await db.selectFrom('consents').select(['chatflow_id', 'granted', 'text']).where('visitor_id', '=', conversations[0]!.visitor_id).orderBy('id').execute();
  assert.deepEqual(
    consents.map((c) => [Number(c.chatflow_id), c.granted, c.text]),
    [
      [chatflowA.id, 1, TEXT_A],
      [chatflowB.id, 1, TEXT_B],
    ],
  );
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
