/**
 * W8 in the agent's thread, in a real browser against a real server (run on both drivers): a
 * Finnish chatflow's flow asks a question and then for the visitor's details. The agent, with the
 * chat open while it runs, reads the bot's lines labelled "Bot", the question's answer options
 * (none marked until the visitor picks; then the pick, live), the fields the capture card asks for
 * and the filled details as label and value pairs in the chatflow's language. At 390 px the same,
 * without sideways scrolling; axe finds nothing serious. Needs `npm run build` and /usr/bin/chromium.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { FlowBranch } from '@parley/protocol';
import type { Locator, Page } from 'playwright-core';
import { connectAgent, type AgentClient } from '../../server/test/helpers/clients.js';
import { demoSite, updateChatflow } from '../../server/test/helpers/chatflows.js';
import { visitorWrites, type WritingVisitor } from '../../server/test/helpers/routing.js';
import type { TestCluster } from '../../server/test/helpers/testServer.js';
import { eventually } from '../../../e2e/browser.js';
import { PHONE, signedInPage, startInboxBench, type InboxBench } from './inboxTestKit.js';
import { assertAccessible, assertNoHorizontalScroll, step, WAIT_MS } from './siteTestKit.js';

const FLOW: FlowBranch = [
  {
    id: 'topic',
    type: 'question',
    text: 'Mikä tuo sinut tänne?',
    answers: [
      {
        label: 'Hinnoittelu',
        cards: [
          { id: 'details', type: 'capture', text: 'Mihin voimme vastata?', fields: ['email', 'firstName', 'seats'] },
          { id: 'sales', type: 'liveChat', onlineMessage: 'Yhdistän myyntiin.', offlineMessage: 'Myynti on poissa.', waitSeconds: 60, offline: [] },
        ],
      },
      { label: 'Tuki', cards: [{ id: 'guides', type: 'message', text: 'Ohjeet ovat osoitteessa /help.' }] },
      { label: 'Jotain muuta, joka vaatii pidemmän selityksen kuin muut vastaukset', cards: [{ id: 'other', type: 'message', text: 'Kerro lisää.' }] },
    ],
  },
];

let bench: InboxBench;
let cluster: TestCluster;
let admin: AgentClient;
let visitor: WritingVisitor;
let desktop: Page;

before(async () => {
  bench = await startInboxBench();
  cluster = bench.cluster;
  admin = await connectAgent(cluster.url, cluster.wsUrl);
  // The first admin is sent to the setup wizard until it is done; this test is about the inbox.
  await admin.http('POST', '/api/admin/setup/complete', {});
  const site = await demoSite(admin.http);
  await updateChatflow(admin.http, site.chatflows[0]!.id, { language: 'fi', flow: FLOW });
  visitor = await visitorWrites(cluster, 'Hei, kysyisin hinnoista');
  desktop = await signedInPage(bench, { viewport: { width: 1400, height: 900 }, waitMs: WAIT_MS });
}, { timeout: 30_000 });

after(async () => {
  admin?.close();
  await bench?.close();
});

const thread = (page: Page): Locator => page.getByRole('log', { name: 'Messages' });
const options = (page: Page): Locator => thread(page).getByRole('list', { name: 'Answer options' });
const pickedOption = (page: Page): Locator => options(page).locator('[aria-current="true"]');

async function openConversation(page: Page): Promise<void> {
  await page.goto(`${cluster.url}/inbox/conversations/${visitor.conversationId}`);
  await options(page).waitFor();
}

step('while the flow waits at the question the agent reads its answer options, none picked, and the bot labelled', async (t) => {
  await openConversation(desktop);
  assert.deepEqual(await options(desktop).getByRole('listitem').allInnerTexts(), [
    'Hinnoittelu',
    'Tuki',
    'Jotain muuta, joka vaatii pidemmän selityksen kuin muut vastaukset',
  ]);
  assert.equal(await pickedOption(desktop).count(), 0);
  // Not routed yet: the thread header says the chat is still with the bot.
  await desktop.locator('.status-bot').getByText('With bot', { exact: true }).first().waitFor();
  const question = thread(desktop).getByRole('listitem').filter({ hasText: 'Mikä tuo sinut tänne?' }).first();
  await question.getByText('Bot', { exact: true }).waitFor();
  // The visitor's line is no bot line.
  const visitorLine = thread(desktop).getByRole('listitem').filter({ hasText: 'Hei, kysyisin hinnoista' });
  assert.equal(await visitorLine.getByText('Bot', { exact: true }).count(), 0);
  await assertAccessible(t, 'a thread waiting at a question', desktop);
});

step('the visitor picks an answer: it is marked live, and the capture card lists the fields it asks for', async () => {
  const answered = await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/answer`, { cardId: 'topic', answerIndex: 0 });
  assert.deepEqual(answered.body, { applied: true });
  await eventually(async () => assert.equal(await pickedOption(desktop).count(), 1), WAIT_MS);
  assert.equal((await pickedOption(desktop).innerText()).replace(/\s+/g, ' ').trim(), 'Hinnoittelu Picked');
  const fields = thread(desktop).getByRole('list', { name: 'Fields asked for' });
  await fields.waitFor();
  // The inbox names the built-in fields in English; a custom property by its key.
  assert.deepEqual(await fields.getByRole('listitem').allInnerTexts(), ['Email', 'First name', 'seats']);
});

step('the filled details show as label and value pairs in the chatflow’s language', async (t) => {
  const captured = await visitor.http('POST', `/api/widget/conversations/${visitor.conversationId}/flow/capture`, {
    cardId: 'details',
    fields: { email: 'maija@example.com', firstName: 'Maija', seats: '40' },
  });
  assert.deepEqual(captured.body, { applied: true });
  const details = thread(desktop).locator('dl.flow-captured');
  await details.waitFor();
  const pairs = await details.locator('div').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));
  assert.deepEqual(pairs, [
    ['Sähköposti', 'maija@example.com'],
    ['Etunimi', 'Maija'],
    ['seats', '40'],
  ]);
  // Handed off at the live-chat card: the bot badge goes, live.
  await eventually(async () => assert.equal(await desktop.locator('.status-bot').count(), 0), WAIT_MS);
  await assertAccessible(t, 'a thread after the flow', desktop);
});

step('on a 390 px phone: the options with the pick, the fields and the details, without sideways scrolling', async (t) => {
  const phone = await signedInPage(bench, { viewport: PHONE, waitMs: WAIT_MS });
  try {
    await openConversation(phone);
    await pickedOption(phone).getByText('Picked').waitFor();
    assert.equal(await options(phone).getByRole('listitem').count(), 3);
    await thread(phone).getByRole('list', { name: 'Fields asked for' }).waitFor();
    await thread(phone).locator('dl.flow-captured').getByText('maija@example.com').waitFor();
    // The long answer wraps inside the bubble instead of pushing the page wider.
    const long = options(phone).getByRole('listitem').nth(2);
    const box = await long.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the long answer fits: ${JSON.stringify(box)}`);
    await assertNoHorizontalScroll(phone, 'the thread at 390 px');
    await assertAccessible(t, 'the thread at 390 px', phone);
  } finally {
    await phone.context().close();
  }
});
