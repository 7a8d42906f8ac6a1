/**
 * W8 the flow's opening in real browsers against a real node (the drivers chosen by
 * PARLEY_TEST_DRIVERS): a customer's page on another origin embeds the widget at 390 px; before
 * the visitor writes anything the chat shows the flow's first message and its question with the
 * answers as buttons; picking one starts the conversation (the answer is the visitor's own line,
 * the branch goes on with a capture form) and a reload continues there; a typed first line gets
 * the same opening stored before it and the same buttons. A chatflow asking for
 * explicit consent keeps the answers disabled until "I agree", and the server refuses a forced
 * start; a pick made against an opening changed meanwhile is refused in words and the new one
 * shows. The admin's preview shows an unsaved flow's opening and keeps a picked answer in the page.
 *
 * Steps run in order and build on each other; after a failed one the rest fail fast.
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { defaultChatflowTexts, flowOpening, loaderStrings } from '@parley/chatflow';
import type { Chatflow, FlowBranch, LiveChatCard, WidgetConfig } from '@parley/protocol';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertAccessible, eventually } from './browser.js';
import { CHAT_FRAME, chatFrame, chatOf, failFastSteps, openChat, startChatScene, WAIT_MS, type ChatScene } from './chatKit.js';
import type { HostSite } from './hostPage.js';

const step = failFastSteps(30_000);

const HELLO = 'Hi! Quick question first.';
const QUESTION = 'What brings you here?';
const CAPTURE = 'Where can we reach you?';
const SUPPORT_REPLY = 'Our support team will be right with you.';
const DATA_TEXT = 'We keep what you write here to answer you.';

const liveChat: LiveChatCard = { type: 'liveChat', onlineMessage: 'Connecting you now.', offlineMessage: 'We are away right now.', waitSeconds: 60, offline: [] };
const FLOW: FlowBranch = [
  { type: 'message', text: HELLO },
  {
    id: 'topic',
    type: 'question',
    text: QUESTION,
    answers: [
      { label: 'Sales', cards: [{ type: 'capture', text: CAPTURE, fields: ['email'] }, liveChat] },
      { label: 'Support', cards: [{ type: 'message', text: SUPPORT_REPLY }, liveChat] },
    ],
  },
];

let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;
let admin: ReturnType<typeof httpAs>;
let plainChatflowId = 0;
let consentChatflowId = 0;

before(async () => {
  scene = await startChatScene();
  ({ cluster, host } = scene);
  admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
}, { timeout: 30_000 });

after(async () => {
  await scene?.close();
});

const newPage = (): Promise<Page> => scene.newPage({ viewport: { width: 390, height: 844 } });

async function countRows(table: 'conversations' | 'visitors'): Promise<number> {
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The texts of the thread's lines, top to bottom. */
async function threadLines(chat: FrameLocator): Promise<string[]> {
  return (await chat.getByRole('log').locator('.bubble').allInnerTexts()).map((text) => text.trim());
}

async function noSidewaysScroll(frame: Frame): Promise<void> {
  const { scrollWidth, clientWidth } = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, 'no sideways scroll at 390 px');
}

step(`a chatflow opening with a message and a question, and one asking for explicit consent (?consent=1), over the admin API (${DRIVERS})`, async () => {
  const sites = await admin('GET', '/api/admin/sites');
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string; chatflows: Chatflow[] }> }).sites.find((s) => s.siteKey === cluster.siteKey)!;
  // The site's chatflow shows on every page; it goes last so the consent one wins on its pages.
  plainChatflowId = site.chatflows[0]!.id;
  const plain = await admin('PATCH', `/api/admin/chatflows/${plainChatflowId}`, { priority: 100, flow: FLOW });
  assert.equal(plain.status, 200, JSON.stringify(plain.body));
  const consent = await admin('POST', '/api/admin/chatflows', {
    siteId: site.id,
    name: 'With consent',
    language: 'en',
    published: true,
    priority: 0,
    targeting: { groups: [[{ field: 'query', name: 'consent', value: '1' }]], exclusions: [] },
    flow: FLOW,
  });
  assert.equal(consent.status, 201, JSON.stringify(consent.body));
  consentChatflowId = (consent.body as { chatflow: Chatflow }).chatflow.id;
  const asked = await admin('PATCH', `/api/admin/chatflows/${consentChatflowId}`, {
    consent: { cookie: { enabled: false, when: 'beforeChat', text: 'Cookies.' }, dataProcessing: { mode: 'explicit', text: DATA_TEXT } },
  });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
});

let visitor: Page;

step('before writing: the welcome, the message and the question, the answers as buttons; no conversation yet', async (t) => {
  const conversationsBefore = await countRows('conversations');
  visitor = await newPage();
  const chat = await openChat(visitor, `${host.sameSiteUrl}/`);
  const log = chat.getByRole('log');
  await log.getByText(HELLO).waitFor();
  await log.getByText(QUESTION).waitFor();
  await chat.getByRole('button', { name: 'Sales', exact: true }).waitFor();
  await chat.getByRole('button', { name: 'Support', exact: true }).waitFor();
  assert.deepEqual(await threadLines(chat), [defaultChatflowTexts('en').welcomeMessage, HELLO, QUESTION]);
  assert.equal(await countRows('conversations'), conversationsBefore, 'reading the opening starts nothing');
  const frame = await chatFrame(visitor);
  await noSidewaysScroll(frame);
  await assertAccessible(t, 'the chat window with the flow opening', frame);
});

step('picking "Sales" starts the chat: the answer is the visitor\'s own line, then the capture form; each line once', async (t) => {
  const chat = chatOf(visitor);
  await chat.getByRole('button', { name: 'Sales', exact: true }).click();
  const log = chat.getByRole('log');
  await log.locator('.msg.own:not(.pending)').getByText('Sales', { exact: true }).waitFor();
  await log.getByText(CAPTURE).waitFor();
  await chat.getByRole('textbox', { name: 'Email' }).waitFor();
  await eventually(async () => assert.equal(await chat.getByRole('button', { name: 'Support', exact: true }).count(), 0, 'the opening answers go'), WAIT_MS);
  // The stored lines replace the window's own copies without showing any twice.
  assert.deepEqual(await threadLines(chat), [defaultChatflowTexts('en').welcomeMessage, HELLO, QUESTION, 'Sales', CAPTURE]);
  await assertAccessible(t, 'the chat started by an answer', await chatFrame(visitor));
});

step('a reload continues there: the capture form is still asked for, the opening answers do not come back', async () => {
  await visitor.reload();
  const chat = chatOf(visitor);
  await chat.getByRole('textbox', { name: 'Email' }).waitFor();
  assert.deepEqual(await threadLines(chat), [defaultChatflowTexts('en').welcomeMessage, HELLO, QUESTION, 'Sales', CAPTURE]);
  assert.equal(await chat.getByRole('button', { name: 'Sales', exact: true }).count(), 0);
  assert.equal(await chat.getByRole('button', { name: 'Support', exact: true }).count(), 0);
  await noSidewaysScroll(await chatFrame(visitor));
});

step('typing instead of picking: the opening is stored before the line, once, and the flow waits at the question', async () => {
  const page = await newPage();
  const chat = await openChat(page, `${host.sameSiteUrl}/`);
  await chat.getByRole('button', { name: 'Support', exact: true }).waitFor();
  await chat.getByRole('textbox', { name: 'Message' }).fill('Hello there');
  await chat.getByRole('button', { name: 'Send', exact: true }).click();
  const log = chat.getByRole('log');
  await log.locator('.msg.own:not(.pending)').getByText('Hello there').waitFor();
  await eventually(async () => assert.deepEqual(await threadLines(chat), [defaultChatflowTexts('en').welcomeMessage, HELLO, QUESTION, 'Hello there']), WAIT_MS);
  // The stored question's own buttons: answering goes on in the conversation just started.
  await chat.getByRole('button', { name: 'Support', exact: true }).click();
  await log.getByText(SUPPORT_REPLY).waitFor();
  await eventually(async () => assert.equal(await chat.getByRole('button', { name: 'Support', exact: true }).count(), 0), WAIT_MS);
});

step('explicit consent: the answers stay disabled until "I agree", a forced start is refused, then "Support" starts the chat', async (t) => {
  // Forced past the window: a visitor who never agreed cannot start by answering.
  const session = await httpAs(cluster.url, null)('POST', '/api/widget/session', { siteKey: cluster.siteKey });
  assert.equal(session.status, 200, JSON.stringify(session.body));
  const conversationsBefore = await countRows('conversations');
  const forced = await httpAs(cluster.url, null, session.body.visitorToken)('POST', '/api/widget/flow/start', { chatflowId: consentChatflowId, cardId: 'topic', answerIndex: 1 });
  assert.equal(forced.status, 403, JSON.stringify(forced.body));
  assert.equal(forced.body.error.code, 'consent_required');
  assert.equal(await countRows('conversations'), conversationsBefore, 'the refused start changed nothing');

  const page = await newPage();
  const chat = await openChat(page, `${host.sameSiteUrl}/?consent=1`);
  await chat.getByText(DATA_TEXT).waitFor();
  const support = chat.getByRole('button', { name: 'Support', exact: true });
  await support.waitFor();
  assert.equal(await support.isDisabled(), true, 'no starting by an answer before "I agree"');
  assert.equal(await chat.getByRole('button', { name: 'Sales', exact: true }).isDisabled(), true);
  await assertAccessible(t, 'the opening waiting for consent', await chatFrame(page));

  await chat.getByRole('button', { name: 'I agree' }).click();
  await eventually(async () => assert.equal(await support.isDisabled(), false), WAIT_MS);
  await support.click();
  const log = chat.getByRole('log');
  await log.locator('.msg.own:not(.pending)').getByText('Support', { exact: true }).waitFor();
  await log.getByText(SUPPORT_REPLY).waitFor();
  assert.equal(await chat.getByRole('alert').count(), 0, 'no refusal shown');
});

step('an opening changed since the window read it: the pick is refused in words, the new opening shows and works', async () => {
  const page = await newPage();
  const chat = await openChat(page, `${host.sameSiteUrl}/`);
  await chat.getByRole('button', { name: 'Sales', exact: true }).waitFor();
  const changed = await admin('PATCH', `/api/admin/chatflows/${plainChatflowId}`, {
    flow: [
      { id: 'team', type: 'question', text: 'Which team?', answers: [{ label: 'Billing', cards: [{ type: 'message', text: 'Billing here.' }, liveChat] }] },
    ] satisfies FlowBranch,
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  await chat.getByRole('button', { name: 'Sales', exact: true }).click();
  await chat.getByRole('alert').getByText('Your answer could not be sent. Please try again.').waitFor();
  await chat.getByRole('log').getByText('Which team?').waitFor();
  assert.equal(await chat.getByRole('button', { name: 'Sales', exact: true }).count(), 0, 'the old answers go');
  await chat.getByRole('button', { name: 'Billing', exact: true }).click();
  await chat.getByRole('log').locator('.msg.own:not(.pending)').getByText('Billing', { exact: true }).waitFor();
  await chat.getByRole('log').getByText('Billing here.').waitFor();
  // Then the live-chat card speaks (nobody is online here).
  assert.deepEqual((await threadLines(chat)).slice(0, 4), [defaultChatflowTexts('en').welcomeMessage, 'Which team?', 'Billing', 'Billing here.']);
});

step('preview: the unsaved flow opening shows, a picked answer stays in the page, a changed config changes the opening', async (t) => {
  const visitorsBefore = await countRows('visitors');
  const page = await newPage();
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/widget/')) calls.push(url.pathname);
  });
  // The dashboard frames this page; opened on its own, the page is its own parent, so a message
  // it posts to itself is what the dashboard's would be.
  await page.goto(`${cluster.url}/widget/preview/?site=${encodeURIComponent(cluster.siteKey)}`);
  const config: WidgetConfig = {
    siteKey: cluster.siteKey,
    chatflowId: 0,
    language: 'en',
    version: 0,
    accentColor: '#1f6feb',
    welcomeMessage: 'Draft hello',
    heading: { title: 'Draft team', people: [] },
    brandAsAgentAlias: false,
    display: { desktop: 'launcher', mobile: 'launcher', triggers: { exitIntent: false, secondsOnPage: null, scrollPercent: null } },
    unreadSound: false,
    unreadTitleFlash: false,
    loaderStrings: loaderStrings('en'),
    emailCapture: { mode: 'never', minutes: 5, prompt: '', visitorHasEmail: false },
    loginOnly: { mode: 'off', visitorIdentified: false },
    availability: { state: 'available', hideLauncher: false, message: null, typicalReplyTime: null, returnsAt: null },
    flowOpening: flowOpening(FLOW),
  };
  const post = (data: WidgetConfig) => page.evaluate((config) => window.postMessage({ parley: 1, type: 'preview:config', data: { config, device: 'mobile', open: true } }, location.origin), data);
  await eventually(async () => {
    await post(config);
    assert.equal(await page.locator(CHAT_FRAME).count(), 1);
  }, WAIT_MS);
  const chat = chatOf(page);
  await chat.getByRole('log').getByText(QUESTION).waitFor();
  assert.deepEqual(await threadLines(chat), ['Draft hello', HELLO, QUESTION]);
  await chat.getByRole('button', { name: 'Sales', exact: true }).click();
  await chat.getByRole('log').locator('.msg.own').getByText('Sales', { exact: true }).waitFor();
  await chat.getByText('Preview: messages are not sent.').waitFor();
  assert.equal(await chat.getByRole('button', { name: 'Support', exact: true }).count(), 0, 'answered once');
  await assertAccessible(t, 'the preview after an answer', await chatFrame(page));

  // The admin edits the flow: the opening shown follows the posted config.
  await post({ ...config, version: 1, flowOpening: { messages: ['A new first line'], question: null } });
  await chat.getByRole('log').getByText('A new first line').waitFor();
  assert.equal(await chat.getByRole('log').getByText(QUESTION).count(), 0);
  assert.deepEqual(calls, [], 'the preview calls no API');
  assert.equal(await countRows('visitors'), visitorsBefore, 'the preview created no visitor');
});

step('no script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
