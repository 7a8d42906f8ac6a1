/**
 * W10 consent in real browsers against a real node (drivers by PARLEY_TEST_DRIVERS), the widget on
 * a host page of another origin in a 390 px phone: the cookie banner shows first; explicit data
 * processing consent keeps the composer disabled until "I agree" is clicked, with the privacy
 * policy and terms links beside it; the texts render as the safe Markdown subset (an inline link,
 * bold; tags and a `javascript:` link stay text); the message then goes through, and the agent's
 * sidebar shows the consents with their exact text. One scenario in order; a step after a failed
 * one fails at once.
 *
 * Needs the built front ends (`npm run build` at the root) and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Chatflow } from '@parley/protocol';
import type { Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import { assertAccessible, signIn } from './browser.js';
import { chatFrame, chatOf, failFastSteps, openChat, sendAsVisitor, startVisitorAndAgent, unassignedVisitor, type ChatScene } from './chatKit.js';

const AGENT = { name: 'Cora Consent', email: 'cora@example.com', password: 'cora-password-1' };
const DATA_TEXT = 'We keep what you write here for **12 months** to answer you. <b>Tags</b> stay text, as does [this](javascript:alert(1)).';
const DATA_SHOWN = 'We keep what you write here for 12 months to answer you. <b>Tags</b> stay text, as does [this](javascript:alert(1)).';
const COOKIE_POLICY = 'https://example.com/cookies';
const COOKIE_TEXT = `The chat keeps an identifier in your browser, see the [cookie policy](${COOKIE_POLICY}).`;
const COOKIE_SHOWN = 'The chat keeps an identifier in your browser, see the cookie policy.';
const PRIVACY = 'https://example.com/privacy';
const TERMS = 'https://example.com/terms';
const REL = 'noopener noreferrer nofollow';
const step = failFastSteps(20_000);

let scene: ChatScene;
let visitor: Page;
let agent: Page;

before(async () => {
  ({ scene, visitor, agent } = await startVisitorAndAgent({ agent: AGENT, visitorPage: { viewport: { width: 390, height: 800 } } }));
}, { timeout: 30_000 });

after(() => scene?.close());

step(`the admin asks for explicit consent; the chat shows the cookie banner, the text, the links and a disabled composer (${DRIVERS})`, async (t) => {
  const admin = httpAs(scene.cluster.url, (await login(scene.cluster.url)).cookie);
  const listed = await admin('GET', '/api/admin/chatflows');
  for (const chatflow of (listed.body as { chatflows: Chatflow[] }).chatflows) {
    const patched = await admin('PATCH', `/api/admin/chatflows/${chatflow.id}`, {
      consent: {
        cookie: { enabled: true, when: 'beforeChat', text: COOKIE_TEXT },
        dataProcessing: { mode: 'explicit', text: DATA_TEXT },
        privacyPolicyUrl: PRIVACY,
        termsUrl: TERMS,
      },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
  }
  const chat = await openChat(visitor, `${scene.host.sameSiteUrl}/`);
  const banner = chat.getByRole('region', { name: 'Cookie notice' });
  await banner.getByText(COOKIE_SHOWN).waitFor();
  await chat.getByText(DATA_SHOWN).waitFor();
  assert.equal(await chat.locator('.consent-text strong').innerText(), '12 months', 'bold is bold');
  assert.equal(await chat.locator('.consent-text b').count(), 0, 'a tag in the text is not markup');
  assert.equal(await chat.getByRole('link', { name: 'this', exact: true }).count(), 0, 'a javascript: link is not a link');
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).isDisabled(), true, 'no writing before "I agree"');
  assert.equal(await chat.getByRole('button', { name: 'Send' }).isDisabled(), true);
  for (const [name, href] of [['cookie policy', COOKIE_POLICY], ['Privacy policy', PRIVACY], ['Terms', TERMS]] as const) {
    const link = chat.getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('href'), href);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), REL);
  }
  const frame = await chatFrame(visitor);
  assert.equal(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling at 390 px');
  await assertAccessible(t, 'the chat window asking for consent', frame);
  await banner.getByRole('button', { name: 'Accept' }).click();
  await banner.waitFor({ state: 'detached' });
});

step('"I agree" enables the composer and the first message goes through', async () => {
  const chat = chatOf(visitor);
  await chat.getByRole('button', { name: 'I agree' }).click();
  await chat.getByRole('button', { name: 'I agree' }).waitFor({ state: 'detached' });
  assert.equal(await chat.getByRole('textbox', { name: 'Message' }).isDisabled(), false);
  await sendAsVisitor(visitor, 'Hello, I agreed');
  await chat.getByRole('log', { name: 'Messages' }).locator('.msg.own:not(.pending) .bubble', { hasText: 'Hello, I agreed' }).waitFor();
  assert.equal(await chat.getByRole('alert').count(), 0, 'no refusal shown');
});

step('the agent sees the consents with their exact text in the sidebar', async (t) => {
  await signIn(agent, scene.cluster.url, AGENT.email, AGENT.password);
  await unassignedVisitor(agent).click();
  const consents = agent.getByRole('region', { name: 'Consents' });
  const data = consents.getByRole('listitem').filter({ hasText: 'Data processing' });
  await data.waitFor();
  assert.match(await data.innerText(), /Agreed/);
  assert.equal(await data.locator('blockquote').innerText(), DATA_TEXT);
  const cookie = consents.getByRole('listitem').filter({ hasText: 'Cookies' });
  assert.equal(await cookie.locator('blockquote').innerText(), COOKIE_TEXT);
  await assertAccessible(t, 'the inbox with the consents in the sidebar', agent);
});

step('no uncaught script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
