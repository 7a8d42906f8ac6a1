/**
 * W8 running the flow in real browsers against a real node (the drivers chosen by
 * PARLEY_TEST_DRIVERS): a customer's page on another origin embeds the widget; the chatflow's
 * flow asks a question (answer buttons named by their text), takes the picked branch, asks for
 * details (inputs labelled by their field, checked with translated sentences, Enter in the last
 * one submits) and hands off; with nobody there the offline branch asks again and a lead is made
 * ("Lead created"). Once in English and once in a Finnish chatflow, at 390 px, axe-clean.
 *
 * Steps run in order and build on each other; after a failed one the rest fail fast.
 * Needs the built front ends (`npm run build`) and /usr/bin/chromium; nothing is skipped.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { loaderStrings } from '@parley/chatflow';
import type { Chatflow, FlowBranch } from '@parley/protocol';
import type { FrameLocator, Page } from 'playwright-core';
import { httpAs, login } from '../apps/server/test/helpers/clients.js';
import { DRIVERS } from '../apps/server/test/helpers/drivers.js';
import type { TestCluster } from '../apps/server/test/helpers/testServer.js';
import { assertAccessible, eventually } from './browser.js';
import { chatFrame, failFastSteps, openChat, startChatScene, WAIT_MS, type ChatScene } from './chatKit.js';
import type { HostSite } from './hostPage.js';

const step = failFastSteps(30_000);

let scene: ChatScene;
let cluster: TestCluster;
let host: HostSite;
let admin: ReturnType<typeof httpAs>;

interface FlowTexts {
  question: string;
  answers: [string, string];
  capture: string;
  online: string;
  offline: string;
  offlineCapture: string;
}

function flowOf(texts: FlowTexts, fields: string[]): FlowBranch {
  return [
    {
      type: 'question',
      text: texts.question,
      answers: [
        {
          label: texts.answers[0],
          cards: [
            { type: 'capture', text: texts.capture, fields },
            { type: 'liveChat', onlineMessage: texts.online, offlineMessage: texts.offline, waitSeconds: 60, offline: [{ type: 'capture', text: texts.offlineCapture, fields: ['phone'] }] },
          ],
        },
        { label: texts.answers[1], cards: [{ type: 'message', text: 'See our guides.' }] },
      ],
    },
  ];
}

const ENGLISH: FlowTexts = {
  question: 'What can we help you with?',
  answers: ['Pricing', 'Support'],
  capture: 'Where can we reach you?',
  online: 'Connecting you with sales.',
  offline: 'Sales is away right now.',
  offlineCapture: 'Leave your number and we will call you.',
};
const FINNISH: FlowTexts = {
  question: 'Miten voimme auttaa?',
  answers: ['Hinnoittelu', 'Tuki'],
  capture: 'Mistä tavoitamme sinut?',
  online: 'Yhdistämme sinut myyntiin.',
  offline: 'Myynti ei ole nyt paikalla.',
  offlineCapture: 'Jätä numerosi, niin soitamme.',
};

before(async () => {
  scene = await startChatScene();
  ({ cluster, host } = scene);
  admin = httpAs(cluster.url, (await login(cluster.url)).cookie);
}, { timeout: 30_000 });

after(async () => {
  await scene?.close();
});

const newPage = (): Promise<Page> => scene.newPage({ viewport: { width: 390, height: 844 } });

async function leadCount(): Promise<number> {
  const db = cluster.nodes[0]!.server.ctx.storage.db;
  const row = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

step(`an English chatflow and a Finnish one (?lang=fi) with flows, over the admin API (${DRIVERS})`, async () => {
  const sites = await admin('GET', '/api/admin/sites');
  const site = (sites.body as { sites: Array<{ id: number; siteKey: string; chatflows: Chatflow[] }> }).sites.find((s) => s.siteKey === cluster.siteKey)!;
  // The site's chatflow shows on every page; it goes last so the Finnish one wins on its pages.
  const english = await admin('PATCH', `/api/admin/chatflows/${site.chatflows[0]!.id}`, { priority: 100, flow: flowOf(ENGLISH, ['email', 'firstName']) });
  assert.equal(english.status, 200, JSON.stringify(english.body));
  const finnish = await admin('POST', '/api/admin/chatflows', {
    siteId: site.id,
    name: 'Suomeksi',
    language: 'fi',
    published: true,
    priority: 0,
    targeting: { groups: [[{ field: 'query', name: 'lang', value: 'fi' }]], exclusions: [] },
    flow: flowOf(FINNISH, ['email', 'firstName', 'company']),
  });
  assert.equal(finnish.status, 201, JSON.stringify(finnish.body));
});

/** The visitor writes; the flow's question comes back with its answers as buttons. */
async function startFlow(chat: FrameLocator, labels: { message: string; send: string }, body: string, texts: FlowTexts): Promise<void> {
  await chat.getByRole('textbox', { name: labels.message }).fill(body);
  await chat.getByRole('button', { name: labels.send, exact: true }).click();
  await chat.getByRole('log').getByText(texts.question).waitFor();
  await chat.getByRole('button', { name: texts.answers[1], exact: true }).waitFor();
}

step('English: answer by button, details by label with a translated check, Enter submits, then the offline branch makes a lead', async (t) => {
  const page = await newPage();
  const chat = await openChat(page, `${host.sameSiteUrl}/`);
  await startFlow(chat, { message: 'Message', send: 'Send' }, 'Hello, a question about prices', ENGLISH);

  await chat.getByRole('button', { name: 'Pricing', exact: true }).click();
  const log = chat.getByRole('log');
  await log.locator('.msg.own').getByText('Pricing', { exact: true }).waitFor();
  await eventually(async () => assert.equal(await chat.getByRole('button', { name: 'Pricing', exact: true }).count(), 0, 'the answers go once answered'), WAIT_MS);

  await log.getByText(ENGLISH.capture).waitFor();
  const email = chat.getByRole('textbox', { name: 'Email' });
  const firstName = chat.getByRole('textbox', { name: 'First name' });
  await email.fill('not an email');
  await firstName.fill('Maija');
  await firstName.press('Enter');
  await chat.getByRole('alert').getByText('Enter a valid email address, like name@example.com.').waitFor();
  await assertAccessible(t, 'the capture form with an error', await chatFrame(page));
  await email.fill('maija@example.com');
  await firstName.press('Enter');
  await log.locator('.msg.own').getByText('maija@example.com', { exact: false }).waitFor();
  await eventually(async () => assert.equal(await chat.getByRole('textbox', { name: 'First name' }).count(), 0), WAIT_MS);

  // Nobody is online: the offline message, then the offline branch's own capture.
  await log.getByText(ENGLISH.offline).waitFor();
  await log.getByText(ENGLISH.offlineCapture).waitFor();
  const phone = chat.getByRole('textbox', { name: 'Phone' });
  await phone.fill('+358 40 123 4567');
  await phone.press('Enter');
  await log.getByText('Lead created').waitFor();
  await eventually(async () => assert.equal(await leadCount(), 1), WAIT_MS);

  // A reload continues where the flow is: nothing left to answer, the thread as it was.
  // (The window stays open across the reload.)
  await page.reload();
  await chat.getByRole('log').getByText('Lead created').waitFor();
  assert.equal(await chat.getByRole('textbox', { name: 'Phone' }).count(), 0);
  await assertAccessible(t, 'the English chat after the flow', await chatFrame(page));
});

step('Finnish: buttons and labels in Finnish, a missing field named in Finnish, Enter in the last field submits', async (t) => {
  const page = await newPage();
  const chat = await openChat(page, `${host.sameSiteUrl}/?lang=fi`, loaderStrings('fi').openChat);
  await startFlow(chat, { message: 'Viesti', send: 'Lähetä' }, 'Hei, paljonko maksaa?', FINNISH);

  // A reload before answering shows the same question and buttons (the position is stored).
  await page.reload();
  await chat.getByRole('button', { name: 'Hinnoittelu', exact: true }).click();
  await chat.getByRole('log').getByText(FINNISH.capture).waitFor();
  await chat.getByRole('textbox', { name: 'Sähköposti' }).fill('liisa@example.com');
  const company = chat.getByRole('textbox', { name: 'Yritys' });
  await company.fill('Liisan Leipomo');
  await company.press('Enter');
  await chat.getByRole('alert').getByText('Täytä kenttä Etunimi.').waitFor();
  await chat.getByRole('textbox', { name: 'Etunimi' }).fill('Liisa');
  await company.press('Enter');
  await chat.getByRole('log').getByText(FINNISH.offline).waitFor();
  await chat.getByRole('textbox', { name: 'Puhelin' }).waitFor();
  assert.equal(await chat.getByRole('button', { name: 'Send', exact: true }).count(), 0, 'no English left');
  await assertAccessible(t, 'the Finnish capture form', await chatFrame(page));
  const frame = await chatFrame(page);
  const { scrollWidth, clientWidth } = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, 'no sideways scroll at 390 px');
});

step('no script errors in any page or frame', async () => {
  assert.deepEqual(scene.pageErrors, []);
});
